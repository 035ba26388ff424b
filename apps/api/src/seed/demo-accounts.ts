import type { Role } from "@kuulo/domain/access";

/**
 * Demo mode only (never seeded in production): fixed, documented passphrases so that the README and
 * the start banner can show them. Administrators and privacy officers must use TOTP; their demo
 * secrets are fixed too, so a reviewer can add them to an authenticator app (or compute codes in tests).
 */
export interface DemoAccount {
  username: string;
  firstName: string;
  lastName: string;
  password: string;
  role: Role;
  /** Unit code of the grant; null = all units. */
  unitCode: string | null;
  organisation: "controller" | "processor";
  /** Base32 TOTP secret (RFC 6238, SHA-1, 30 s, 6 digits), for roles that require a second factor. */
  totpSecret?: string;
  /** Link the account to this register staff member (for "own calls"). */
  staff?: { phoneNumber: string; unitCode: string };
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    username: "admin",
    firstName: "Anna",
    lastName: "Ylläpitäjä",
    password: "harmaa kettu juoksee sateessa",
    role: "administrator",
    unitCode: null,
    organisation: "controller",
    totpSecret: "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP",
  },
  {
    username: "tietosuoja",
    firstName: "Pekka",
    lastName: "Suojanen",
    password: "sininen lokki lentää satamaan",
    role: "privacy_officer",
    unitCode: null,
    organisation: "controller",
    totpSecret: "KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU",
  },
  {
    username: "kouluttaja",
    firstName: "Liisa",
    lastName: "Laine",
    password: "vihreä tammi kasvaa hiljaa",
    role: "trainer",
    unitCode: "HKI-ASPA",
    organisation: "controller",
  },
  {
    username: "laatuarvioija",
    firstName: "Sanna",
    lastName: "Saarinen",
    password: "oranssi pöllö kuuntelee yöllä",
    role: "quality_reviewer",
    unitCode: "HKI-ASPA",
    organisation: "controller",
  },
  {
    username: "mikko.korhonen",
    firstName: "Mikko",
    lastName: "Korhonen",
    password: "punainen vene keinuu laiturissa",
    role: "employee",
    unitCode: "HKI-ASPA",
    organisation: "controller",
    staff: { phoneNumber: "+358401234502", unitCode: "HKI-ASPA" },
  },
  {
    username: "ulkoinen.kouluttaja",
    firstName: "Eero",
    lastName: "Ekstra",
    password: "keltainen kuu nousee järveltä",
    role: "external_trainer",
    unitCode: null,
    organisation: "processor",
  },
];

export const DEMO_UNITS = [
  { code: "HKI-MYYNTI", name: "Helsinki, myynti" },
  { code: "HKI-ASPA", name: "Helsinki, asiakaspalvelu" },
  { code: "TRE-ASPA", name: "Tampere, asiakaspalvelu" },
] as const;

export const DEMO_CONTROLLER = { name: "Tukkuri Oy (demo)", businessId: "0000001-9", country: "FI" } as const;
export const DEMO_PROCESSOR = {
  name: "Koulutuspalvelu Oy",
  businessId: "0000002-7",
  country: "FI",
  agreementReference: "DEMO-SOP-2026-01",
} as const;
