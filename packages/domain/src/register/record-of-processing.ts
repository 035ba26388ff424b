import {
  QUALITY_DATA_CATEGORY,
  QUALITY_PURPOSE,
  qualityRetentionText,
} from "../quality/quality-register-texts.js";
import { DEFAULT_RETENTION_POLICY, parseRetentionPolicy } from "../retention/index.js";
import { forController } from "./controller-naming.js";
import { EMAIL_DATA_CATEGORY, EMAIL_RECIPIENT } from "./email-register-texts.js";
import { NOTICE_TEXTS } from "./privacy-notice-texts.js";
import { LOCALES, type Locale, type RegisterConfig, resolveRegisterConfig } from "./register-config.js";
import { REGISTER_NAME, registerDescription } from "./register-description.js";
import { type PrivacyNoticeOptions, resolveQualitySettings } from "./render-privacy-notice.js";
import { STAFF_DATA_FIELD_LABELS } from "./staff-data-fields.js";

/** GDPR Art. 30(1) record of processing activities, as structured data. */
export interface RecordOfProcessing {
  locale: Locale;
  name: string;
  controller: Pick<RegisterConfig, "controllerName" | "postalAddress" | "visitingAddress" | "phone">;
  contact: { name: string; phone: string; email: string | null };
  purposes: string[];
  legalBasis: string;
  dataSubjectCategories: string[];
  personalDataCategories: string[];
  recipients: string[];
  transfersOutsideEuEea: { any: false; description: string };
  retention: {
    ordinaryDays: number;
    trainingDays: number;
    /** Days quality feedback and evaluations are kept; null while quality review is off. */
    qualityDays: number | null;
    description: string[];
  };
  securityMeasures: string[];
}

const TEXTS = {
  fi: {
    subjects: [
      "Kespron myynti- ja asiakaspalveluhenkilöstö",
      "Asiakkaat ja muut puhelun osapuolet (vain äänitallenteessa)",
    ],
    categories: (staff: string[]) => [
      `Henkilöstö: ${staff.join(", ")}`,
      "Äänitiedoston tekniset tiedot ja organisaatioyksikkö",
      "Puhelun sisältö äänitallenteena (voi sisältää asiakkaan nimen, asiakasnumeron ja yrityksen)",
    ],
    recipients: [
      "Nimetyt Kespron ja sen lukuun toimivien yritysten työntekijät käyttöoikeuksiensa rajoissa",
      "Ulkopuolinen kouluttaja vaitiolositoumusta vastaan (vain kuuntelu, määräaikainen)",
      "Viranomaiset lakiin perustuvasta pyynnöstä",
      "Rekisteröity itse (tarkastuspyyntö)",
    ],
  },
  en: {
    subjects: [
      "Kespro sales and customer-service staff",
      "Customers and other parties to calls (inside the audio only)",
    ],
    categories: (staff: string[]) => [
      `Staff: ${staff.join(", ")}`,
      "Technical data about the audio file, and the organisational unit",
      "Call content as audio (may include a customer's name, customer number and company)",
    ],
    recipients: [
      "Designated employees of Kespro and of companies acting on its behalf, within their access rights",
      "An external trainer under a non-disclosure undertaking (listening only, time-limited)",
      "Authorities on a request based on law",
      "The data subject (access request)",
    ],
  },
} as const;

export const recordOfProcessing = (
  locale: Locale,
  options: PrivacyNoticeOptions = {},
): RecordOfProcessing => {
  if (!LOCALES.includes(locale)) throw new RangeError(`Unsupported locale ${JSON.stringify(locale)}`);
  const config = resolveRegisterConfig(options.config);
  const policy = parseRetentionPolicy(options.retention ?? DEFAULT_RETENTION_POLICY);
  const notice = NOTICE_TEXTS[locale];
  const texts = TEXTS[locale];
  const purpose = registerDescription(config).items.find((item) => item.id === "purpose");
  const transfers = registerDescription(config).items.find((item) => item.id === "transfers");
  const quality = resolveQualitySettings(options.quality);
  return forController<RecordOfProcessing>(
    {
      locale,
      name: REGISTER_NAME[locale],
      controller: {
        controllerName: config.controllerName,
        postalAddress: config.postalAddress,
        visitingAddress: config.visitingAddress,
        phone: config.phone,
      },
      contact: { name: config.contactName, phone: config.contactPhone, email: config.contactEmail },
      purposes: [
        ...(purpose?.paragraphs[locale] ?? []),
        ...(quality.enabled ? [QUALITY_PURPOSE[locale]] : []),
      ],
      legalBasis: notice.legalBasis,
      dataSubjectCategories: [...texts.subjects],
      personalDataCategories: [
        ...texts.categories(STAFF_DATA_FIELD_LABELS.map(({ label }) => label[locale])),
        ...(quality.enabled ? [QUALITY_DATA_CATEGORY[locale]] : []),
        ...(options.emailDelivery ? [EMAIL_DATA_CATEGORY[locale]] : []),
      ],
      recipients: [...texts.recipients, ...(options.emailDelivery ? [EMAIL_RECIPIENT[locale]] : [])],
      transfersOutsideEuEea: {
        any: false,
        description: [...(transfers?.paragraphs[locale] ?? []), notice.transfersStorage].join(" "),
      },
      retention: {
        ...policy,
        qualityDays: quality.enabled ? quality.retentionDays : null,
        description: [
          ...notice.retention(policy),
          ...(quality.enabled ? [qualityRetentionText(locale, quality.retentionDays)] : []),
        ],
      },
      securityMeasures: [...notice.securityList],
    },
    locale,
    config.controllerName,
  );
};
