import type { Locale } from "./register-config.js";

/**
 * E-mail delivery (off by default) uses a staff member's account e-mail address to send one-time sign-in
 * links and the daily inbox digest (no names, no call content). Declared only while it is switched on.
 */
export const EMAIL_DATA_CATEGORY: Readonly<Record<Locale, string>> = {
  fi: "Henkilöstön käyttäjätilin sähköpostiosoite (vain kertakäyttöisten kirjautumislinkkien ja päivittäisen tehtäväkoosteen lähettämiseen, kun sähköposti on otettu käyttöön)",
  en: "Staff members' account e-mail address (only to send one-time sign-in links and the daily task digest, while e-mail is switched on)",
};

export const EMAIL_RECIPIENT: Readonly<Record<Locale, string>> = {
  fi: "Sähköpostin välityspalvelin (SMTP), joka toimittaa viestit; viesteissä ei ole puhelujen sisältöä",
  en: "The e-mail relay (SMTP) that delivers the messages; they hold no call content",
};
