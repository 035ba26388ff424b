import type { recordingListEn } from "./messages.en.js";

/** Tallennelistan järjestyksen ja valinnan tekstit (nimiavaruus `training`). */
export const recordingListFi: typeof recordingListEn = {
  recordingList: {
    sort: "Järjestys",
    sortValue: {
      newest: "Uusin ensin",
      oldest: "Vanhin ensin",
      longest: "Pisin ensin",
      shortest: "Lyhin ensin",
    },
  },
};
