import {
  checkA11y,
  collectPageErrors,
  launchChromium,
  type RunningKuulo,
  screenshot,
  startKuulo,
} from "@kuulo/e2e";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureDemoRecordings, type Lang, loginOf, signIn, texts, trpcCall } from "./helpers.js";

const NAMED = { username: "eero.esimerkki", password: "hiljainen järvi aamulla", name: "Eero Esimerkki" };
const SALES = { username: "aino.myyja", name: "Aino Myyjä" };
const PLAYLIST_TITLE = "Nimetylle työntekijälle";

describe("assigning a playlist to a named employee", () => {
  const { ui, tr } = texts("en");
  let kuulo: RunningKuulo;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[][] = [];
  let trainer: Page;
  let employee: Page;
  let playlistId = "";

  const newPage = async () => {
    const context = await browser.newContext({ locale: "en-GB", viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    pageErrors.push(collectPageErrors(page));
    return page;
  };
  const heading = (page: Page, name: string) => page.getByRole("heading", { level: 1, name }).waitFor();
  const view = async (page: Page, lang: Lang, name: string) => {
    await checkA11y(page, `${lang} ${name}`);
    await screenshot(page, `${lang}-${name}`);
  };
  const picker = (page: Page, lang: Lang) =>
    page.getByRole("combobox", { name: texts(lang).tr.assign.people });
  // Scoped to the picker's listbox: the language switcher's <option>s have the same role.
  const options = (page: Page, lang: Lang) =>
    page.getByRole("listbox", { name: texts(lang).tr.assign.people }).getByRole("option");

  beforeAll(async () => {
    // The administrator sets up this suite's accounts directly; the second person's approval of listening
    // rights (separation of duties) has its own API test and admin browser test.
    [kuulo, browser] = await Promise.all([
      startKuulo({ env: { KUULO_FOUR_EYES_LISTENING_GRANTS: "0" } }),
      launchChromium(),
    ]);
    // The administrator creates an employee of the trainer's unit (HKI-ASPA) and one of another unit.
    const admin = await newPage();
    await admin.goto(kuulo.baseUrl);
    await signIn(admin, "en", kuulo.login("administrator"));
    await ensureDemoRecordings(kuulo, admin);
    const me = await trpcCall<{ organisation: { id: string } }>(admin, "auth.me", undefined, "query");
    const units = await trpcCall<{ id: string; code: string }[] | { items: { id: string; code: string }[] }>(
      admin,
      "units.find",
      {},
      "query",
    );
    const unitList = Array.isArray(units) ? units : units.items;
    const unitOf = (code: string) => {
      const unit = unitList.find((candidate) => candidate.code === code);
      if (!unit) throw new Error(`demo unit ${code} missing`);
      return unit.id;
    };
    const createEmployee = (person: { username: string; name: string }, unitCode: string) => {
      const [firstName, lastName] = person.name.split(" ");
      return trpcCall<{ setPasswordToken: string }>(
        admin,
        "users.create",
        {
          organisationId: me.organisation.id,
          username: person.username,
          firstName,
          lastName,
          grants: [{ role: "employee", unitId: unitOf(unitCode) }],
        },
        "mutation",
      );
    };
    const named = await createEmployee(NAMED, "HKI-ASPA");
    await createEmployee(SALES, "HKI-MYYNTI");
    const anonymous = await newPage();
    await anonymous.goto(kuulo.baseUrl);
    await trpcCall(
      anonymous,
      "auth.setPasswordWithToken",
      { token: named.setPasswordToken, newPassword: NAMED.password },
      "mutation",
    );
    // Building the playlist through the editor is covered by training-flows; here it is made by API.
    [trainer, employee] = await Promise.all([newPage(), newPage()]);
    await trainer.goto(kuulo.baseUrl);
    await signIn(trainer, "en", loginOf(kuulo, "kouluttaja"));
    const hki = unitOf("HKI-ASPA");
    const calls = await trpcCall<{ items: { id: string; unit: { id: string } }[] }>(
      trainer,
      "recordings.find",
      {},
      "query",
    );
    const call = calls.items.find((item) => item.unit.id === hki);
    if (!call) throw new Error("no HKI-ASPA demo recording");
    const created = await trpcCall<{ id: string }>(
      trainer,
      "playlists.create",
      { title: PLAYLIST_TITLE, unitId: hki },
      "mutation",
    );
    playlistId = created.id;
    await trpcCall(
      trainer,
      "playlists.setItems",
      { playlistId, items: [{ recordingId: call.id, clipStartMs: 0, clipEndMs: 3000, note: "Avaus" }] },
      "mutation",
    );
    await trpcCall(trainer, "playlists.publish", { playlistId }, "mutation");
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close();
    await kuulo?.stop();
  });

  it("the trainer finds the employee by name in the picker and assigns by keyboard", async () => {
    await trainer.goto(`${kuulo.baseUrl}/playlists/${playlistId}`);
    await heading(trainer, PLAYLIST_TITLE);
    const input = picker(trainer, "en");
    // Another unit's employee is not offered.
    await input.fill("Myyjä");
    await trainer.getByText(tr.assign.noPeople).waitFor();
    await input.fill("esimerk");
    const option = options(trainer, "en").filter({ hasText: NAMED.name });
    await option.waitFor();
    expect(await options(trainer, "en").count()).toBe(1);
    await input.press("ArrowDown");
    await expect.poll(() => option.getAttribute("aria-selected")).toBe("true");
    expect(await input.getAttribute("aria-activedescendant")).toBe(await option.getAttribute("id"));
    await view(trainer, "en", "20-assign-picker");
    await input.press("Enter");
    const chosen = trainer.getByTestId("chosen-people");
    await chosen.getByText(`${NAMED.name} (${NAMED.username})`).waitFor();
    expect(await input.inputValue()).toBe("");
    await trainer.getByRole("button", { name: tr.assign.assign, exact: true }).click();
    await trainer.getByTestId("assignments").getByText(`${NAMED.name} (${NAMED.username})`).waitFor();
    expect(await chosen.count()).toBe(0);
    // An assigned person is no longer offered.
    await input.fill("esimerk");
    await trainer.getByText(tr.assign.noPeople).waitFor();
    await input.press("Escape");
    await view(trainer, "en", "21-assigned-named");
  });

  it("that employee sees the playlist in My training", async () => {
    await employee.goto(kuulo.baseUrl);
    await signIn(employee, "en", NAMED);
    await heading(employee, tr.myTraining.title);
    await employee.getByRole("link", { name: PLAYLIST_TITLE }).waitFor();
  });

  it("shows the picker in Finnish, and unassigning removes the playlist from My training", async () => {
    const { tr: fiTexts, ui: fiUi } = texts("fi");
    await trainer.goto(`${kuulo.baseUrl}/playlists/${playlistId}`);
    await trainer.getByLabel(ui.language).selectOption("fi");
    await trainer.getByRole("navigation", { name: fiUi.mainNavigation }).waitFor();
    await heading(trainer, PLAYLIST_TITLE);
    const input = picker(trainer, "fi");
    await input.fill("korhonen");
    await options(trainer, "fi").filter({ hasText: "Mikko Korhonen" }).waitFor();
    await input.press("ArrowDown");
    await view(trainer, "fi", "20-assign-picker");
    await input.press("Escape");
    await expect.poll(() => options(trainer, "fi").count()).toBe(0);

    await trainer
      .getByRole("button", { name: fiTexts.assign.unassign.replace("{{name}}", NAMED.name) })
      .click();
    await trainer.getByText(fiTexts.assign.none).waitFor();
    await employee.reload();
    await heading(employee, tr.myTraining.title);
    await employee.getByText(tr.myTraining.emptyTitle).waitFor();
    expect(await employee.getByRole("link", { name: PLAYLIST_TITLE }).count()).toBe(0);
  });

  it("raised no page errors", () => {
    expect(pageErrors.flat()).toEqual([]);
  });
});
