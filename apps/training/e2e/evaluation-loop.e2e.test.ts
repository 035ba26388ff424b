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

/**
 * The evaluation loop in Chromium, each test with its own evaluation: the trainer evaluates a demo call of
 * Mikko's with two moments (one linked to a criterion), turns a moment into a clip and coaches from the
 * weak criterion; Mikko replies to a moment and disputes; a second reviewer of the unit changes the score.
 */
const NEED = "Tarpeen selvitys ennen ratkaisua";
const REVIEWER = { username: "laura.laatu", password: "kaksi kissaa kiipeää kuusessa", name: "Laura Laatu" };

interface FormRow {
  published: {
    id: string;
    content: { sections: { criteria: { key: string; answerType: string }[] }[] };
  } | null;
}

describe.each(["en", "fi"] as const)("the evaluation loop (%s)", (lang: Lang) => {
  const { tr } = texts(lang);
  const loop = tr.qualityLoop;
  let kuulo: RunningKuulo;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[][] = [];
  let trainer: Page;
  let mikko: Page;
  let laura: Page;
  let recordingId = "";

  const newPage = async () => {
    const context = await browser.newContext({
      locale: lang === "fi" ? "fi-FI" : "en-GB",
      viewport: { width: 1280, height: 1000 },
    });
    contexts.push(context);
    const page = await context.newPage();
    pageErrors.push(collectPageErrors(page));
    return page;
  };
  const view = async (page: Page, name: string) => {
    await checkA11y(page, `${lang} ${name}`);
    await screenshot(page, `${lang}-evaluation-loop-${name}`);
  };
  const fill = (template: string, values: Record<string, string>) =>
    Object.entries(values).reduce((text, [key, value]) => text.replace(`{{${key}}}`, value), template);

  /** An evaluation made through the API by the trainer: everything best, two moments, one on "need". */
  async function trainersEvaluation(tag: string) {
    const forms = await trpcCall<FormRow[]>(trainer, "quality.forms.list", undefined, "query");
    const version = forms.find((form) => form.published)?.published;
    if (!version) throw new Error("no published demo form");
    const answers = version.content.sections
      .flatMap((section) => section.criteria)
      .map((c) => ({ criterionKey: c.key, value: c.answerType === "yes_no" ? "yes" : 5 }));
    const moments = [
      { kind: "praise", startMs: 500, endMs: 2500, text: `${tag}: hyvä avaus`, criterionKey: null },
      { kind: "improve", startMs: 3000, endMs: 5000, text: `${tag}: kysy tarve`, criterionKey: "need" },
    ];
    const summary = `${tag}: kokonaisuus`;
    const evaluation = await trpcCall<{ id: string }>(
      trainer,
      "quality.evaluations.create",
      { recordingId, formVersionId: version.id, answers, summary, moments },
      "mutation",
    );
    return { evaluationId: evaluation.id, summary, moments };
  }

  beforeAll(async () => {
    // The second reviewer's listening grant is set up directly; four-eyes approval has its own tests.
    [kuulo, browser] = await Promise.all([
      startKuulo({ env: { KUULO_FOUR_EYES_LISTENING_GRANTS: "0" } }),
      launchChromium(),
    ]);
    const admin = await newPage();
    await admin.goto(kuulo.baseUrl);
    await signIn(admin, lang, kuulo.login("administrator"));
    await ensureDemoRecordings(kuulo, admin);
    await trpcCall(admin, "qualitySettings.update", { enabled: true, retentionDays: 730 }, "mutation");
    const me = await trpcCall<{ organisation: { id: string } }>(admin, "auth.me", undefined, "query");
    const units = await trpcCall<{ id: string; code: string }[] | { items: { id: string; code: string }[] }>(
      admin,
      "units.find",
      {},
      "query",
    );
    const hki = (Array.isArray(units) ? units : units.items).find((unit) => unit.code === "HKI-ASPA");
    if (!hki) throw new Error("demo unit HKI-ASPA missing");
    const [firstName, lastName] = REVIEWER.name.split(" ");
    const created = await trpcCall<{ setPasswordToken: string }>(
      admin,
      "users.create",
      {
        organisationId: me.organisation.id,
        username: REVIEWER.username,
        firstName,
        lastName,
        grants: [{ role: "quality_reviewer", unitId: hki.id }],
      },
      "mutation",
    );
    const anonymous = await newPage();
    await anonymous.goto(kuulo.baseUrl);
    await trpcCall(
      anonymous,
      "auth.setPasswordWithToken",
      { token: created.setPasswordToken, newPassword: REVIEWER.password },
      "mutation",
    );
    [trainer, mikko, laura] = await Promise.all([newPage(), newPage(), newPage()]);
    await Promise.all(
      [
        [trainer, loginOf(kuulo, "kouluttaja")] as const,
        [mikko, loginOf(kuulo, "mikko.korhonen")] as const,
        [laura, REVIEWER] as const,
      ].map(async ([page, login]) => {
        await page.goto(kuulo.baseUrl);
        await signIn(page, lang, login);
      }),
    );
    const calls = await trpcCall<{ items: { id: string }[] }>(mikko, "training.myCalls", {}, "query");
    // The demo seed evaluated Mikko's older calls; the newest one is left for these tests.
    recordingId = calls.items[0]?.id ?? "";
    expect(recordingId).toMatch(/^[0-9a-f-]{36}$/);
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close();
    await kuulo?.stop();
    expect(pageErrors.flat()).toEqual([]);
  });

  it("the trainer evaluates with two moments, one linked to a criterion, clips one and coaches", async () => {
    const praise = lang === "fi" ? "Lämmin tervehdys" : "A warm greeting";
    const improve = lang === "fi" ? "Kysy tarve ensin" : "Ask for the need first";
    await trainer.goto(`${kuulo.baseUrl}/quality/evaluate/${recordingId}`);
    await trainer.getByRole("slider").waitFor();
    await trainer.locator('[part~="region"]').first().waitFor();
    for (const [kind, text, criterion] of [
      ["praise", praise, null],
      ["improve", improve, NEED],
    ] as const) {
      await trainer.getByLabel(tr.quality.kind).selectOption(kind);
      await trainer.getByLabel(loop.criterion).selectOption(criterion ? { label: criterion } : { value: "" });
      await trainer.getByLabel(tr.quality.feedback, { exact: true }).fill(text);
      await trainer.getByRole("button", { name: tr.quality.addMoment }).click();
      await trainer.getByRole("list", { name: tr.quality.moments }).getByText(text).waitFor();
    }
    const form = trainer.getByRole("form", { name: tr.quality.evaluationForm });
    // The linked moment shows beside its criterion while answering; the other one nowhere in the form.
    const beside = form.getByRole("list", { name: fill(loop.momentsOf, { criterion: NEED }) });
    await beside.getByText(improve).waitFor();
    expect(await form.getByText(praise).count()).toBe(0);
    // The best answer everywhere ("yes" first, or 5 on a scale), except 2 / 5 on the need.
    for (const group of await form.locator("fieldset.criterion").all()) {
      const radios = group.getByRole("radio");
      const scale = (await radios.count()) >= 5;
      const isNeed = ((await group.locator("legend").textContent()) ?? "").includes(NEED);
      await (scale ? radios.nth(isNeed ? 1 : 4) : radios.first()).check();
    }
    await view(trainer, "evaluate");
    await form.getByRole("button", { name: tr.quality.submitEvaluation }).click();
    await trainer
      .getByRole("status")
      .filter({ hasText: /\d+ \/ 100/ })
      .waitFor();

    // The reviewer's view of the evaluation: the moment beside the weak criterion.
    const evaluation = trainer.getByRole("article").filter({ hasText: improve });
    const needRow = evaluation.getByRole("row").filter({ hasText: NEED });
    await needRow
      .getByRole("list", { name: fill(loop.momentsOf, { criterion: NEED }) })
      .getByText(improve)
      .waitFor();
    await needRow.getByText(loop.weak).waitFor();
    await view(trainer, "evaluated");

    // "Add this moment to a playlist": the clip and the note come prefilled, into a new playlist.
    const moment = trainer.locator("li.moment").filter({ hasText: praise });
    await moment.getByRole("button", { name: new RegExp(loop.addToPlaylist) }).click();
    const addDialog = trainer.getByRole("dialog", { name: loop.dialogTitle });
    expect(await addDialog.getByLabel(loop.note, { exact: true }).inputValue()).toBe(praise);
    await addDialog.getByRole("radio", { name: loop.newPlaylist }).check();
    const clipsTitle = lang === "fi" ? "Hyviä avauksia" : "Good openings";
    await addDialog.getByLabel(loop.newTitle).fill(clipsTitle);
    await view(trainer, "add-to-playlist");
    await addDialog.getByRole("button", { name: loop.add }).click();
    await addDialog.getByRole("status").filter({ hasText: clipsTitle }).waitFor();
    await addDialog.getByRole("button", { name: tr.close, exact: true }).click();

    // Coaching from the weak criterion: a prefilled title naming it, assigned to Mikko.
    await needRow.getByRole("button", { name: new RegExp(loop.coach) }).click();
    const coachDialog = trainer.getByRole("dialog", { name: loop.coachTitle });
    const title = coachDialog.getByLabel(loop.title, { exact: true });
    expect(await title.inputValue()).toContain(NEED);
    await view(trainer, "coach");
    await coachDialog.getByRole("button", { name: loop.startCoaching }).click();
    const coachingTitle = fill(loop.coachingTitle, { criterion: NEED, name: "Mikko Korhonen" });
    await coachDialog.getByRole("link", { name: fill(loop.openPlaylist, { title: coachingTitle }) }).click();
    await trainer.getByRole("heading", { level: 1, name: coachingTitle }).waitFor();
    const playlists = await trpcCall<{
      items: { title: string; itemCount: number; assignmentCount: number }[];
    }>(trainer, "playlists.find", { search: coachingTitle.slice(0, 40) }, "query");
    expect(playlists.items.find((p) => p.title === coachingTitle)).toMatchObject({
      itemCount: 1,
      assignmentCount: 1,
    });
  });

  it("Mikko sees the evaluation on My calls, replies to a moment and disputes the score", async () => {
    const tag = lang === "fi" ? "Riita" : "Dispute";
    const { summary, moments } = await trainersEvaluation(tag);
    await mikko.goto(`${kuulo.baseUrl}/my-calls`);
    await mikko.getByRole("heading", { name: tr.quality.myQuality }).waitFor();
    await mikko.getByRole("link", { name: /100/ }).first().waitFor();
    await mikko.goto(`${kuulo.baseUrl}/my-calls/${recordingId}`);
    await mikko.getByRole("heading", { name: tr.quality.onCall }).waitFor();
    const evaluation = mikko.getByRole("article").filter({ hasText: summary });
    // The moment linked to the criterion stands beside it in his view too.
    await evaluation
      .getByRole("list", { name: fill(loop.momentsOf, { criterion: NEED }) })
      .getByText(moments[1]?.text ?? "")
      .waitFor();
    const moment = mikko
      .locator("li.moment")
      .filter({ hasText: moments[0]?.text ?? "" })
      .first();
    const reply = lang === "fi" ? "Asiakas kiirehti" : "The customer was in a hurry";
    await moment.getByRole("textbox").fill(reply);
    await moment.getByRole("button", { name: tr.quality.reply, exact: true }).click();
    await moment.getByRole("list", { name: tr.quality.replies }).getByText(reply).waitFor();
    await moment.getByRole("button", { name: tr.quality.acknowledge, exact: true }).click();
    await moment.getByText(tr.quality.acknowledged, { exact: true }).waitFor();
    await evaluation
      .getByLabel(tr.quality.disputeReason)
      .fill(lang === "fi" ? "Tarve selvitettiin" : "The need was clarified");
    await evaluation.getByRole("button", { name: tr.quality.dispute, exact: true }).click();
    await evaluation.getByText(tr.quality.disputeStatus.open).waitFor();
    await view(mikko, "disputed");
  });

  it("a second reviewer of the unit resolves the dispute by changing the score; both scores show", async () => {
    const tag = lang === "fi" ? "Ratkaisu" : "Resolution";
    const { evaluationId, summary } = await trainersEvaluation(tag);
    const reason = `${tag}: ${lang === "fi" ? "tarve selvitettiin kyllä" : "the need was clarified"}`;
    await trpcCall(mikko, "quality.disputes.raise", { evaluationId, reason }, "mutation");

    await laura.goto(`${kuulo.baseUrl}/quality`);
    await laura.getByRole("heading", { name: tr.quality.openDisputes }).waitFor();
    // The reviewer's desk also draws the unit report.
    await laura.getByRole("img", { name: tr.quality.trendChart }).waitFor();
    const dispute = laura.locator("li.dispute").filter({ hasText: reason });
    await dispute.getByRole("button", { name: fill(tr.quality.review, { name: "Mikko Korhonen" }) }).click();
    const need = dispute.locator("fieldset.criterion").filter({ hasText: NEED });
    await need.getByRole("radio").nth(2).check();
    await dispute
      .getByLabel(tr.quality.resolution)
      .fill(lang === "fi" ? "Tarve jäi osin auki" : "The need stayed partly open");
    await view(laura, "resolve");
    await dispute.getByRole("button", { name: tr.quality.change, exact: true }).click();
    await dispute.waitFor({ state: "detached" });

    const changed = new RegExp(
      fill(tr.quality.disputeStatus.changed.replace(/[.*+?^$()|[\]\\]/g, "\\$&"), {
        from: "100",
        to: "(\\d+)",
      }),
    );
    await mikko.goto(`${kuulo.baseUrl}/my-calls/${recordingId}`);
    const evaluation = mikko.getByRole("article").filter({ hasText: summary });
    const status = evaluation.getByText(changed);
    await status.waitFor();
    const [, to] = changed.exec((await status.textContent()) ?? "") ?? [];
    expect(Number(to)).toBeLessThan(100);
    // The answer as it was before the dispute stands beside the changed one.
    const was = fill(loop.before, { answer: fill(tr.quality.scaleValue, { value: "5" }) });
    await evaluation.getByRole("row").filter({ hasText: NEED }).getByText(was).waitFor();
    await view(mikko, "resolved");
  });
});
