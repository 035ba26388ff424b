export { DIGEST_KIND_TEXTS, DIGEST_TEXTS, PASSWORD_LINK_TEXTS } from "./digest-texts.js";
export { INBOX_ITEM_KINDS, INBOX_KIND_RULES, type InboxItemKind, inboxKindsFor } from "./inbox-kinds.js";
export {
  ACCESS_REQUEST_WARNING_DAYS,
  accessRequestDeadline,
  calendarDay,
  DEFAULT_LEGAL_HOLD_REVIEW_DAYS,
  ENDING_SOON_DAYS,
  earliestDueDay,
  endsWithinDays,
  isAccessRequestDeadlineNear,
  isOverdue,
  openLongerThanDays,
} from "./inbox-timing.js";
