import { readFile } from "node:fs/promises";
import { auditTexts, fillTemplate } from "@kuulo/domain/audit";
import {
  ApiSession,
  checkA11y,
  collectPageErrors,
  launchChromium,
  type RunningKuulo,
  screenshot,
  startKuulo,
} from "@kuulo/e2e";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Lang, newContext, signIn, texts, typedDate } from "./helpers.js";

let kuulo: RunningKuulo;
let browser: Browser;

/** The administrator asks for Mikko's trainer role in one unit: an event with an actor, a person, a role and a unit. */
beforeAll(async () => {
  [kuulo, browser] = await Promise.all([startKuulo(), launchChromium()]);
  const login = kuulo.login("administrator");
  const admin = new ApiSession(kuulo.baseUrl);
  await admin.signIn(login.username, login.password, login.totpSecret);
  const people = await admin.data<{ items: { id: string; username: string }[] }>(
    "users.find",
    { search: "mikko" },
    "query",
  );
  const mikko = people.items.find((person) => person.username === "mikko.korhonen");
  const units = await admin.data<{ id: string; code: string }[]>("units.find", {}, "query");
  const unit = units.find((candidate) => candidate.code === "TRE-ASPA");
  await admin.data("grants.create", { userId: mikko?.id, role: "trainer", unitId: unit?.id });
});

afterAll(async () => {
  await browser?.close();
  await kuulo?.stop();
});

describe.each<Lang>(["en", "fi"])("the audit log in %s", (lang) => {
  const { admin, ui } = texts(lang);
  const words = auditTexts(lang);
  const unitIn = fillTemplate(words.unitIn, { unit: "Tampere, asiakaspalvelu (TRE-ASPA)" });
  const params = { actor: "Anna Ylläpitäjä", target: "Mikko Korhonen", role: words.roles.trainer, unitIn };
  // Listening roles wait for a second person (four-eyes) unless the install turned that off.
  const sentences = [
    fillTemplate(words.actions["grant.request"].sentence, params),
    fillTemplate(words.actions["grant.create"].sentence, params),
  ];

  it("filters by a person picked by name, reads events as sentences, opens details and exports readable CSV", async () => {
    const context = await newContext(browser, lang === "fi" ? "fi-FI" : "en-GB");
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    const shot = (name: string) => screenshot(page, `${lang}-audit-${name}`);
    await page.goto(`${kuulo.baseUrl}/admin/audit`);
    await signIn(page, lang, kuulo.login("privacy_officer"));
    await page.getByRole("heading", { level: 1, name: admin.audit.title }).waitFor();
    await page.getByTestId("audit-sentence").first().waitFor();

    const person = page.getByRole("combobox", { name: admin.audit.person });
    await person.fill("Ylläpit");
    const option = page.getByRole("option", { name: /Anna Ylläpitäjä/ });
    await option.waitFor();
    await shot("01-person-search");
    await option.click();
    await page.getByTestId("name-picker-chosen").getByText("Anna Ylläpitäjä").waitFor();
    await page
      .getByLabel(admin.audit.action)
      .selectOption({ label: fillTemplate(admin.audit.allInArea, { area: words.areas.grant }) });
    // Dates are typed the UI language's way (6.12.2026 / 06/12/2026) and reach the address as ISO days.
    const today = new Date();
    await page.getByLabel(admin.audit.from).fill(typedDate(lang, today));
    await page.getByRole("button", { name: admin.filters.apply }).click();
    await page.waitForURL(/actor=[0-9a-f-]{36}/);
    await page.waitForURL(/action=grant\./);
    const day = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, "0")}-${String(today.getDate()).padStart(2, "0")}`;
    await page.waitForURL(new RegExp(`from=${day}`));

    const row = page
      .locator("tbody tr")
      .filter({ hasText: sentences[0] })
      .or(page.locator("tbody tr").filter({ hasText: sentences[1] }));
    await row.first().waitFor();
    const shown = page.getByTestId("audit-sentence");
    // The unfiltered page stays on screen until the filtered one arrives, and it holds the same grant rows
    // among others' events: wait for the filtered page (state), then read it.
    const onlyTheActor = async () => {
      const texts = await shown.allTextContents();
      return texts.length > 0 && texts.every((text) => text.startsWith("Anna Ylläpitäjä"));
    };
    await expect.poll(onlyTheActor).toBe(true);
    for (const text of await shown.allTextContents()) {
      expect(text.startsWith("Anna Ylläpitäjä")).toBe(true);
      expect(text).not.toMatch(/\bR\d+\b|[0-9a-f]{8}-[0-9a-f]{4}/);
    }
    await checkA11y(page, `${lang}-audit-filtered`);
    await shot("02-filtered");

    await row.first().getByRole("button").click();
    const dialog = page.getByRole("dialog");
    const sentence = dialog.getByTestId("audit-event-sentence");
    await sentence.waitFor();
    expect(sentences).toContain(await sentence.textContent());
    const json = dialog.getByTestId("audit-event-json");
    expect(await json.isVisible()).toBe(false);
    await dialog.getByText(admin.audit.showDetails).click();
    await json.waitFor();
    expect(await json.textContent()).toContain('"role": "trainer"');
    await checkA11y(page, `${lang}-audit-event`);
    await shot("03-event-details");
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: admin.audit.export }).click(),
    ]);
    const lines = (await readFile((await download.path()) ?? "", "utf8")).trim().split(/\r?\n/);
    expect(lines[0]?.split(",").slice(0, 8)).toEqual([
      words.csv.seq,
      words.csv.occurredAt,
      words.csv.time,
      words.csv.actor,
      words.csv.event,
      words.csv.actionLabel,
      words.csv.target,
      words.csv.outcome,
    ]);
    const grantLine = lines.find((line) => sentences.some((text) => line.includes(text)));
    expect(grantLine).toBeDefined();
    expect(grantLine).toContain("Mikko Korhonen");
    expect(grantLine).toMatch(/grant\.(request|create)/);
    const count = lines.length - 1;
    const exported = (count === 1 ? admin.audit.exported_one : admin.audit.exported_other).replace(
      "{{count}}",
      String(count),
    );
    await page.getByText(exported).waitFor();
    await shot("04-exported");
    expect(errors.filter((error) => !error.includes(ui.loading))).toEqual([]);
    await context.close();
  });
});
