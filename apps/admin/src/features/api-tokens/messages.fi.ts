import type { tokensEn } from "./messages.en.js";

/** API-tunnistesivun tekstit. */
export const tokensFi: typeof tokensEn = {
  tokens: {
    title: "API-tunnisteet",
    description:
      "Konetunnisteilla puhelutallennusjärjestelmä toimittaa tallenteet. Niillä ei voi tehdä mitään muuta.",
    create: "Uusi tunniste",
    createSubmit: "Luo tunniste",
    createIntro:
      "Luo oma tunniste kullekin lähettävälle järjestelmälle, jotta kunkin voi mitätöidä erikseen.",
    createdTitle: "Tunniste luotu",
    name: "Nimi",
    nameHint: "Mikä järjestelmä sitä käyttää, esim. ”Puhelutallennin, Vantaa”.",
    expiresOn: "Vanhenee",
    expiresHint: "Vapaaehtoinen. Jätä tyhjäksi, jos ei vanhene.",
    scopes: "Sallii",
    created: "Luotu",
    lastUsed: "Viimeksi käytetty",
    neverUsed: "Ei käytetty",
    status: "Tila",
    active: "Voimassa",
    expired: "Vanhentunut",
    revokedAt: "Mitätöity {{when}}",
    revoke: "Mitätöi",
    revokeTitle: "Mitätöidäänkö ”{{name}}”?",
    revokeBody: "Sitä käyttävä järjestelmä ei voi enää toimittaa tallenteita. Mitätöintiä ei voi kumota.",
    shownOnce:
      "Kopioi tunniste nyt ja tallenna se tallennusjärjestelmän asetuksiin. Se näytetään vain kerran.",
    copy: "Kopioi tunniste",
    howTo: "Järjestelmä lähettää sen otsakkeessa ”Authorization: Bearer <tunniste>” osoitteeseen /ingest.",
    empty: "Ei API-tunnisteita",
    emptyHint: "Luo tunniste puhelutallennusjärjestelmälle painikkeella ”Uusi tunniste”.",
  },
};
