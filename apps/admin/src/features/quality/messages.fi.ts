import type { qualityAdminEn } from "./messages.en.js";

/** Laatulomakkeiden versioiden, otantasääntöjen ja laadunarvioinnin tapahtumien suomenkieliset tekstit. */
export const qualityAdminFi: typeof qualityAdminEn = {
  qualityForms: {
    description: "Kuvaus (vapaaehtoinen)",
    weightHint: "Suhteellinen painoarvo pisteissä, 0–100; 0 = kysytään, mutta ei pisteytetä.",
    editHeading: "Muokkaa: {{name}}",
    editExplained:
      "Tallennus tekee uuden luonnosversion (tai päivittää avoimen luonnoksen). Julkaistu versio pysyy ennallaan, kunnes luonnos julkaistaan, ja jokainen arviointi säilyttää version, jolla se tehtiin.",
    edit: "Muokkaa: {{name}}",
    saveVersion: "Tallenna luonnosversioksi {{n}}",
    moveUp: "Siirrä kriteeri {{section}}.{{n}} ylös",
    removeCriterion: "Poista kriteeri {{section}}.{{n}}",
    removeSection: "Poista osio {{n}}",
    versionsOf: "Versiot: {{name}}",
    versionsHeading: "Lomakkeen {{name}} versiot",
    versionsExplained:
      "Luonnoksen julkaiseminen lopettaa aiemmin julkaistun version käytön. Versiolla, jonka käyttö on lopetettu, ei voi tehdä uusia arviointeja; sillä tehdyt arvioinnit säilyttävät sen.",
    version: "Versio",
    status: "Tila",
    statuses: { draft: "Luonnos", published: "Julkaistu", retired: "Käyttö lopetettu" },
    publishedAt: "Julkaistu",
    retiredAt: "Käyttö lopetettu",
    publishVersion: "Julkaise versio {{n}}",
    retireVersion: "Lopeta version {{n}} käyttö",
    retireTitle: "Lopetetaanko lomakkeen {{name}} version {{n}} käyttö?",
    retireBody:
      "Arvioijat eivät voi enää arvioida tällä versiolla. Sillä jo tehdyt arvioinnit pysyvät ennallaan. Lopetusta ei voi perua; julkaise uusi versio, jotta lomakkeella voi taas arvioida.",
    retireConfirm: "Lopeta käyttö",
    publishedVersion: "Versio {{n}} julkaistu.",
    retiredVersion: "Version {{n}} käyttö lopetettu.",
    switchHistory: "Katso, kuka otti sen käyttöön tai poisti sen (tapahtumaloki)",
  },
  qualitySampling: {
    heading: "Otanta",
    whenOn: "Otantasääntöjä voi asettaa, kun laadunarviointi on otettu käyttöön.",
    explained:
      "Yksiköittäin: kuinka monta kunkin työntekijän puhelua arvioidaan kuukaudessa. Arvioijien jonoon arvotaan satunnaisesti niin monta arvioimatonta puhelua, ja ne erääntyvät kuun lopussa.",
    findUnit: "Etsi yksikkö nimellä",
    noUnits: "Yksikköä ei löydy.",
    noRule: "Ei otantasääntöä.",
    currentRule_one: "Nyt: {{count}} puhelu työntekijää kohden kuukaudessa.",
    currentRule_other: "Nyt: {{count}} puhelua työntekijää kohden kuukaudessa.",
    perEmployee: "Puheluita työntekijää kohden kuukaudessa: {{unit}}",
    perEmployeeHint: "1–50.",
    save: "Tallenna yksikön {{unit}} sääntö",
    remove: "Poista yksikön {{unit}} sääntö",
    savedRule_one: "{{unit}}: {{count}} puhelu työntekijää kohden kuukaudessa.",
    savedRule_other: "{{unit}}: {{count}} puhelua työntekijää kohden kuukaudessa.",
    removed: "{{unit}}: ei otantasääntöä.",
  },
};
