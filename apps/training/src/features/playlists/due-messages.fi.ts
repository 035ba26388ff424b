import type { dueEn } from "./due-messages.en.js";

/** Osoitusten määräpäivien tekstit (koulutusnimiavaruudessa avaimena `due`). */
export const dueFi: typeof dueEn = {
  label: "Määräpäivä (valinnainen)",
  hint: "Kirjoita päivä muodossa {{pattern}}. Osoitetut näkevät sen kohdassa Oma koulutus.",
  invalid: "Kirjoita päivä muodossa {{pattern}}, esimerkiksi {{example}}.",
  past: "Määräpäivä ei voi olla menneisyydessä.",
  assigned: "määräpäivä {{date}}",
  mine: "Määräpäivä {{date}}",
  overdue: "Myöhässä",
  column: "Määräpäivä",
  none: "–",
  overdueCount_one: "{{count}} myöhässä",
  overdueCount_other: "{{count}} myöhässä",
};
