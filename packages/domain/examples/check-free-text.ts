import { isDomainError } from "@kuulo/domain/errors";
import { assertNoPersonalData, findPersonalData } from "@kuulo/domain/privacy";

// Ordinary training text passes: lesson numbers, years, times and dates are not identifiers.
export const clean = findPersonalData("Vaihe 3/5: kuuntele klo 10:30 alkava osa (12.3.2025)");
// []

export const findings = findPersonalData("Asiakas soitti numerosta 040 123 4567, as.nro 556677");
// [{ kind: "phone", start: 25, end: 37, match: "040 123 4567" },
//  { kind: "customer_number", start: 39, end: 52, match: "as.nro 556677" }]

// Services call the assertion before saving a playlist description, note or comment.
export const refusal = (() => {
  try {
    assertNoPersonalData("description", "Soita takaisin: matti@example.fi");
    return null;
  } catch (error) {
    if (isDomainError(error)) return { field: error.field, rule: error.rule, reason: error.reason };
    throw error;
  }
})();
// { field: "description", rule: "R4", reason: "personal_data.email" }
