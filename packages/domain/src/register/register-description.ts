import {
  type Localized,
  REGISTER_DESCRIPTION_DATE,
  type RegisterConfig,
  resolveRegisterConfig,
} from "./register-config.js";

export const REGISTER_ITEM_IDS = [
  "controller",
  "contact",
  "register_name",
  "purpose",
  "data_content",
  "sources",
  "disclosures",
  "transfers",
  "security",
] as const;
export type RegisterItemId = (typeof REGISTER_ITEM_IDS)[number];

export interface RegisterItem {
  number: number;
  id: RegisterItemId;
  heading: Localized;
  paragraphs: Localized<readonly string[]>;
}

export interface RegisterDescription {
  drawnUpOn: string;
  legalBasis: Localized;
  registerName: Localized;
  items: readonly RegisterItem[];
}

export const REGISTER_NAME: Localized = {
  fi: "Kespron asiakaspalvelun puhelutallenteet",
  en: "Kespro customer service call recordings",
};

/** Items 1–9 of the 2011 register description, in Finnish and English (R1). Items 1–2 come from config. */
export const registerDescription = (overrides: Partial<RegisterConfig> = {}): RegisterDescription => {
  const c = resolveRegisterConfig(overrides);
  const item = (
    number: number,
    id: RegisterItemId,
    heading: Localized,
    fi: string[],
    en: string[],
  ): RegisterItem => ({
    number,
    id,
    heading,
    paragraphs: { fi, en },
  });
  return {
    drawnUpOn: REGISTER_DESCRIPTION_DATE,
    legalBasis: { fi: "Henkilötietolaki (523/1999) 10 §", en: "Personal Data Act (523/1999), section 10" },
    registerName: REGISTER_NAME,
    items: [
      item(
        1,
        "controller",
        { fi: "Rekisterinpitäjä", en: "Controller" },
        [
          c.controllerName,
          `Postiosoite: ${c.postalAddress}`,
          `Käyntiosoite: ${c.visitingAddress}`,
          `Puhelin: ${c.phone}`,
        ],
        [
          c.controllerName,
          `Postal address: ${c.postalAddress}`,
          `Visiting address: ${c.visitingAddress}`,
          `Phone: ${c.phone}`,
        ],
      ),
      item(
        2,
        "contact",
        { fi: "Yhteyshenkilö rekisteriä koskevissa asioissa", en: "Contact person for register matters" },
        [
          c.contactName,
          `Puhelin: ${c.contactPhone}`,
          ...(c.contactEmail ? [`Sähköposti: ${c.contactEmail}`] : []),
        ],
        [c.contactName, `Phone: ${c.contactPhone}`, ...(c.contactEmail ? [`E-mail: ${c.contactEmail}`] : [])],
      ),
      item(
        3,
        "register_name",
        { fi: "Rekisterin nimi", en: "Name of the register" },
        [REGISTER_NAME.fi],
        [REGISTER_NAME.en],
      ),
      item(
        4,
        "purpose",
        { fi: "Henkilötietojen käsittelyn tarkoitus", en: "Purpose of processing personal data" },
        [
          "Rekisteriä käytetään Kespro Oy:n myynti- ja asiakaspalvelun kehittämiseksi ja laadun parantamiseksi. Rekisteriin tallennetaan Kespron myynti- ja asiakaspalvelun kanssa käydyt puhelinkeskustelut. Rekisteriin kertyviä puhelutallenteita käytetään Kespron sisäisissä yksilö- ja yksikkökohtaisissa koulutuksissa.",
        ],
        [
          "The register is used to develop Kespro Oy's sales and customer service and to improve its quality. Telephone conversations with Kespro's sales and customer service are stored in it. The recordings that accumulate are used in Kespro's internal individual and unit-specific trainings.",
        ],
      ),
      item(
        5,
        "data_content",
        { fi: "Rekisterin tietosisältö", en: "Data content of the register" },
        [
          "Kespron henkilökunnan osalta rekisteriin tallennetaan puhelun käyneen myyjän/asiakaspalvelijan perustiedot: etu- ja sukunimi, käyttäjätunnus, puhelinnumero, keskustelun ajankohta (pvm + klo).",
          "Asiakkaiden / puhelun toisen osapuolen osalta rekisteriin tallennetaan se tieto mikä puhelussa tulee ilmi, esim. asiakasnumero, asiakasyritys, henkilön nimi. Tiedot tallentuvat vain puhelunauhoitteelle, niitä ei kerätä muussa muodossa.",
        ],
        [
          "For Kespro staff, the register stores the basic data of the salesperson or customer-service agent who took the call: first and last name, username, phone number, time of the conversation (date and time of day).",
          "For customers / the other party of the call, the register stores whatever comes up in the call, e.g. customer number, customer company, a person's name. This data is stored only in the recording; it is not collected in any other form.",
        ],
      ),
      item(
        6,
        "sources",
        { fi: "Säännönmukaiset tietolähteet", en: "Regular sources of data" },
        ["Rekisteriin tallennettavat tiedot saadaan puheluntallennusjärjestelmästä."],
        ["The data stored in the register comes from the call recording system."],
      ),
      item(
        7,
        "disclosures",
        { fi: "Tietojen säännönmukaiset luovutukset", en: "Regular disclosures of data" },
        [
          "Tallennettuja tietoja/tiedostoja ei säännönmukaisesti luovuteta eteenpäin.",
          "Tarvittaessa yksittäisiä tiedostoja voidaan luovuttaa koulutustarkoituksessa eteenpäin vaitiolositoumusta vastaan, esim. ulkopuoliselle kouluttajalle. Näissä tapauksissa koulutusten kohderyhmänä on Kespron myynti- ja asiakaspalveluhenkilöstö. Tiedostoja ei luovuteta Kespron ulkopuolisten yritysten koulutuksiin.",
        ],
        [
          "Stored data and files are not regularly disclosed to anyone.",
          "When needed, individual files may be disclosed for training purposes against a non-disclosure undertaking, e.g. to an external trainer. The audience of such trainings is Kespro's own sales and customer-service staff. Files are never disclosed for the trainings of companies outside Kespro.",
        ],
      ),
      item(
        8,
        "transfers",
        { fi: "Tietojen siirto EU:n tai ETA:n ulkopuolelle", en: "Transfers outside the EU or EEA" },
        ["Tietoja ei siirretä EU:n tai Euroopan talousalueen ulkopuolelle."],
        ["Data is not transferred outside the EU or the European Economic Area."],
      ),
      item(
        9,
        "security",
        { fi: "Rekisterin suojauksen periaatteet", en: "Security principles of the register" },
        [
          "Yksittäistä asiakasta koskevat tiedot ilmoitetaan ainoastaan lakiin perustuvan ilmoitusvelvollisuuden johdosta, esimerkiksi viranomaisen lakiin perustuvasta pyynnöstä.",
          "Rekisteristä ei synny manuaalisesti tallennettuja tiedostoja.",
          "Ainoastaan määrätyillä Kespro Oy:n ja Kespro Oy:n toimeksiannosta ja lukuun toimivien yritysten työntekijöillä on oikeus käyttää Kespron puhelutallenteita. Tietokannassa on eri käyttäjätasoja, joten käyttäjä saa ylläpito- tai selausoikeuden ainoastaan käytön kannalta tarpeellisiin tietoihin. Kullakin määritellyllä käyttäjällä on oma käyttäjätunnus ja salasana.",
          "Järjestelmä on suojattu palomuurilla, joka suojaa Keskon ulkopuolelta tulevia yhteydenottoja järjestelmään.",
        ],
        [
          "Data about an individual customer is disclosed only under a statutory obligation, e.g. an authority's request based on law.",
          "No manually kept files arise from the register.",
          "Only designated employees of Kespro Oy and of companies acting on Kespro Oy's behalf and for its account may use Kespro's call recordings. The database has several user levels, so a user gets maintenance or browsing rights only to the data their work needs. Every designated user has their own username and password.",
          "The system is protected by a firewall against connections from outside the Kesko network.",
        ],
      ),
    ],
  };
};

export const REGISTER_DESCRIPTION: RegisterDescription = registerDescription();
