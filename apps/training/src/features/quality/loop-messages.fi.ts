import type { qualityLoopEn } from "./loop-messages.en.js";

/** Arviointisilmukan tekstit: kriteereihin liitetyt hetket, otteet soittolistoille, valmennus. */
export const qualityLoopFi: typeof qualityLoopEn = {
  qualityLoop: {
    criterion: "Kriteeri (valinnainen)",
    noCriterion: "Ei kriteeriä",
    linkedTo: "Kriteeri: {{criterion}}",
    momentsColumn: "Hetket",
    momentsOf: "Kriteeriin {{criterion}} liitetyt hetket",
    addToPlaylist: "Lisää soittolistalle",
    addToPlaylistAt: "Lisää hetki {{time}} soittolistalle",
    dialogTitle: "Lisää hetki soittolistalle",
    clip: "Ote {{start}}–{{end}}",
    note: "Huomio",
    searchPlaylists: "Hae soittolistoja nimellä",
    playlist: "Soittolista",
    newPlaylist: "Uusi soittolista",
    newTitle: "Uuden soittolistan nimi",
    noPlaylists: "Yksiköittesi soittolistoista mikään ei vastaa hakua.",
    add: "Lisää ote",
    added: "Ote lisättiin soittolistalle {{title}}.",
    openPlaylist: "Avaa soittolista {{title}}",
    cancel: "Peruuta",
    before: "ennen oikaisupyyntöä: {{answer}}",
    weak: "heikko",
    coach: "Valmenna",
    coachOn: "Aloita valmennussoittolista kriteeristä {{criterion}}",
    coachTitle: "Valmennussoittolista",
    coachingTitle: "Valmennus: {{criterion}} – {{name}}",
    coachIntro:
      "Tähän kriteeriin liitetyistä hetkistä ({{moments}}) tulee otteita, ja palaute on niiden huomio. Soittolista osoitetaan henkilölle {{name}}; se on luonnos, kunnes julkaiset sen muokkaimessa.",
    title: "Nimi",
    startCoaching: "Luo ja osoita",
    coachingStarted: "Valmennussoittolista {{title}} luotiin ja osoitettiin.",
  },
};
