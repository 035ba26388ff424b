/** The navigation's "Inbox" and its count: in the first load (`ui:inbox`). */
export const inboxNavEn = {
  nav: "Inbox",
  waiting_one: "{{count}} item waiting",
  waiting_other: "{{count}} items waiting",
};

export const inboxNavFi: typeof inboxNavEn = {
  nav: "Saapuneet",
  waiting_one: "{{count}} odottaa",
  waiting_other: "{{count}} odottaa",
};
