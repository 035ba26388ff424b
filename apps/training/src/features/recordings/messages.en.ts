/** English strings of the recordings list's order and selection (spread into the training namespace). */
export const recordingListEn = {
  recordingList: {
    sort: "Order",
    sortValue: {
      newest: "Newest first",
      oldest: "Oldest first",
      longest: "Longest first",
      shortest: "Shortest first",
    },
  },
};
