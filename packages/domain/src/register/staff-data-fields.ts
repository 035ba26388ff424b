import type { Localized } from "./register-config.js";

/** Register item 5 / R3: the staff data a recording carries, in the order of the 2011 text. */
export const STAFF_DATA_FIELD_LABELS: ReadonlyArray<{ field: string; label: Localized }> = [
  { field: "firstName", label: { fi: "etunimi", en: "first name" } },
  { field: "lastName", label: { fi: "sukunimi", en: "last name" } },
  { field: "username", label: { fi: "käyttäjätunnus", en: "username" } },
  { field: "phoneNumber", label: { fi: "puhelinnumero", en: "phone number" } },
  {
    field: "callStartedAt",
    label: {
      fi: "keskustelun ajankohta (päivämäärä ja kellonaika)",
      en: "time of the conversation (date and time of day)",
    },
  },
];
