import type { inboxNavEn } from "./inbox-nav-messages.en.js";

/** Navigaation "Saapuneet" ja sen lukumäärä: ensimmäisessä latauksessa (`ui:inbox`). */
export const inboxNavFi: typeof inboxNavEn = {
  nav: "Saapuneet",
  waiting_one: "{{count}} odottaa",
  waiting_other: "{{count}} odottaa",
};
