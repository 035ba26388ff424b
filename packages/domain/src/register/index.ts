export { EMAIL_DATA_CATEGORY, EMAIL_RECIPIENT } from "./email-register-texts.js";
export { type RecordOfProcessing, recordOfProcessing } from "./record-of-processing.js";
export {
  DEFAULT_REGISTER_CONFIG,
  LOCALES,
  type Locale,
  type Localized,
  PRIVACY_NOTICE_REVISED_ON,
  REGISTER_DESCRIPTION_DATE,
  type RegisterConfig,
  registerConfigSchema,
  resolveRegisterConfig,
} from "./register-config.js";
export {
  REGISTER_DESCRIPTION,
  REGISTER_ITEM_IDS,
  REGISTER_NAME,
  type RegisterDescription,
  type RegisterItem,
  type RegisterItemId,
  registerDescription,
} from "./register-description.js";
export {
  type PrivacyNotice,
  type PrivacyNoticeOptions,
  type PrivacyNoticeSection,
  type PrivacyNoticeSectionId,
  renderPrivacyNotice,
  resolveQualitySettings,
} from "./render-privacy-notice.js";
export { renderPrivacyNoticeText } from "./render-privacy-notice-text.js";
export { STAFF_DATA_FIELD_LABELS } from "./staff-data-fields.js";
