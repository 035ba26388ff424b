import { auditTexts } from "@kuulo/domain/audit";
import { checkA11y, collectPageErrors, screenshot, useKuuloAndChromium } from "@kuulo/e2e";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { adminLogin, type Lang, newContext, openNav, signIn, texts } from "./helpers.js";

const run = useKuuloAndChromium();

/** i18next-style interpolation of the catalogue's templates, so the test reads what the screen shows. */
const fill = (template: string, values: Record<string, string | number>): string =>
  template.replace(/{{(\w+)}}/g, (_, name: string) => String(values[name] ?? ""));

const FORM_NAME: Record<Lang, string> = { fi: "Myyntipuhelun laatu", en: "Sales call quality" };
const UNIT = "Helsinki, asiakaspalvelu";

async function signedInPage(lang: Lang, role: "administrator" | "privacy_officer" | "quality_reviewer") {
  const context = await newContext(run.browser, lang === "fi" ? "fi-FI" : "en-GB");
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.goto(`${run.kuulo.baseUrl}/admin/`);
  const login =
    role === "administrator"
      ? adminLogin(run.kuulo.demoLogins)
      : run.kuulo.demoLogins.find((candidate) => candidate.role === role);
  if (!login) throw new Error(`no ${role} in the demo banner`);
  await signIn(page, lang, login);
  return { context, page, errors };
}

/** The privacy officer builds a form with the keyboard where it matters: sections, criteria, weights. */
async function buildForm(page: Page, lang: Lang) {
  const { admin } = texts(lang);
  await page.getByRole("button", { name: admin.quality.newForm }).click();
  const builder = page.getByRole("form", { name: admin.quality.newForm });
  await builder.getByLabel(admin.quality.formName, { exact: true }).fill(FORM_NAME[lang]);
  await builder.getByLabel(admin.quality.passMark).fill("75");
  await builder
    .getByRole("textbox", { name: fill(admin.quality.sectionTitle, { n: 1 }), exact: true })
    .fill(lang === "fi" ? "Puhelun hoito" : "Handling the call");

  const first = builder.getByRole("group", { name: fill(admin.quality.criterionN, { section: 1, n: 1 }) });
  await first
    .getByRole("textbox", { name: fill(admin.quality.criterionTitle, { section: 1, n: 1 }), exact: true })
    .fill(lang === "fi" ? "Asiallinen kieli" : "Respectful language");
  await first
    .getByRole("textbox", { name: admin.quality.guidance })
    .fill(lang === "fi" ? "Ei kiroilua eikä vähättelyä." : "No swearing, no belittling.");
  await first.getByRole("spinbutton", { name: admin.quality.weight }).fill("0");
  await first.getByRole("checkbox", { name: admin.quality.critical }).check();

  // Adding a criterion from the keyboard lands the focus in its title, ready to type.
  await builder.getByRole("button", { name: fill(admin.quality.addCriterion, { n: 1 }) }).focus();
  await page.keyboard.press("Enter");
  await page.keyboard.type(lang === "fi" ? "Tarpeen selvitys" : "Finding out the need");
  const second = builder.getByRole("group", { name: fill(admin.quality.criterionN, { section: 1, n: 2 }) });
  expect(
    await second
      .getByRole("textbox", { name: fill(admin.quality.criterionTitle, { section: 1, n: 2 }), exact: true })
      .inputValue(),
  ).toBe(lang === "fi" ? "Tarpeen selvitys" : "Finding out the need");
  await second.getByRole("combobox", { name: admin.quality.answerType }).selectOption("scale_1_5");
  await second.getByRole("spinbutton", { name: admin.quality.weight }).fill("60");
  await expect(second.getByRole("checkbox", { name: admin.quality.critical }).count()).resolves.toBe(0);

  await builder.getByRole("button", { name: admin.quality.addSection }).click();
  await builder
    .getByRole("textbox", { name: fill(admin.quality.sectionTitle, { n: 2 }), exact: true })
    .fill(lang === "fi" ? "Lopetus" : "Closing");
  const third = builder.getByRole("group", { name: fill(admin.quality.criterionN, { section: 2, n: 1 }) });
  await third
    .getByRole("textbox", { name: fill(admin.quality.criterionTitle, { section: 2, n: 1 }), exact: true })
    .fill(lang === "fi" ? "Yhteenveto" : "Summary");
  await third.getByRole("spinbutton", { name: admin.quality.weight }).fill("40");
  await third.getByRole("checkbox", { name: admin.quality.allowNa }).check();
  await checkA11y(page, `${lang} quality form builder`);
  await screenshot(page, `${lang}-quality-form-builder`);
  await builder.getByRole("button", { name: admin.quality.saveDraft }).click();
  await builder.waitFor({ state: "detached" });
}

describe("quality forms and sampling in the admin app", () => {
  it.each<Lang>(["fi", "en"])(
    "in %s: a privacy officer builds, publishes, versions and retires a form; an administrator sets a sampling rule",
    async (lang) => {
      const { admin } = texts(lang);
      const administrator = await signedInPage(lang, "administrator");
      await openNav(administrator.page, lang, admin.nav.quality);
      await administrator.page.getByRole("button", { name: admin.quality.turnOn }).click();
      await administrator.page.getByText(admin.quality.isOn, { exact: true }).waitFor();

      const officer = await signedInPage(lang, "privacy_officer");
      const page = officer.page;
      await openNav(page, lang, admin.nav.quality);
      await buildForm(page, lang);
      const name = FORM_NAME[lang];
      const row = page.getByRole("row", { name: new RegExp(`^${name}`) });
      await row.getByRole("cell", { name: fill(admin.quality.versionN, { n: 1 }), exact: true }).waitFor();

      await row.getByRole("button", { name: fill(admin.qualityForms.versionsOf, { name }) }).click();
      const versions = page.getByRole("region", { name: fill(admin.qualityForms.versionsHeading, { name }) });
      await versions.getByRole("button", { name: fill(admin.qualityForms.publishVersion, { n: 1 }) }).click();
      await versions.getByText(fill(admin.qualityForms.publishedVersion, { n: 1 })).waitFor();

      // Editing the published form makes version 2; version 1 stays as evaluations know it.
      await row.getByRole("button", { name: fill(admin.qualityForms.edit, { name }) }).click();
      const editor = page.getByRole("form", { name: fill(admin.qualityForms.editHeading, { name }) });
      const closing = editor.getByRole("group", {
        name: fill(admin.quality.criterionN, { section: 2, n: 1 }),
      });
      await closing.getByRole("spinbutton", { name: admin.quality.weight }).fill("30");
      await editor.getByRole("button", { name: fill(admin.qualityForms.saveVersion, { n: 2 }) }).click();
      await editor.waitFor({ state: "detached" });
      const v2 = versions.getByRole("row", { name: new RegExp(fill(admin.quality.versionN, { n: 2 })) });
      await v2.getByRole("cell", { name: admin.qualityForms.statuses.draft, exact: true }).waitFor();

      await versions.getByRole("button", { name: fill(admin.qualityForms.retireVersion, { n: 1 }) }).click();
      const dialog = page.getByRole("dialog", { name: fill(admin.qualityForms.retireTitle, { name, n: 1 }) });
      await checkA11y(page, `${lang} retire form version dialog`);
      await dialog.getByRole("button", { name: admin.qualityForms.retireConfirm }).click();
      await versions.getByText(fill(admin.qualityForms.retiredVersion, { n: 1 })).waitFor();
      await versions.getByRole("button", { name: fill(admin.qualityForms.publishVersion, { n: 2 }) }).click();
      await versions.getByText(fill(admin.qualityForms.publishedVersion, { n: 2 })).waitFor();
      const v1 = versions.getByRole("row", { name: new RegExp(fill(admin.quality.versionN, { n: 1 })) });
      await v1.getByRole("cell", { name: admin.qualityForms.statuses.retired, exact: true }).waitFor();
      await v2.getByRole("cell", { name: admin.qualityForms.statuses.published, exact: true }).waitFor();
      await checkA11y(page, `${lang} quality form versions`);
      await screenshot(page, `${lang}-quality-form-versions`);

      // The privacy officer reads who turned quality review on, in words, in the audit log.
      await page.getByRole("link", { name: admin.qualityForms.switchHistory }).click();
      const sentences = auditTexts(lang);
      const switchedOn = sentences.actions["quality.settings_update"].sentence
        .replace("{{actor}} ", "")
        .replace("{{switched}}", sentences.switched.on)
        .replace("{{days}}", "730");
      await page.getByText(switchedOn).first().waitFor();
      await checkA11y(page, `${lang} quality switch in the audit log`);
      await screenshot(page, `${lang}-quality-switch-audit`);

      // The administrator finds the unit by name and sets its sampling rule.
      const admPage = administrator.page;
      await admPage.reload();
      await admPage.getByRole("heading", { name: admin.qualitySampling.heading }).waitFor();
      await admPage.getByRole("searchbox", { name: admin.qualitySampling.findUnit }).fill("asiakas");
      await admPage.getByRole("form", { name: "Tampere, asiakaspalvelu" }).waitFor();
      await expect(admPage.getByRole("form", { name: "Helsinki, myynti" }).count()).resolves.toBe(0);
      const unit = admPage.getByRole("form", { name: UNIT });
      await unit.getByLabel(fill(admin.qualitySampling.perEmployee, { unit: UNIT })).fill("3");
      await unit.getByRole("button", { name: fill(admin.qualitySampling.save, { unit: UNIT }) }).click();
      await unit.getByText(fill(admin.qualitySampling.savedRule_other, { unit: UNIT, count: 3 })).waitFor();
      await unit.getByText(fill(admin.qualitySampling.currentRule_other, { count: 3 })).waitFor();
      await checkA11y(admPage, `${lang} quality sampling rules`);
      await screenshot(admPage, `${lang}-quality-sampling`);

      // The demo quality reviewer holds the same permission for their own unit only: its rule, no other unit.
      const reviewer = await signedInPage(lang, "quality_reviewer");
      await openNav(reviewer.page, lang, admin.nav.quality);
      const own = reviewer.page.getByRole("form", { name: UNIT });
      await own.getByText(fill(admin.qualitySampling.currentRule_other, { count: 3 })).waitFor();
      await expect(
        reviewer.page.getByRole("form", { name: "Tampere, asiakaspalvelu" }).count(),
      ).resolves.toBe(0);
      await expect(reviewer.page.getByRole("button", { name: admin.quality.turnOff }).count()).resolves.toBe(
        0,
      );
      await checkA11y(reviewer.page, `${lang} quality page of a quality reviewer`);
      await screenshot(reviewer.page, `${lang}-quality-reviewer-sampling`);
      expect(reviewer.errors).toEqual([]);
      await reviewer.context.close();

      // Off again, so the next language starts from the demo's default.
      await admPage.getByRole("button", { name: admin.quality.turnOff }).click();
      await admPage.getByText(admin.quality.isOff, { exact: true }).waitFor();
      expect(officer.errors).toEqual([]);
      expect(administrator.errors).toEqual([]);
      await officer.context.close();
      await administrator.context.close();
    },
  );
});
