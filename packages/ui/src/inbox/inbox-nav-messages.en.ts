/** The navigation's "Inbox" and its count: in the first load (`ui:inbox`). */
export const inboxNavEn = {
  nav: "Inbox",
  waiting_one: "{{count}} item waiting",
  waiting_other: "{{count}} items waiting",
};
