/** English strings for printing the register's documents (spread into the admin namespace). */
export const printingEn = {
  printing: {
    print: "Print",
    printRecord: "Print the record",
  },
};
