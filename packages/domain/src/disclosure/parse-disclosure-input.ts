import type { z } from "zod";
import { DomainError, type RuleId } from "../errors/index.js";
import {
  type AccessRequestInput,
  accessRequestInput,
  type StatutoryDisclosureInput,
  statutoryDisclosureInput,
  type TrainingDisclosureInput,
  trainingDisclosureInput,
} from "./disclosure-schemas.js";

const toDomainError = (error: z.ZodError): DomainError => {
  const issue = error.issues[0];
  const field = issue?.path.length ? issue.path.join(".") : "disclosure";
  const params = (issue && "params" in issue ? issue.params : undefined) as
    | { rule?: RuleId; reason?: string }
    | undefined;
  return new DomainError(
    "VALIDATION",
    `Field "${field}" ${issue?.message ?? "is invalid"} (${params?.rule ?? "R6"})`,
    {
      field,
      rule: params?.rule ?? "R6",
      reason: params?.reason ?? "disclosure.invalid",
    },
  );
};

const parseWith = <T extends z.ZodType>(schema: T, input: unknown): z.output<T> => {
  const result = schema.safeParse(input);
  if (!result.success) throw toDomainError(result.error);
  return result.data;
};

/** Today's date in Finland (the controller's calendar), YYYY-MM-DD. */
const helsinkiDate = (now: Date): string =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Helsinki", dateStyle: "short" }).format(now);

/** Validates a training disclosure, including the rules that need the current time. */
export const parseTrainingDisclosureInput = (input: unknown, now: Date): TrainingDisclosureInput => {
  const value = parseWith(trainingDisclosureInput, input);
  if (value.ndaSignedOn > helsinkiDate(now)) {
    throw new DomainError("VALIDATION", 'Field "ndaSignedOn" must not be in the future (R6)', {
      field: "ndaSignedOn",
      rule: "R6",
      reason: "disclosure.nda_in_future",
    });
  }
  if (value.validUntil.getTime() <= now.getTime()) {
    throw new DomainError("VALIDATION", 'Field "validUntil" must be in the future (R6)', {
      field: "validUntil",
      rule: "R6",
      reason: "disclosure.already_ended",
    });
  }
  return value;
};

export const parseStatutoryDisclosureInput = (input: unknown): StatutoryDisclosureInput =>
  parseWith(statutoryDisclosureInput, input);

export const parseAccessRequestInput = (input: unknown): AccessRequestInput =>
  parseWith(accessRequestInput, input);
