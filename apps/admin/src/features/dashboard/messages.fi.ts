import type { chartsEn, dashboardEn } from "./messages.en.js";

/** Kojelaudan ja säilytyksen kaavioiden tekstit (nimiavaruus `admin`). */
export const chartsFi: typeof chartsEn = {
  charts: {
    noActivity: "Viimeisten {{days}} päivän aikana ei vastaanotettu tallenteita eikä kukaan kuunnellut.",
  },
};

/** Yleiskuvasivun omat tekstit. */
export const dashboardFi: typeof dashboardEn = {
  dashboard: {
    qualityOff:
      "Laadunarviointi ei ole käytössä: rekisteriseloste ei sellaisenaan mainitse henkilöstöstä annettavaa palautetta eikä arviointeja.",
    qualityOffLink: "Ota käyttöön kohdassa Laadunarviointi",
    title: "Yleiskatsaus",
    greeting: "Tervetuloa, {{name}}.",
    nothing: "Roolisi eivät sisällä ylläpitoa. Koulutukset löytyvät koulutusportaalista.",
    usersByRole: "Aktiiviset käyttäjät rooleittain",
    storageUsed: "Tallennustilaa käytössä",
    recordings: "Tallenteita",
    perDay: "Vastaanotetut tallenteet ja kuuntelut päivittäin",
    recordingsIngested: "Vastaanotetut tallenteet",
    listens: "Kuuntelut",
    dueForPurge: "Poistettavaksi erääntyvät tallenteet",
    dueForPurgeHint: "Viikoittain tästä viikosta alkaen. Lakisääteisessä säilytyksessä olevia ei lasketa.",
    weekStarting: "Viikko alkaen {{day}}",
    nothingDue: "Yhtään tallennetta ei erääny poistettavaksi seuraavien {{weeks}} viikon aikana.",
    summary: "Rekisteri lukuina",
    hours: "Ääntä tunteina",
    overdue: "Poisto myöhässä",
    legalHold: "Lakisääteisessä säilytyksessä",
  },
};
