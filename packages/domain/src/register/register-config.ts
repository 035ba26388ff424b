import { z } from "zod";

export const LOCALES = ["fi", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export type Localized<T = string> = Readonly<Record<Locale, T>>;

const line = z.string().trim().min(1).max(200);

/** Controller and contact details: deployment configuration, the 2011 document's values by default (R1). */
export const registerConfigSchema = z.strictObject({
  controllerName: line,
  postalAddress: line,
  visitingAddress: line,
  phone: line,
  contactName: line,
  contactPhone: line,
  /** Not in the 2011 document; a deployment may add a mailbox for data-subject requests. */
  contactEmail: z.email().nullable(),
});
export type RegisterConfig = z.infer<typeof registerConfigSchema>;

export const DEFAULT_REGISTER_CONFIG: RegisterConfig = Object.freeze({
  controllerName: "Kespro Oy",
  postalAddress: "PL 15, 00016 KESKO",
  visitingAddress: "Sähkötie 1, 01510 VANTAA",
  phone: "01053 040",
  contactName: "Katriina Hytönen",
  contactPhone: "01053 040",
  contactEmail: null,
});

/** Defaults overlaid with the given values; refuses malformed overrides rather than publishing them. */
export const resolveRegisterConfig = (overrides: Partial<RegisterConfig> = {}): RegisterConfig => {
  const defined = Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined));
  return registerConfigSchema.parse({ ...DEFAULT_REGISTER_CONFIG, ...defined });
};

/** The date of the original register description (Personal Data Act 523/1999, section 10). */
export const REGISTER_DESCRIPTION_DATE = "2011-02-28";
/** When the wording of the published notice (below) last changed. */
export const PRIVACY_NOTICE_REVISED_ON = "2026-11-29";
