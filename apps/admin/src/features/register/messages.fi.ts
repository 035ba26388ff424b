import type { printingEn } from "./messages.en.js";

/** Finnish strings for printing the register's documents. */
export const printingFi: typeof printingEn = {
  printing: {
    print: "Tulosta",
    printRecord: "Tulosta seloste",
  },
};
