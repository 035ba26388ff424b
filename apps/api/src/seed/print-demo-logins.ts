import { DEMO_ACCOUNTS, type DemoAccount } from "./demo-accounts.js";

/** The start banner of demo mode: every demo login, also written in the README. */
export function printDemoLogins(seededNow: readonly DemoAccount[] | null): void {
  console.log(
    seededNow
      ? "\nDemo data seeded into the empty database."
      : "\nDemo mode (database already had data; not re-seeded).",
  );
  console.log("Demo logins (demo mode only; never use these anywhere else):");
  for (const account of DEMO_ACCOUNTS) {
    const where = account.unitCode ?? "all units";
    console.log(
      `  ${account.role.padEnd(17)} ${account.username.padEnd(20)} "${account.password}"  (${where})`,
    );
    if (account.totpSecret)
      console.log(`  ${"".padEnd(17)} ${"".padEnd(20)} TOTP secret ${account.totpSecret}`);
  }
  console.log(
    "Administrators and privacy officers need a TOTP code: add the secret to an authenticator app.\n",
  );
}

/** Quality review is off until an administrator turns it on: say so, why, and where. */
export function printQualityStatus(enabled: boolean, where: string): void {
  console.log(
    enabled
      ? `Quality review is on (admin app: ${where}).\n`
      : `Quality review is off: the register as written (2011) does not declare feedback or evaluations of staff.\n  An administrator turns it on in the admin app under "Quality review": ${where}\n  (the demo's form and evaluations then appear in the training portal).\n`,
  );
}
