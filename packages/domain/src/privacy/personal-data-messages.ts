import type { PersonalDataKind } from "./find-personal-data.js";

export type PersonalDataReason = `personal_data.${PersonalDataKind}`;

/** UI texts per reason key, so SPAs can show the refusal in the user's language. */
export const PERSONAL_DATA_REASON_TEXTS: Readonly<Record<PersonalDataReason, { fi: string; en: string }>> = {
  "personal_data.phone": {
    fi: "Teksti näyttää sisältävän puhelinnumeron. Asiakastiedot saavat olla vain äänitallenteessa.",
    en: "The text seems to contain a phone number. Customer data may exist only inside the audio.",
  },
  "personal_data.email": {
    fi: "Teksti näyttää sisältävän sähköpostiosoitteen. Asiakastiedot saavat olla vain äänitallenteessa.",
    en: "The text seems to contain an e-mail address. Customer data may exist only inside the audio.",
  },
  "personal_data.personal_identity_code": {
    fi: "Teksti näyttää sisältävän henkilötunnuksen. Asiakastiedot saavat olla vain äänitallenteessa.",
    en: "The text seems to contain a personal identity code. Customer data may exist only inside the audio.",
  },
  "personal_data.customer_number": {
    fi: "Teksti näyttää sisältävän asiakasnumeron. Asiakastiedot saavat olla vain äänitallenteessa.",
    en: "The text seems to contain a customer number. Customer data may exist only inside the audio.",
  },
};
