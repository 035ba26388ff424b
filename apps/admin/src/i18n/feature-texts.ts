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

export const chartTexts = featureMessages((locale) =>
  locale === "en"
    ? import("../features/dashboard/messages.en.js").then((module) => module.chartsEn)
    : import("../features/dashboard/messages.fi.js").then((module) => module.chartsFi),
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
    ? import("../features/quality/messages.en.js").then((module) => module.qualityAdminEn)
    : import("../features/quality/messages.fi.js").then((module) => module.qualityAdminFi),
);

export const printingTexts = featureMessages((locale) =>
  locale === "en"
    ? import("../features/register/messages.en.js").then((module) => module.printingEn)
    : import("../features/register/messages.fi.js").then((module) => module.printingFi),
);
