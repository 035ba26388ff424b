import { z } from "zod";
import { isEuEea } from "../eu-eea/index.js";
import { freeText } from "../privacy/index.js";
import {
  IDENTITY_VERIFICATION_METHODS,
  MAX_RECORDINGS_PER_EXPORT,
  MAX_RECORDINGS_PER_TRAINING_DISCLOSURE,
  MAX_TRAINING_DISCLOSURE_DAYS,
} from "./disclosure-kinds.js";

const DAY_MS = 86_400_000;

/** An instant: a Date, or ISO 8601 text with an offset (what JSON transports carry). */
export const instant = z.union([
  z.date(),
  z.iso.datetime({ offset: true }).transform((value) => new Date(value)),
]);

/** Text a person types must not carry customer identifiers (R4). */
const text = (max: number) => freeText({ max });

/**
 * A reference into another register (an NDA's or an authority's case number): its digits are the
 * point, so the customer-data guard's "six digits are an identifier" would refuse real references.
 */
const reference = (max: number) => z.string().trim().min(1).max(max);

const uniqueIds = (min: number, max: number) =>
  z
    .array(z.uuid())
    .min(min)
    .max(max)
    .refine((ids) => new Set(ids).size === ids.length, { message: "must not repeat a recording" });

export const trainingDisclosureInput = z
  .strictObject({
    recipientName: text(200),
    recipientOrganisation: text(200),
    recipientCountry: z.string().superRefine((value, ctx) => {
      if (!isEuEea(value)) {
        ctx.addIssue({
          code: "custom",
          message: "must be an EU/EEA country (ISO 3166-1 alpha-2): nothing leaves the EU/EEA",
          params: { rule: "R7", reason: "country.outside_eu_eea" },
        });
      }
    }),
    recipientEmail: z.email(),
    ndaReference: reference(100),
    /** Calendar date the non-disclosure undertaking was signed, YYYY-MM-DD. */
    ndaSignedOn: z.iso.date(),
    purpose: text(2000),
    validFrom: instant,
    validUntil: instant,
    /** The audience is the company's own sales and customer-service staff (register item 7). */
    audienceAttestation: z.literal(true),
    recordingIds: uniqueIds(1, MAX_RECORDINGS_PER_TRAINING_DISCLOSURE).optional(),
    playlistId: z.uuid().optional(),
    /** An existing external trainer picked by name; omitted: found by e-mail, or a new account. */
    externalUserId: z.uuid().optional(),
  })
  .superRefine((input, ctx) => {
    if ((input.recordingIds === undefined) === (input.playlistId === undefined)) {
      ctx.addIssue({
        code: "custom",
        path: ["recordingIds"],
        message: "give either recordingIds or playlistId",
      });
    }
    const windowMs = input.validUntil.getTime() - input.validFrom.getTime();
    if (!(windowMs > 0)) {
      ctx.addIssue({ code: "custom", path: ["validUntil"], message: "must be after validFrom" });
    } else if (windowMs > MAX_TRAINING_DISCLOSURE_DAYS * DAY_MS) {
      ctx.addIssue({
        code: "custom",
        path: ["validUntil"],
        message: `must be at most ${MAX_TRAINING_DISCLOSURE_DAYS} days after validFrom`,
      });
    }
  });
export type TrainingDisclosureInput = z.output<typeof trainingDisclosureInput>;

export const statutoryDisclosureInput = z.strictObject({
  authority: text(200),
  legalBasis: text(500),
  caseReference: reference(100),
  recordingIds: uniqueIds(1, MAX_RECORDINGS_PER_EXPORT),
});
export type StatutoryDisclosureInput = z.output<typeof statutoryDisclosureInput>;

export const accessRequestInput = z.strictObject({
  requesterName: text(200),
  identityVerification: z.strictObject({
    method: z.enum(IDENTITY_VERIFICATION_METHODS),
    note: text(1000),
  }),
  /** The period of calls the data subject asks about. */
  window: z
    .strictObject({ from: instant, to: instant })
    .refine((window) => window.to.getTime() >= window.from.getTime(), {
      message: "to must not be before from",
      path: ["to"],
    }),
  staffMemberId: z.uuid().optional(),
  /** May be empty: a request can be fulfilled by stating that nothing was found. */
  recordingIds: uniqueIds(0, MAX_RECORDINGS_PER_EXPORT),
});
export type AccessRequestInput = z.output<typeof accessRequestInput>;
