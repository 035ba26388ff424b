import type { recordingListEn } from "./messages.en.js";

/** Tallennelistan järjestyksen ja valinnan tekstit (nimiavaruus `training`). */
export const recordingListFi: typeof recordingListEn = {
  recordingList: {
    select: "Valitse",
    selectCall: "Valitse puhelu: {{name}}, {{time}}",
    selected_one: "{{count}} puhelu valittu",
    selected_other: "{{count}} puhelua valittu",
    addSelected: "Lisää soittolistaan",
    clearSelection: "Poista valinnat",
    addTitle_one: "Lisää {{count}} puhelu soittolistaan",
    addTitle_other: "Lisää {{count}} puhelua soittolistaan",
    where: "Mihin lisätään",
    toExisting: "Olemassa olevaan soittolistaan",
    toNew: "Uuteen soittolistaan",
    playlist: "Soittolista",
    choosePlaylist: "Valitse soittolista",
    add_one: "Lisää {{count}} puhelu",
    add_other: "Lisää {{count}} puhelua",
    added_one: "{{count}} puhelu lisätty soittolistaan ”{{title}}”.",
    added_other: "{{count}} puhelua lisätty soittolistaan ”{{title}}”.",
    alreadyThere_one: "{{count}} oli siinä jo.",
    alreadyThere_other: "{{count}} oli siinä jo.",
    openPlaylist: "Avaa soittolista",
    sort: "Järjestys",
    sortValue: {
      newest: "Uusin ensin",
      oldest: "Vanhin ensin",
      longest: "Pisin ensin",
      shortest: "Lyhin ensin",
    },
  },
};
