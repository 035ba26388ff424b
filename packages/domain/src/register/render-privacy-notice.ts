import {
  QUALITY_DATA_CATEGORY,
  QUALITY_EMPLOYEE_RIGHTS,
  QUALITY_LEGAL_BASIS,
  QUALITY_PURPOSE,
  qualityRetentionText,
} from "../quality/quality-register-texts.js";
import {
  DEFAULT_QUALITY_SETTINGS,
  type QualitySettings,
  qualitySettingsSchema,
} from "../quality/quality-settings.js";
import { DEFAULT_RETENTION_POLICY, parseRetentionPolicy, type RetentionPolicy } from "../retention/index.js";
import { forController } from "./controller-naming.js";
import { EMAIL_DATA_CATEGORY } from "./email-register-texts.js";
import { NOTICE_TEXTS } from "./privacy-notice-texts.js";
import {
  LOCALES,
  type Locale,
  PRIVACY_NOTICE_REVISED_ON,
  type RegisterConfig,
  resolveRegisterConfig,
} from "./register-config.js";
import { type RegisterItemId, registerDescription } from "./register-description.js";
import { STAFF_DATA_FIELD_LABELS } from "./staff-data-fields.js";

export type PrivacyNoticeSectionId = RegisterItemId | "retention" | "rights";

export interface PrivacyNoticeSection {
  id: PrivacyNoticeSectionId;
  heading: string;
  paragraphs: string[];
  /** Rendered right after the first paragraph, which introduces it. */
  list?: string[];
}

export interface PrivacyNotice {
  locale: Locale;
  title: string;
  /** ISO date the notice's wording last changed. */
  updated: string;
  sections: PrivacyNoticeSection[];
}

export interface PrivacyNoticeOptions {
  config?: Partial<RegisterConfig>;
  retention?: RetentionPolicy;
  /** The installation's quality-review setting: when enabled, the notice declares its data category. */
  quality?: QualitySettings;
  /** E-mail delivery switched on: the account e-mail address is then processed and declared. */
  emailDelivery?: boolean;
}

/** The quality settings in force, validated; off unless the installation turned them on. */
export const resolveQualitySettings = (quality: QualitySettings | undefined): QualitySettings =>
  qualitySettingsSchema.parse(quality ?? DEFAULT_QUALITY_SETTINGS);

/** The public privacy notice (R1), generated from the register description, config and retention policy. */
export const renderPrivacyNotice = (locale: Locale, options: PrivacyNoticeOptions = {}): PrivacyNotice => {
  if (!LOCALES.includes(locale)) throw new RangeError(`Unsupported locale ${JSON.stringify(locale)}`);
  const config = resolveRegisterConfig(options.config);
  const policy = parseRetentionPolicy(options.retention ?? DEFAULT_RETENTION_POLICY);
  const texts = NOTICE_TEXTS[locale];
  const description = registerDescription(config);
  const item = (id: RegisterItemId) => {
    const found = description.items.find((candidate) => candidate.id === id);
    if (!found) throw new Error(`register item ${id} missing`);
    return {
      id,
      heading: `${found.number}. ${found.heading[locale]}`,
      paragraphs: [...found.paragraphs[locale]],
    };
  };
  const security = item("security");
  const quality = resolveQualitySettings(options.quality);
  const qualityOn = quality.enabled;
  const contact = [config.contactName, config.contactPhone, config.contactEmail].filter(Boolean).join(", ");
  return forController<PrivacyNotice>(
    {
      locale,
      title: texts.title(description.registerName[locale]),
      updated: PRIVACY_NOTICE_REVISED_ON,
      sections: [
        item("controller"),
        item("contact"),
        item("register_name"),
        {
          ...item("purpose"),
          paragraphs: [
            ...item("purpose").paragraphs,
            ...(qualityOn ? [QUALITY_PURPOSE[locale]] : []),
            texts.legalBasis,
            ...(qualityOn ? [QUALITY_LEGAL_BASIS[locale]] : []),
          ],
        },
        {
          ...item("data_content"),
          paragraphs: [
            texts.dataContentIntro,
            texts.technical,
            ...(qualityOn ? [QUALITY_EMPLOYEE_RIGHTS[locale]] : []),
            texts.customers,
          ],
          list: [
            ...STAFF_DATA_FIELD_LABELS.map(({ label }) => label[locale]),
            ...(qualityOn ? [QUALITY_DATA_CATEGORY[locale]] : []),
            ...(options.emailDelivery ? [EMAIL_DATA_CATEGORY[locale]] : []),
          ],
        },
        item("sources"),
        { ...item("disclosures"), paragraphs: [texts.disclosureTraining, texts.disclosureStatutory] },
        { ...item("transfers"), paragraphs: [...item("transfers").paragraphs, texts.transfersStorage] },
        { ...security, paragraphs: security.paragraphs.slice(0, 1), list: [...texts.securityList] },
        {
          id: "retention",
          heading: `10. ${texts.retentionHeading}`,
          paragraphs: [
            ...texts.retention(policy),
            ...(qualityOn ? [qualityRetentionText(locale, quality.retentionDays)] : []),
          ],
        },
        {
          id: "rights",
          heading: `11. ${texts.rightsHeading}`,
          paragraphs: [texts.rightsIntro, texts.rightsContact(contact), texts.complaint],
          list: [...texts.rightsList],
        },
      ],
    },
    locale,
    config.controllerName,
  );
};
