import { DomainError } from "../errors/index.js";
import { findPersonalData, type PersonalDataKind } from "./find-personal-data.js";
import { personalDataReason } from "./personal-data-reason.js";

const DESCRIPTIONS: Record<PersonalDataKind, string> = {
  phone: "a phone number",
  email: "an e-mail address",
  personal_identity_code: "a personal identity code",
  iban: "a bank account number (IBAN)",
  payment_card: "a payment card number",
  customer_number: "a customer number",
};

/**
 * Refuses free text that contains a customer identifier (R4). The message never repeats the match, so
 * the identifier does not spread into logs; the offsets are in `details` for highlighting.
 */
export const assertNoPersonalData = (field: string, text: string): void => {
  if (typeof text !== "string") {
    throw new DomainError("VALIDATION", `Field "${field}" must be text`, {
      field,
      rule: "R4",
      reason: "personal_data.not_text",
    });
  }
  const [first] = findPersonalData(text);
  if (!first) return;
  throw new DomainError(
    "VALIDATION",
    `Field "${field}" contains what looks like ${DESCRIPTIONS[first.kind]} (characters ${first.start + 1}–${first.end}): customer data may exist only inside the audio, remove it (R4)`,
    {
      field,
      rule: "R4",
      reason: personalDataReason(first.kind),
      details: { kind: first.kind, start: first.start, end: first.end },
    },
  );
};
