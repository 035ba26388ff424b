import {
  checkA11y,
  collectPageErrors,
  escapeRegExp,
  screenshot,
  sentencePattern,
  trpcCall,
  useKuuloAndChromium,
} from "@kuulo/e2e";
import { inboxPageMessages } from "@kuulo/ui/inbox";
import { describe, expect, it } from "vitest";
import { adminLogin, type Lang, newContext, signIn, texts } from "./helpers.js";

const run = useKuuloAndChromium();

/**
 * The privacy officer hears that quality review was switched (it changes what the register declares): the
 * badge counts it, the inbox says it with the administrator's name and leads to the quality page, and once
 * looked at it is no longer news. The administrator's inbox opens too. Finnish, then English.
 */
describe("inbox in the admin app", () => {
  it.each<Lang>(["fi", "en"])("%s: badge, sentences with names, and the link to the work", async (lang) => {
    const { ui, admin } = texts(lang);
    const inbox = inboxPageMessages[lang];
    const locale = lang === "fi" ? "fi-FI" : "en-GB";

    const adminContext = await newContext(run.browser, locale);
    const adminPage = await adminContext.newPage();
    const adminErrors = collectPageErrors(adminPage);
    await adminPage.goto(`${run.kuulo.baseUrl}/admin/`);
    await signIn(adminPage, lang, adminLogin(run.kuulo.demoLogins));
    await trpcCall(adminPage, "qualitySettings.update", { enabled: true, retentionDays: 730 }, "mutation");
    await trpcCall(adminPage, "qualitySettings.update", { enabled: false, retentionDays: 730 }, "mutation");

    const officerContext = await newContext(run.browser, locale);
    const officer = await officerContext.newPage();
    const officerErrors = collectPageErrors(officer);
    await officer.goto(`${run.kuulo.baseUrl}/admin/`);
    await signIn(officer, lang, run.kuulo.login("privacy_officer"));
    const nav = officer.getByRole("navigation", { name: ui.mainNavigation });
    const badge = nav.getByTestId("inbox-badge");
    await badge.waitFor();
    expect(Number(await badge.textContent())).toBeGreaterThanOrEqual(2);
    await screenshot(officer, `${lang}-inbox-badge-officer`);

    await nav.getByRole("link", { name: new RegExp(`^${escapeRegExp(ui.inbox.nav)}`) }).click();
    await officer.getByRole("heading", { level: 1, name: inbox.title }).waitFor();
    const items = officer.getByTestId("inbox-items");
    const switchedOn = items.getByRole("link", { name: sentencePattern(inbox.item.quality_setting_on) });
    const switchedOff = items.getByRole("link", { name: sentencePattern(inbox.item.quality_setting_off) });
    await switchedOn.waitFor();
    await switchedOff.waitFor();
    // Names, never ids: no uuid anywhere in the list.
    expect(await items.textContent()).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    await checkA11y(officer, `${lang} inbox officer`);
    await screenshot(officer, `${lang}-inbox-officer`);

    await switchedOff.click();
    await officer.getByRole("heading", { level: 1, name: admin.quality.title }).waitFor();

    // Looked at: the switch is no longer news.
    await officer.goto(`${run.kuulo.baseUrl}/admin/inbox`);
    await officer.getByRole("heading", { level: 1, name: inbox.title }).waitFor();
    await items.or(officer.getByText(inbox.empty)).first().waitFor();
    expect(await switchedOn.count()).toBe(0);

    await adminPage.goto(`${run.kuulo.baseUrl}/admin/inbox`);
    await adminPage.getByRole("heading", { level: 1, name: inbox.title }).waitFor();
    await adminPage.getByTestId("inbox-items").or(adminPage.getByText(inbox.empty)).first().waitFor();
    await checkA11y(adminPage, `${lang} inbox administrator`);
    await screenshot(adminPage, `${lang}-inbox-administrator`);

    expect([...adminErrors, ...officerErrors]).toEqual([]);
    await adminContext.close();
    await officerContext.close();
  });
});
