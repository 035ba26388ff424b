import {
  checkA11y,
  collectPageErrors,
  launchChromium,
  type RunningKuulo,
  screenshot,
  startKuulo,
} from "@kuulo/e2e";
import { inboxPageMessages } from "@kuulo/ui/inbox";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureDemoRecordings, type Lang, loginOf, signIn, texts, trpcCall } from "./helpers.js";

const MIKKO = "Mikko Korhonen";
const TITLES: Record<Lang, string> = { fi: "Määräpäivän harjoitus", en: "Due-day practice" };

/** How a person types the day in each language (what the due-day field accepts). */
const typed = (day: string, lang: Lang) => {
  const [year, month, date] = day.split("-");
  return lang === "fi" ? `${Number(date)}.${Number(month)}.${year}` : `${date}/${month}/${year}`;
};

/** A day a week ahead, "YYYY-MM-DD" (the UI offers no past days). */
const dueDay = () => new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);

describe("inbox in the training portal", () => {
  let kuulo: RunningKuulo;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[][] = [];
  const playlistIds: Partial<Record<Lang, string>> = {};

  const newPage = async (lang: Lang) => {
    const context = await browser.newContext({
      locale: lang === "fi" ? "fi-FI" : "en-GB",
      viewport: { width: 1280, height: 900 },
    });
    context.setDefaultTimeout(60_000);
    contexts.push(context);
    const page = await context.newPage();
    pageErrors.push(collectPageErrors(page));
    return page;
  };
  const view = async (page: Page, lang: Lang, name: string) => {
    await checkA11y(page, `${lang} ${name}`);
    await screenshot(page, `${lang}-${name}`);
  };

  beforeAll(async () => {
    [kuulo, browser] = await Promise.all([startKuulo(), launchChromium()]);
    const admin = await newPage("en");
    await admin.goto(kuulo.baseUrl);
    await signIn(admin, "en", kuulo.login("administrator"));
    await ensureDemoRecordings(kuulo, admin);
    // The playlists are made by API (the editor has its own tests); assigning with a due day is the UI under test.
    const trainer = await newPage("en");
    await trainer.goto(kuulo.baseUrl);
    await signIn(trainer, "en", loginOf(kuulo, "kouluttaja"));
    const calls = await trpcCall<{ items: { id: string; unit: { id: string; code?: string } }[] }>(
      trainer,
      "recordings.find",
      {},
      "query",
    );
    const call = calls.items[0];
    if (!call) throw new Error("no demo recording for the trainer");
    for (const lang of ["fi", "en"] as const) {
      const created = await trpcCall<{ id: string }>(
        trainer,
        "playlists.create",
        { title: TITLES[lang], unitId: call.unit.id },
        "mutation",
      );
      await trpcCall(
        trainer,
        "playlists.setItems",
        {
          playlistId: created.id,
          items: [{ recordingId: call.id, clipStartMs: 0, clipEndMs: 3000, note: "" }],
        },
        "mutation",
      );
      await trpcCall(trainer, "playlists.publish", { playlistId: created.id }, "mutation");
      playlistIds[lang] = created.id;
    }
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close();
    await kuulo?.stop();
  });

  it.each<Lang>(["fi", "en"])(
    "%s: the trainer assigns with a due day typed the language's way; the employee's badge and inbox show it",
    async (lang) => {
      const { ui, tr } = texts(lang);
      const inbox = inboxPageMessages[lang];
      const playlistId = playlistIds[lang] ?? "";
      const day = dueDay();
      const shownDay = new Intl.DateTimeFormat(lang === "fi" ? "fi-FI" : "en-GB", {
        dateStyle: "medium",
      }).format(new Date(day));

      const trainer = await newPage(lang);
      await trainer.goto(`${kuulo.baseUrl}/playlists/${playlistId}`);
      await signIn(trainer, lang, loginOf(kuulo, "kouluttaja"));
      await trainer.getByRole("heading", { level: 1, name: TITLES[lang] }).waitFor();
      const picker = trainer.getByRole("combobox", { name: tr.assign.people });
      await picker.fill("korhonen");
      await trainer
        .getByRole("listbox", { name: tr.assign.people })
        .getByRole("option")
        .filter({ hasText: MIKKO })
        .waitFor();
      await picker.press("ArrowDown");
      await picker.press("Enter");
      const due = trainer.getByLabel(tr.due.label);
      // A day written the other language's way is refused with the expected pattern, in this language.
      await due.fill(typed(day, lang === "fi" ? "en" : "fi"));
      await trainer.getByRole("button", { name: tr.assign.assign, exact: true }).click();
      const pattern = lang === "fi" ? "pp.kk.vvvv" : "dd/mm/yyyy";
      await trainer
        .getByText(tr.due.invalid.replace("{{pattern}}", pattern).split("{{example}}")[0] ?? "")
        .waitFor();
      expect(await due.getAttribute("aria-invalid")).toBe("true");
      await due.fill(typed(day, lang));
      await trainer.getByRole("button", { name: tr.assign.assign, exact: true }).click();
      await trainer
        .getByTestId("assignments")
        .getByText(tr.due.assigned.replace("{{date}}", shownDay))
        .waitFor();
      await view(trainer, lang, "40-assign-due-day");

      const employee = await newPage(lang);
      await employee.goto(kuulo.baseUrl);
      await signIn(employee, lang, loginOf(kuulo, "mikko.korhonen"));
      const nav = employee.getByRole("navigation", { name: ui.mainNavigation });
      const badge = nav.getByTestId("inbox-badge");
      await badge.waitFor();
      expect(Number(await badge.textContent())).toBeGreaterThanOrEqual(1);
      await view(employee, lang, "41-inbox-badge");
      await nav.getByRole("link", { name: new RegExp(`^${ui.inbox.nav}`) }).click();
      await employee.getByRole("heading", { level: 1, name: inbox.title }).waitFor();
      const sentence = inbox.item.assignment_new_due
        .replace("{{playlist}}", TITLES[lang])
        .replace("{{date}}", shownDay);
      const item = employee.getByTestId("inbox-items").getByRole("link", { name: sentence });
      await item.waitFor();
      await view(employee, lang, "42-inbox-employee");
      await item.click();
      await employee.getByRole("heading", { level: 1, name: TITLES[lang] }).waitFor();

      await nav.getByRole("link", { name: tr.nav.myTraining, exact: true }).click();
      await employee.getByRole("heading", { level: 1, name: tr.myTraining.title }).waitFor();
      await employee.getByText(tr.due.mine.replace("{{date}}", shownDay), { exact: false }).first().waitFor();
      await view(employee, lang, "43-my-training-due");

      await trainer.goto(`${kuulo.baseUrl}/inbox`);
      await trainer.getByRole("heading", { level: 1, name: inbox.title }).waitFor();
      await trainer.getByTestId("inbox-items").or(trainer.getByText(inbox.empty)).first().waitFor();
      await view(trainer, lang, "44-inbox-trainer");
    },
  );

  it("raised no page errors", () => {
    expect(pageErrors.flat()).toEqual([]);
  });
});
