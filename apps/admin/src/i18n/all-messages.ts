import { tokensEn } from "../features/api-tokens/messages.en.js";
import { tokensFi } from "../features/api-tokens/messages.fi.js";
import { approvalsEn } from "../features/approvals/messages.en.js";
import { approvalsFi } from "../features/approvals/messages.fi.js";
import { auditEn } from "../features/audit/messages.en.js";
import { auditFi } from "../features/audit/messages.fi.js";
import { chartsEn, dashboardEn } from "../features/dashboard/messages.en.js";
import { chartsFi, dashboardFi } from "../features/dashboard/messages.fi.js";
import { privacyOperationsEn } from "../features/disclosures/messages.en.js";
import { privacyOperationsFi } from "../features/disclosures/messages.fi.js";
import { organisationsEn } from "../features/organisations/messages.en.js";
import { organisationsFi } from "../features/organisations/messages.fi.js";
import { pickersEn } from "../features/pickers/messages.en.js";
import { pickersFi } from "../features/pickers/messages.fi.js";
import { qualityAdminEn, qualityPageEn } from "../features/quality/messages.en.js";
import { qualityAdminFi, qualityPageFi } from "../features/quality/messages.fi.js";
import { printingEn } from "../features/register/messages.en.js";
import { printingFi } from "../features/register/messages.fi.js";
import { unitsEn } from "../features/units/messages.en.js";
import { unitsFi } from "../features/units/messages.fi.js";
import { usersEn } from "../features/users/messages.en.js";
import { usersFi } from "../features/users/messages.fi.js";
import { en } from "./en.js";
import { fi } from "./fi.js";

/**
 * Namespace `admin` as a page sees it once every feature's texts are in: for the tests and the e2e
 * harness only. The app itself loads the catalogue and each feature's texts separately (feature-texts.ts).
 */
export const allMessagesEn = {
  ...en,
  audit: auditEn,
  ...privacyOperationsEn,
  ...qualityAdminEn,
  ...qualityPageEn,
  ...pickersEn,
  ...printingEn,
  ...chartsEn,
  ...dashboardEn,
  ...usersEn,
  ...approvalsEn,
  ...organisationsEn,
  ...tokensEn,
  ...unitsEn,
};

export const allMessagesFi: typeof allMessagesEn = {
  ...fi,
  audit: auditFi,
  ...privacyOperationsFi,
  ...qualityAdminFi,
  ...qualityPageFi,
  ...pickersFi,
  ...printingFi,
  ...chartsFi,
  ...dashboardFi,
  ...usersFi,
  ...approvalsFi,
  ...organisationsFi,
  ...tokensFi,
  ...unitsFi,
};
