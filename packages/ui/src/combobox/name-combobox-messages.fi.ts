import type { nameComboboxEn } from "./name-combobox-messages.en.js";

/** Nimihaun omat tekstit (nimiavaruus `ui`, avain `nameCombobox`), suomeksi. */
export const nameComboboxFi: typeof nameComboboxEn = {
  hint: "Kirjoita vähintään kaksi kirjainta ja valitse nuolinäppäimillä ja Enterillä.",
  searching: "Haetaan…",
};
