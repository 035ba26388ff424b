import { nameComboboxFi } from "../combobox/name-combobox-messages.fi.js";
import { inboxNavFi } from "../inbox/inbox-nav-messages.fi.js";
import type { UiMessages } from "./ui-messages.en.js";

/** Jaettujen näkymien tekstit (nimiavaruus `ui`), suomeksi. */
export const uiFi: UiMessages = {
  inbox: inboxNavFi,
  nameCombobox: nameComboboxFi,
  loading: "Ladataan…",
  retry: "Yritä uudelleen",
  cancel: "Peruuta",
  close: "Sulje",
  copy: "Kopioi",
  copied: "Kopioitu",
  copyFailed: "Kopiointi epäonnistui; valitse teksti ja kopioi se käsin.",
  required: "Pakollinen",
  language: "Kieli",
  signOut: "Kirjaudu ulos",
  skipToContent: "Siirry sisältöön",
  mainNavigation: "Päävalikko",
  dateField: {
    shape: "Kirjoita muodossa {{pattern}}.",
    invalid: "Ei päivämäärä.",
  },
  error: {
    generic: "Jokin meni vikaan. Yritä uudelleen; jos vika toistuu, ota yhteys ylläpitäjään.",
    forbidden: "Sinulla ei ole pääsyä tähän.",
    notFound: "Ei löytynyt. Se on ehkä poistettu.",
  },
  signIn: {
    title: "Kirjaudu sisään",
    username: "Käyttäjätunnus",
    password: "Salasana",
    submit: "Kirjaudu",
    signingIn: "Kirjaudutaan…",
    failed: "Väärä käyttäjätunnus tai salasana.",
    rateLimited: "Liian monta yritystä. Odota hetki ja yritä uudelleen.",
    agreementEnded: "Organisaatiosi sopimus on päättynyt, joten tunnuksellasi ei voi kirjautua.",
    startOver: "Aloita alusta",
    designatedOnly: "Vain nimetyille käyttäjille. Jokainen kirjautuminen kirjataan.",
  },
  secondFactor: {
    title: "Vahvistuskoodi",
    intro: "Anna todennussovelluksen näyttämä 6-numeroinen koodi.",
    recoveryIntro: "Anna yksi varakoodeistasi. Kukin koodi toimii kerran.",
    code: "Koodi",
    recoveryCode: "Varakoodi",
    submit: "Vahvista",
    failed: "Koodi ei kelvannut. Tarkista puhelimen kellonaika ja yritä uudelleen.",
    useRecovery: "Käytä varakoodia",
    useApp: "Käytä todennussovellusta",
  },
  enrolment: {
    title: "Ota kaksivaiheinen tunnistautuminen käyttöön",
    intro:
      "Roolisi edellyttää toista tunnistautumistekijää. Lue QR-koodi todennussovelluksella (esimerkiksi Microsoft tai Google Authenticator) ja anna sen näyttämä koodi.",
    qrLabel: "QR-koodi todennussovellukselle",
    manual: "Tai syötä tämä avain käsin:",
    code: "Sovelluksen koodi",
    codeHint: "6 numeroa",
    confirm: "Vahvista",
    wrongCode: "Koodi ei täsmännyt. Anna sovelluksen tämänhetkinen koodi.",
    done: "Kaksivaiheinen tunnistautuminen on käytössä.",
    recoveryTitle: "Varakoodit",
    recoveryIntro:
      "Jos kadotat puhelimesi, kullakin näistä koodeista voi kirjautua kerran. Tallenna ne nyt turvalliseen paikkaan: ne näytetään vain tämän kerran.",
    copyCodes: "Kopioi koodit",
    savedContinue: "Olen tallentanut koodit — jatka",
  },
  session: {
    endedTitle: "Istuntosi päättyi",
    endedBody:
      "Sinut kirjattiin ulos (aikaraja tai ylläpitäjä päätti istunnon). Kirjaudu uudelleen jatkaaksesi; keskeneräinen työsi säilyy.",
  },
  setPassword: {
    title: "Aseta salasana",
    intro: "Valitse salasana Kuulo-tunnuksellesi. Linkki toimii vain kerran.",
    password: "Uusi salasana",
    repeat: "Uusi salasana uudelleen",
    submit: "Aseta salasana",
    done: "Salasanasi on asetettu. Voit nyt kirjautua.",
    invalidLink: "Linkki ei ole enää voimassa. Pyydä ylläpitäjältä uusi.",
  },
  password: {
    hint: "Vähintään 15 merkkiä. Muutama toisiinsa liittymätön sana toimii hyvin.",
    too_short: "Liian lyhyt: käytä vähintään 15 merkkiä.",
    too_long: "Liian pitkä: enintään 1024 tavua.",
    common: "Salasana on liian yleinen; valitse toinen.",
    context: "Älä käytä nimeäsi, käyttäjätunnustasi tai yrityksen tai tuotteen nimeä.",
    repetitive: "Liian toisteinen; valitse vaikeammin arvattava salasana.",
    mismatch: "Salasanat eivät täsmää.",
  },
  unsaved: {
    title: "Poistutaanko tallentamatta?",
    body: "Sinulla on tallentamattomia muutoksia. Jos poistut nyt, ne menetetään.",
    stay: "Jää sivulle",
    leave: "Poistu tallentamatta",
  },
  why: {
    link: "Miksi?",
    clause: "Rekisteriselosteesta",
  },
  personalData: {
    phone: "Teksti näyttää sisältävän puhelinnumeron. Asiakastiedot saavat olla vain äänitallenteessa.",
    email: "Teksti näyttää sisältävän sähköpostiosoitteen. Asiakastiedot saavat olla vain äänitallenteessa.",
    personal_identity_code:
      "Teksti näyttää sisältävän henkilötunnuksen. Asiakastiedot saavat olla vain äänitallenteessa.",
    iban: "Teksti näyttää sisältävän tilinumeron (IBAN). Asiakastiedot saavat olla vain äänitallenteessa.",
    payment_card:
      "Teksti näyttää sisältävän maksukortin numeron. Asiakastiedot saavat olla vain äänitallenteessa.",
    customer_number:
      "Teksti näyttää sisältävän asiakasnumeron. Asiakastiedot saavat olla vain äänitallenteessa.",
  },
};
