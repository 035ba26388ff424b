import type { RetentionPolicy } from "../retention/index.js";
import type { Locale } from "./register-config.js";

/** The modern (GDPR) additions to the 2011 text, per locale. Wording only; facts come from data. */
export const NOTICE_TEXTS = {
  fi: {
    title: (registerName: string) => `Tietosuojaseloste: ${registerName}`,
    legalBasis:
      "Käsittelyn oikeusperuste on rekisterinpitäjän oikeutettu etu (EU:n yleinen tietosuoja-asetus, 6 artiklan 1 kohdan f alakohta): myynnin ja asiakaspalvelun laadun kehittäminen ja henkilöstön kouluttaminen. Tallenteita voi kuunnella vain koulutus- ja laadunarviointitarkoituksessa.",
    dataContentIntro: "Henkilöstöstä tallennetaan jokaisesta puhelusta täsmälleen nämä tiedot:",
    technical:
      "Lisäksi tallennetaan äänitiedoston tekniset tiedot (kesto, tiedostomuoto, koko, tarkistussumma, lähdejärjestelmän tunniste, vastaanottoaika) ja organisaatioyksikkö, jota käytetään käyttöoikeuksien rajaamiseen.",
    customers:
      "Asiakkaista ja puhelun toisesta osapuolesta ei tallenneta mitään erillisiä tietoja: heitä koskevat tiedot ovat vain itse äänitallenteessa. Järjestelmä hylkää asiakastiedot sisältävät kentät ja vapaat tekstit.",
    disclosureTraining:
      "Koulutusta varten yksittäisiä tallenteita voidaan antaa kuunneltavaksi nimetylle ulkopuoliselle kouluttajalle vaitiolositoumusta vastaan, määräajaksi ja peruutettavasti. Kouluttaja voi vain kuunnella tallenteita järjestelmässä; tiedostoja ei luovuteta, ja jokainen kuuntelu kirjataan. Koulutusten kohderyhmä on Kespron oma myynti- ja asiakaspalveluhenkilöstö.",
    disclosureStatutory:
      "Muutoin tietoja luovutetaan vain lakiin perustuvan velvollisuuden nojalla, esimerkiksi viranomaisen lakiin perustuvasta pyynnöstä, sekä rekisteröidylle itselleen hänen pyynnöstään. Jokainen luovutus kirjataan.",
    transfersStorage:
      "Tallenteet säilytetään EU:n tai ETA:n alueella. Järjestelmä ei käynnisty, jos tallennuspaikka on niiden ulkopuolella, eikä salli luovutusta vastaanottajalle EU:n tai ETA:n ulkopuolella.",
    securityList: [
      "Vain nimetyillä Kespron ja sen lukuun toimivien yritysten työntekijöillä on käyttäjätunnus; jokaisella on oma tunnus ja salasana, yhteistunnuksia ei ole.",
      "Ylläpito-oikeus (käyttäjien hallinta) ja selausoikeus (tallenteiden kuuntelu) ovat erillisiä ja rajattu organisaatioyksiköihin; käyttäjien hallinta ei anna oikeutta kuunnella.",
      "Tallenteita ei voi ladata omalle laitteelle, eikä rekisteristä synny manuaalisia tiedostoja.",
      "Järjestelmä on suojattu palomuurilla, ja se hyväksyy yhteydet vain määritellyistä verkoista.",
      "Jokainen kuuntelu, kirjautuminen, hallintamuutos, luovutus ja poisto kirjataan muuttumattomaan, tarkistettavaan tapahtumalokiin.",
    ],
    retention: (policy: RetentionPolicy) => [
      `Tavallinen tallenne poistetaan ${policy.ordinaryDays} päivän kuluttua puhelusta.`,
      `Julkaistussa koulutussoittolistassa käytetty tallenne poistetaan ${policy.trainingDays} päivän kuluttua puhelusta.`,
      "Lakisääteisen luovutuksen tai oikeudellisen asian vuoksi säilytettävää (lakisääteinen säilytysvelvoite) tallennetta ei poisteta ennen kuin velvoite päättyy. Poisto on automaattinen, ja tapahtumalokiin jää vain merkintä, jossa ei ole henkilötietoja.",
    ],
    rightsIntro: "Rekisteröidyllä on oikeus:",
    rightsList: [
      "saada pääsy häntä koskeviin tietoihin, myös tallenteisiin (15 artikla)",
      "vaatia virheellisten henkilöstötietojen oikaisemista (16 artikla)",
      "vaatia tietojensa poistamista (17 artikla)",
      "vastustaa tietojensa käsittelyä (21 artikla)",
    ],
    rightsContact: (contact: string) =>
      `Pyynnöt osoitetaan rekisteriasioiden yhteyshenkilölle (${contact}). Henkilöllisyys varmistetaan ennen tietojen antamista.`,
    complaint:
      "Rekisteröidyllä on oikeus tehdä valitus valvontaviranomaiselle, joka Suomessa on tietosuojavaltuutettu (Tietosuojavaltuutetun toimisto, tietosuoja.fi).",
    retentionHeading: "Säilytysajat",
    rightsHeading: "Rekisteröidyn oikeudet",
  },
  en: {
    title: (registerName: string) => `Privacy notice: ${registerName}`,
    legalBasis:
      "The legal basis is the controller's legitimate interest (EU General Data Protection Regulation, Art. 6(1)(f)): improving the quality of sales and customer service and training staff. Recordings can be listened to only for training and quality review.",
    dataContentIntro: "For staff, exactly these data are stored about each call:",
    technical:
      "In addition, technical data about the audio file (duration, format, size, checksum, source-system identifier, time received) and the organisational unit used to scope access rights are kept.",
    customers:
      "Nothing is stored about customers or the other party of the call as separate data: data about them exists only inside the audio recording. The system refuses fields and free text that contain customer data.",
    disclosureTraining:
      "For training, individual recordings may be made available to a named external trainer against a non-disclosure undertaking, for a limited time and revocably. The trainer can only listen to them in the system; no files are handed over, and every listen is logged. The audience of such trainings is Kespro's own sales and customer-service staff.",
    disclosureStatutory:
      "Otherwise data is disclosed only under a statutory obligation, e.g. an authority's request based on law, and to data subjects themselves at their request. Every disclosure is logged.",
    transfersStorage:
      "Recordings are stored in the EU or EEA. The system refuses to start if its storage location is outside them, and refuses any disclosure to a recipient outside the EU or EEA.",
    securityList: [
      "Only designated employees of Kespro and of companies acting on its behalf have accounts; each has their own username and password, and there are no shared accounts.",
      "Maintenance rights (managing users) and browsing rights (listening to recordings) are separate and scoped to organisational units; managing users does not allow listening.",
      "Recordings cannot be downloaded, and no manually kept files arise from the register.",
      "The system is protected by a firewall and accepts connections only from configured networks.",
      "Every listen, sign-in, administrative change, disclosure and deletion is written to an append-only, verifiable audit log.",
    ],
    retention: (policy: RetentionPolicy) => [
      `An ordinary recording is deleted ${policy.ordinaryDays} days after the call.`,
      `A recording used in a published training playlist is deleted ${policy.trainingDays} days after the call.`,
      "A recording under legal hold (a statutory disclosure or legal matter) is not deleted until the hold is released. Deletion is automatic and leaves only an entry without personal data in the audit log.",
    ],
    rightsIntro: "Data subjects have the right to:",
    rightsList: [
      "access the data concerning them, including recordings (Art. 15)",
      "have inaccurate staff data rectified (Art. 16)",
      "have their data erased (Art. 17)",
      "object to the processing of their data (Art. 21)",
    ],
    rightsContact: (contact: string) =>
      `Send requests to the contact person for register matters (${contact}). Identity is verified before any data is given.`,
    complaint:
      "Data subjects have the right to lodge a complaint with the supervisory authority, in Finland the Data Protection Ombudsman (tietosuojavaltuutettu, Office of the Data Protection Ombudsman, tietosuoja.fi).",
    retentionHeading: "Retention periods",
    rightsHeading: "Rights of data subjects",
  },
} as const satisfies Record<Locale, unknown>;
