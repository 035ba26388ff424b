import type { PersonalDataKind } from "@kuulo/domain/privacy";
import { nameComboboxEn, nameComboboxFi } from "../combobox/name-combobox-messages.js";
import { inboxNavEn, inboxNavFi } from "../inbox/inbox-nav-messages.js";

/** Strings of the shared screens (namespace `ui`). Apps add their own namespaces. */
const en = {
  inbox: inboxNavEn,
  nameCombobox: nameComboboxEn,
  loading: "Loading…",
  retry: "Try again",
  cancel: "Cancel",
  close: "Close",
  copy: "Copy",
  copied: "Copied",
  copyFailed: "Copying failed; select the text and copy it by hand.",
  required: "Required",
  language: "Language",
  signOut: "Sign out",
  skipToContent: "Skip to content",
  mainNavigation: "Main navigation",
  dateField: {
    shape: "Write it as {{pattern}}.",
    invalid: "Not a date.",
  },
  error: {
    generic: "Something went wrong. Try again; if it keeps happening, contact your administrator.",
    forbidden: "You do not have access to this.",
    notFound: "Not found. It may have been removed.",
  },
  signIn: {
    title: "Sign in",
    username: "Username",
    password: "Password",
    submit: "Sign in",
    signingIn: "Signing in…",
    failed: "Wrong username or password.",
    rateLimited: "Too many attempts. Wait a moment and try again.",
    agreementEnded: "Your organisation's agreement has ended, so your account cannot sign in.",
    startOver: "Start over",
    designatedOnly: "For designated users only. Every sign-in is recorded.",
  },
  secondFactor: {
    title: "Verification code",
    intro: "Enter the 6-digit code from your authenticator app.",
    recoveryIntro: "Enter one of your recovery codes. Each code works once.",
    code: "Code",
    recoveryCode: "Recovery code",
    submit: "Verify",
    failed: "That code did not work. Check the time on your phone and try again.",
    useRecovery: "Use a recovery code",
    useApp: "Use the authenticator app",
  },
  enrolment: {
    title: "Set up two-step verification",
    intro:
      "Your role requires a second factor. Scan the QR code with an authenticator app (for example Microsoft or Google Authenticator), then enter the code it shows.",
    qrLabel: "QR code for the authenticator app",
    manual: "Or enter this key by hand:",
    code: "Code from the app",
    codeHint: "6 digits",
    confirm: "Confirm",
    wrongCode: "That code did not match. Enter the current code from the app.",
    done: "Two-step verification is on.",
    recoveryTitle: "Recovery codes",
    recoveryIntro:
      "If you lose your phone, each of these codes lets you sign in once. Store them somewhere safe now: they are shown only this once.",
    copyCodes: "Copy codes",
    savedContinue: "I have stored the codes — continue",
  },
  session: {
    endedTitle: "Your session ended",
    endedBody:
      "You were signed out (time limit or an administrator ended the session). Sign in again to continue; what you were doing is kept.",
  },
  setPassword: {
    title: "Set your password",
    intro: "Choose a password for your Kuulo account. This link works only once.",
    password: "New password",
    repeat: "New password again",
    submit: "Set password",
    done: "Your password is set. You can now sign in.",
    invalidLink: "This link is not valid any more. Ask your administrator for a new one.",
  },
  password: {
    hint: "At least 15 characters. A few unrelated words work well.",
    too_short: "Too short: use at least 15 characters.",
    too_long: "Too long: use at most 1024 bytes.",
    common: "This password is too common; choose another.",
    context: "Do not use your name, username or the company's or product's name.",
    repetitive: "Too repetitive; choose a less predictable password.",
    mismatch: "The passwords do not match.",
  },
  unsaved: {
    title: "Leave without saving?",
    body: "You have changes that are not saved. If you leave now, they are lost.",
    stay: "Stay on the page",
    leave: "Leave without saving",
  },
  why: {
    link: "Why?",
    clause: "From the register description",
  },
  /** R4 refusals by the API's reason "personal_data.<kind>": the one wording both SPAs show. */
  personalData: {
    phone: "The text seems to contain a phone number. Customer data may exist only inside the audio.",
    email: "The text seems to contain an e-mail address. Customer data may exist only inside the audio.",
    personal_identity_code:
      "The text seems to contain a personal identity code. Customer data may exist only inside the audio.",
    iban: "The text seems to contain a bank account number (IBAN). Customer data may exist only inside the audio.",
    payment_card:
      "The text seems to contain a payment card number. Customer data may exist only inside the audio.",
    customer_number:
      "The text seems to contain a customer number. Customer data may exist only inside the audio.",
  } satisfies Record<PersonalDataKind, string>,
};

type Messages = typeof en;

const fi: Messages = {
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

export const uiMessages = { en, fi };
export type UiMessages = Messages;
