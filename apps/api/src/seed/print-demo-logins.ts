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
