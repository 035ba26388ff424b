import type { unitsEn } from "./messages.en.js";

/** Yksikkösivun tekstit. */
export const unitsFi: typeof unitsEn = {
  units: {
    title: "Yksiköt",
    description: "Organisaatioyksiköt rajaavat roolit: yksikön kouluttaja näkee vain sen yksikön tallenteet.",
    create: "Uusi yksikkö",
    editTitle: "Muokkaa: {{name}}",
    name: "Nimi",
    code: "Tunnus",
    codeHint: "Lyhyt tunniste, esim. MYYNTI-HKI.",
    organisation: "Organisaatio",
    parent: "Yläyksikkö",
    noParent: "Ei (ylin taso)",
    empty: "Ei vielä yksiköitä",
    emptyHint: "Luo yksiköt roolien rajaamiseksi, esim. yksi kutakin myynti- tai palvelutiimiä kohden.",
  },
};
