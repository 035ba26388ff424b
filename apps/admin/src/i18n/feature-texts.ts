import { featureMessages } from "@kuulo/ui";

/*
 * Each feature's texts (its messages.fi.ts / messages.en.ts), merged into namespace `admin` by the routes
 * that show the feature (`withFeatureMessages` in router.tsx), one language at a time: a first visit
 * does not carry them. route-texts.test.ts checks that every route names the texts its pages use.
 */

export const auditTexts = featureMessages((locale) =>
  locale === "en"
    ? import("../features/audit/messages.en.js").then((module) => ({ audit: module.auditEn }))
    : import("../features/audit/messages.fi.js").then((module) => ({ audit: module.auditFi })),
);

export const dashboardTexts = featureMessages((locale) =>
  locale === "en"
    ? import("../features/dashboard/messages.en.js").then((module) => ({
        ...module.chartsEn,
        ...module.dashboardEn,
      }))
    : import("../features/dashboard/messages.fi.js").then((module) => ({
        ...module.chartsFi,
        ...module.dashboardFi,
      })),
);

export const privacyOperationTexts = featureMessages((locale) =>
  locale === "en"
    ? import("../features/disclosures/messages.en.js").then((module) => module.privacyOperationsEn)
    : import("../features/disclosures/messages.fi.js").then((module) => module.privacyOperationsFi),
);

export const pickerTexts = featureMessages((locale) =>
  locale === "en"
    ? import("../features/pickers/messages.en.js").then((module) => module.pickersEn)
    : import("../features/pickers/messages.fi.js").then((module) => module.pickersFi),
);

export const qualityTexts = featureMessages((locale) =>
  locale === "en"
    ? import("../features/quality/messages.en.js").then((module) => ({
        ...module.qualityAdminEn,
        ...module.qualityPageEn,
      }))
    : import("../features/quality/messages.fi.js").then((module) => ({
        ...module.qualityAdminFi,
        ...module.qualityPageFi,
      })),
);

export const printingTexts = featureMessages((locale) =>
  locale === "en"
    ? import("../features/register/messages.en.js").then((module) => module.printingEn)
    : import("../features/register/messages.fi.js").then((module) => module.printingFi),
);

export const usersTexts = featureMessages((locale) =>
  locale === "en"
    ? import("../features/users/messages.en.js").then((module) => module.usersEn)
    : import("../features/users/messages.fi.js").then((module) => module.usersFi),
);

export const approvalsTexts = featureMessages((locale) =>
  locale === "en"
    ? import("../features/approvals/messages.en.js").then((module) => module.approvalsEn)
    : import("../features/approvals/messages.fi.js").then((module) => module.approvalsFi),
);

export const organisationsTexts = featureMessages((locale) =>
  locale === "en"
    ? import("../features/organisations/messages.en.js").then((module) => module.organisationsEn)
    : import("../features/organisations/messages.fi.js").then((module) => module.organisationsFi),
);

export const tokensTexts = featureMessages((locale) =>
  locale === "en"
    ? import("../features/api-tokens/messages.en.js").then((module) => module.tokensEn)
    : import("../features/api-tokens/messages.fi.js").then((module) => module.tokensFi),
);

export const unitsTexts = featureMessages((locale) =>
  locale === "en"
    ? import("../features/units/messages.en.js").then((module) => module.unitsEn)
    : import("../features/units/messages.fi.js").then((module) => module.unitsFi),
);
