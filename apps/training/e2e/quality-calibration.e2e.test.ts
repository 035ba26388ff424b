import {
  checkA11y,
  collectPageErrors,
  launchChromium,
  sentencePattern as pattern,
  type RunningKuulo,
  screenshot,
  startKuulo,
} from "@kuulo/e2e";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureDemoRecordings, type Lang, loginOf, signIn, texts, trpcCall } from "./helpers.js";

const REVIEWER = { username: "ritva.arvioija", firstName: "Ritva", lastName: "Arvioija" };
const PASSWORD = "tyyni meri kimaltaa illalla";
const LEAD = "Liisa Laine";
const SECOND = `${REVIEWER.firstName} ${REVIEWER.lastName}`;

/**
 * Calibration in Chromium: the trainer (lead) picks one of Mikko's calls by the recording search and two
 * reviewers by name, both answer blind with different answers, and the lead sees the spread per
 * criterion. The unit report's chart draws the demo evaluations and the per-person report shows Mikko's.
 */
describe.each(["en", "fi"] as const)("quality calibration (%s)", (lang: Lang) => {
  const { tr } = texts(lang);
  let kuulo: RunningKuulo;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[][] = [];
  let lead: Page;
  let reviewer: Page;

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
  const heading = (page: Page, name: string | RegExp) =>
    page.getByRole("heading", { level: 1, name }).waitFor();
  const view = async (page: Page, name: string) => {
    await checkA11y(page, `${lang} ${name}`);
    await screenshot(page, `${lang}-calibration-${name}`);
  };
  /** Answers every criterion of the form on the page with the option at `pick` (clamped to the last). */
  const answerAll = async (page: Page, pick: (options: number) => number) => {
    const form = page.getByRole("form", { name: tr.quality.evaluationForm });
    for (const group of await form.locator("fieldset.criterion").all()) {
      const radios = group.getByRole("radio");
      await radios.nth(pick(await radios.count())).check();
    }
    return form;
  };

  beforeAll(async () => {
    [kuulo, browser] = await Promise.all([startKuulo(), launchChromium()]);
    const admin = await newPage();
    await admin.goto(kuulo.baseUrl);
    await signIn(admin, lang, kuulo.login("administrator"));
    await ensureDemoRecordings(kuulo, admin);
    await trpcCall(admin, "qualitySettings.update", { enabled: true, retentionDays: 730 }, "mutation");
    // A second reviewer of Mikko's unit, made as in the admin app; the listening role needs a second person.
    const me = await trpcCall<{ organisation: { id: string } }>(admin, "auth.me", undefined, "query");
    const units = await trpcCall<{ id: string; code: string }[] | { items: { id: string; code: string }[] }>(
      admin,
      "units.find",
      {},
      "query",
    );
    const unit = (Array.isArray(units) ? units : units.items).find((u) => u.code === "HKI-ASPA");
    if (!unit) throw new Error("demo unit HKI-ASPA missing");
    const created = await trpcCall<{ user: { id: string }; setPasswordToken: string | null }>(
      admin,
      "users.create",
      {
        organisationId: me.organisation.id,
        ...REVIEWER,
        grants: [{ role: "quality_reviewer", unitId: unit.id }],
      },
      "mutation",
    );
    const officer = await newPage();
    await officer.goto(kuulo.baseUrl);
    await signIn(officer, lang, kuulo.login("privacy_officer"));
    const requests = await trpcCall<{ id: string; user: { id: string } }[]>(
      officer,
      "grants.findRequests",
      undefined,
      "query",
    );
    const request = requests.find((candidate) => candidate.user.id === created.user.id);
    const approved = request
      ? await trpcCall<{ setPasswordToken: string | null }>(
          officer,
          "grants.approveRequest",
          { requestId: request.id },
          "mutation",
        )
      : null;
    const token = approved?.setPasswordToken ?? created.setPasswordToken;
    [lead, reviewer] = await Promise.all([newPage(), newPage()]);
    await reviewer.goto(kuulo.baseUrl);
    await trpcCall(reviewer, "auth.setPasswordWithToken", { token, newPassword: PASSWORD }, "mutation");
    await reviewer.reload();
    await signIn(reviewer, lang, { username: REVIEWER.username, password: PASSWORD });
    await lead.goto(kuulo.baseUrl);
    await signIn(lead, lang, loginOf(kuulo, "kouluttaja"));
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close();
    await kuulo?.stop();
    expect(pageErrors.flat()).toEqual([]);
  });

  it("the lead starts a calibration of one of Mikko's calls for two reviewers picked by name", async () => {
    await lead.getByRole("link", { name: tr.quality.title, exact: true }).click();
    await heading(lead, tr.quality.title);
    await lead.getByRole("link", { name: tr.calibration.nav, exact: true }).click();
    await heading(lead, tr.calibration.title);
    await lead.getByRole("link", { name: tr.calibration.new, exact: true }).click();
    await heading(lead, tr.calibration.newTitle);
    await lead
      .getByRole("button", { name: pattern(tr.calibration.chooseThisCall, { name: "Mikko Korhonen" }) })
      .first()
      .click();
    await lead.getByText(pattern(tr.calibration.chosenCall, { name: "Mikko Korhonen" })).waitFor();
    const search = lead.getByLabel(tr.calibration.searchReviewers, { exact: true });
    for (const name of [LEAD, SECOND]) {
      await search.fill(name.split(" ")[1] ?? name);
      await lead.getByRole("button", { name: pattern(tr.calibration.add, { name }) }).click();
      await lead.getByRole("button", { name: pattern(tr.calibration.remove, { name }) }).waitFor();
    }
    // Mikko is not offered: nobody reviews their own call, and an employee does not evaluate.
    await search.fill("Korhonen");
    await lead.getByText(tr.calibration.noReviewers).waitFor();
    await view(lead, "new");
    await lead.getByRole("button", { name: tr.calibration.start, exact: true }).click();
    await lead.getByRole("status").filter({ hasText: tr.calibration.started }).waitFor();
    await lead
      .getByRole("link", { name: pattern(tr.calibration.compare, { name: "Mikko Korhonen" }) })
      .waitFor();
    await view(lead, "list");
  });

  it("both reviewers answer without seeing each other's answers", async () => {
    const answer = async (page: Page, pick: (options: number) => number, shot: string) => {
      await page.goto(`${kuulo.baseUrl}/quality/calibrations`);
      await heading(page, tr.calibration.title);
      await page
        .getByRole("link", { name: pattern(tr.calibration.answer, { name: "Mikko Korhonen" }) })
        .click();
      await heading(page, pattern(tr.calibration.answerTitle, { name: "Mikko Korhonen" }));
      await page.getByText(tr.calibration.blindNote).waitFor();
      await page.getByRole("slider").waitFor();
      const form = await answerAll(page, pick);
      if (shot) await view(page, shot);
      await form.getByRole("button", { name: tr.calibration.submit, exact: true }).click();
      await page.getByRole("status").filter({ hasText: tr.calibration.submitted }).waitFor();
    };
    // The lead answers the best everywhere ("yes" first, 5 fifth); the second reviewer the second option.
    await answer(lead, (options) => (options >= 5 ? 4 : 0), "");
    await answer(reviewer, () => 1, "answer");
    await reviewer.goto(`${kuulo.baseUrl}/quality/calibrations`);
    await reviewer.getByRole("cell", { name: tr.calibration.answered, exact: true }).waitFor();
    // Only the lead compares: the second reviewer leads no calibration of their own.
    await reviewer.getByText(tr.calibration.ledEmpty).waitFor();
    expect(
      await reviewer
        .getByRole("link", { name: pattern(tr.calibration.compare, { name: "Mikko Korhonen" }) })
        .count(),
    ).toBe(0);
  });

  it("the lead sees the spread per criterion", async () => {
    await lead.goto(`${kuulo.baseUrl}/quality/calibrations`);
    await lead
      .getByRole("row")
      .filter({
        hasText: tr.calibration.answeredCount.replace("{{submitted}}", "2").replace("{{invited}}", "2"),
      })
      .waitFor();
    await lead
      .getByRole("link", { name: pattern(tr.calibration.compare, { name: "Mikko Korhonen" }) })
      .click();
    await heading(lead, pattern(tr.calibration.spreadTitle, { name: "Mikko Korhonen" }));
    const table = lead.getByTestId("calibration-spread");
    await table.waitFor();
    for (const name of [LEAD, SECOND]) await table.getByRole("columnheader", { name }).waitFor();
    expect(
      await table.getByRole("cell", { name: tr.calibration.disagreed, exact: true }).count(),
    ).toBeGreaterThan(0);
    await lead.getByText(pattern(tr.calibration.scoreRange, {})).waitFor();
    await view(lead, "spread");
  });

  it("the unit report's chart draws the evaluations, with the same numbers in a table", async () => {
    await lead.goto(`${kuulo.baseUrl}/quality`);
    await lead.getByRole("heading", { name: tr.quality.unitReport }).waitFor();
    const chart = lead.getByRole("img", { name: tr.quality.trendChart });
    const bar = chart.locator(".recharts-bar-rectangle path").first();
    await bar.waitFor();
    expect((await bar.boundingBox())?.height ?? 0).toBeGreaterThan(0);
    const table = lead.getByRole("table", { name: tr.quality.trendChart });
    const counts = await table.locator("tbody tr td:nth-of-type(1)").allTextContents();
    const evaluated = counts.reduce((sum, text) => sum + Number(text), 0);
    expect(evaluated).toBeGreaterThan(0);
    // The distribution's table counts the same evaluations the trend does.
    const buckets = await lead
      .getByRole("table", { name: tr.quality.distributionChart })
      .locator("tbody tr td")
      .allTextContents();
    expect(buckets.reduce((sum, text) => sum + Number(text), 0)).toBe(evaluated);
    await view(lead, "unit-report");
  });

  it("a reviewer opens Mikko's report by name: scores over the months and per criterion", async () => {
    await lead.getByRole("link", { name: tr.personReport.nav, exact: true }).click();
    await heading(lead, tr.personReport.title);
    await lead.getByLabel(tr.personReport.search, { exact: true }).fill("Korhonen");
    await lead
      .getByRole("button", { name: pattern(tr.personReport.choose, { name: "Mikko Korhonen" }) })
      .click();
    await lead
      .getByRole("heading", { name: pattern(tr.personReport.chosen, { name: "Mikko Korhonen" }) })
      .waitFor();
    await lead
      .getByRole("img", { name: tr.personReport.trendChart })
      .locator(".recharts-line-dot")
      .first()
      .waitFor();
    await lead.getByRole("table", { name: tr.personReport.criteriaCaption }).waitFor();
    // The lead's own calibration answer is told apart from the regular evaluations.
    await lead.getByText(tr.personReport.calibrationAnswer, { exact: false }).first().waitFor();
    await lead.getByRole("heading", { name: tr.personReport.evaluationsList }).waitFor();
    await view(lead, "person");
  });
});
