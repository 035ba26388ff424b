/** The inbox page, a subpath of its own so that only the lazy page chunks carry it and its strings. */
export { inboxPageMessages } from "./inbox-messages.js";
export { type InboxItem, inboxSentence } from "./inbox-sentence.js";
export { InboxView, type InboxViewProps } from "./inbox-view.js";
