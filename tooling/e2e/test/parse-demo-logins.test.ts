import { describe, expect, it } from "vitest";
import { parseDemoLogins } from "../src/parse-demo-logins.js";

const BANNER = `
Kuulo (demo mode) is listening on http://localhost:3000
Demo data seeded into the empty database.
Demo logins (demo mode only; never use these anywhere else):
  administrator     admin                "harmaa kettu juoksee sateessa"  (all units)
                                         TOTP secret JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP
  trainer           kouluttaja           "vihreä tammi kasvaa hiljaa"  (HKI-ASPA)
Administrators and privacy officers need a TOTP code: add the secret to an authenticator app.
`;

describe("parseDemoLogins", () => {
  it("reads every login with its TOTP secret", () => {
    expect(parseDemoLogins(BANNER)).toEqual([
      {
        role: "administrator",
        username: "admin",
        password: "harmaa kettu juoksee sateessa",
        totpSecret: "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP",
      },
      { role: "trainer", username: "kouluttaja", password: "vihreä tammi kasvaa hiljaa" },
    ]);
  });

  it("finds nothing in output without a banner", () => {
    expect(parseDemoLogins("Kuulo (production mode) is listening on http://localhost:3000\n")).toEqual([]);
  });
});
