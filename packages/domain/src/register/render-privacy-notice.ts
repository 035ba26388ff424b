import { DEFAULT_RETENTION_POLICY, parseRetentionPolicy, type RetentionPolicy } from "../retention/index.js";
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
}

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
  const contact = [config.contactName, config.contactPhone, config.contactEmail].filter(Boolean).join(", ");
  return {
    locale,
    title: texts.title(description.registerName[locale]),
    updated: PRIVACY_NOTICE_REVISED_ON,
    sections: [
      item("controller"),
      item("contact"),
      item("register_name"),
      { ...item("purpose"), paragraphs: [...item("purpose").paragraphs, texts.legalBasis] },
      {
        ...item("data_content"),
        paragraphs: [texts.dataContentIntro, texts.technical, texts.customers],
        list: STAFF_DATA_FIELD_LABELS.map(({ label }) => label[locale]),
      },
      item("sources"),
      { ...item("disclosures"), paragraphs: [texts.disclosureTraining, texts.disclosureStatutory] },
      { ...item("transfers"), paragraphs: [...item("transfers").paragraphs, texts.transfersStorage] },
      { ...security, paragraphs: security.paragraphs.slice(0, 1), list: [...texts.securityList] },
      { id: "retention", heading: `10. ${texts.retentionHeading}`, paragraphs: texts.retention(policy) },
      {
        id: "rights",
        heading: `11. ${texts.rightsHeading}`,
        paragraphs: [texts.rightsIntro, texts.rightsContact(contact), texts.complaint],
        list: [...texts.rightsList],
      },
    ],
  };
};
