import type { organisationsEn } from "./messages.en.js";

/** Organisaatiosivun tekstit. */
export const organisationsFi: typeof organisationsEn = {
  organisations: {
    title: "Organisaatiot",
    description:
      "Rekisterinpitäjä ja sen lukuun toimivat käsittelijät. Käsittelijän henkilöt voivat kirjautua vain, kun sopimus on voimassa.",
    create: "Uusi käsittelijä",
    createIntro:
      "Käsittelijä on yritys, joka toimii rekisterinpitäjän lukuun kirjallisen sopimuksen perusteella.",
    editTitle: "Muokkaa: {{name}}",
    name: "Nimi",
    kind: "Tyyppi",
    kinds: { controller: "Rekisterinpitäjä", processor: "Käsittelijä" },
    businessId: "Y-tunnus",
    businessIdHint: "Esim. 1234567-8.",
    country: "Maa",
    countryHint: "Kaksi kirjainta (vain EU/ETA), esim. FI.",
    agreement: "Sopimus",
    agreementReference: "Sopimusviite",
    validFrom: "Voimassa alkaen",
    validUntil: "Voimassa asti",
    validUntilHint: "Jätä tyhjäksi, jos toistaiseksi voimassa.",
    openEnded: "toistaiseksi",
    seeUsers: "Näytä käyttäjät",
    seeBlockedUsers: "Näytä estetyt käyttäjät",
    state: "Tila",
    states: {
      controller: "Rekisterinpitäjä",
      valid: "Voimassa",
      not_started: "Ei vielä voimassa",
      ended: "Päättynyt",
    },
    users_one: "{{count}} käyttäjä",
    users_other: "{{count}} käyttäjää",
    blockedUsers_one: "{{count}} käyttäjä estetty",
    blockedUsers_other: "{{count}} käyttäjää estetty",
    empty: "Ei organisaatioita",
    emptyHint: "Rekisterinpitäjä luodaan asennuksessa; lisää käsittelijät painikkeella ”Uusi käsittelijä”.",
  },
};
