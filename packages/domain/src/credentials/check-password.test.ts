import { describe, expect, it } from "vitest";
import { COMMON_PASSWORDS, checkPassword, PASSWORD_POLICY, type PasswordRefusalReason } from "./index.js";

const context = { username: "mvirtanen", firstName: "Maija", lastName: "Virtanen" };

describe("checkPassword (R11, NIST SP 800-63B)", () => {
  it("ships a common-password list of at least 3,000 lower-cased entries", () => {
    expect(COMMON_PASSWORDS.size).toBeGreaterThanOrEqual(3000);
    expect(COMMON_PASSWORDS.has("password")).toBe(true);
    expect([...COMMON_PASSWORDS].every((word) => word === word.toLowerCase())).toBe(true);
  });

  it.each([
    ["korppi juoksee sateessa", true],
    ["Tr0ub4dor&3-kahvikuppi", true],
    ["ünïcödé pässphräsé", true],
    ["a".repeat(14), "too_short"],
    ["lyhyt salasana", "too_short"],
    ["x".repeat(1025), "too_long"],
    ["ä".repeat(513), "too_long"],
    ["passwordpassword", "common"],
    ["1234567890123456", "repetitive"],
    ["P@ssw0rd!!2024!!", "common"],
    ["Password123456789", "common"],
    ["QWERTYUIOP123456", "common"],
    ["iloveyou!!!!!!!!", "common"],
    ["mvirtanen-kesalla-2025", "context"],
    ["Maija rakastaa kesää", "context"],
    ["virtanen perhe mökillä", "context"],
    ["kuulo on paras sovellus", "context"],
    ["KESPRO tukkukauppa 2025", "context"],
    ["m.v.i.r.t.a.n.e.n.123456", "context"],
    ["aaaaaaaaaaaaaaaaaaa", "repetitive"],
    ["abababababababab", "repetitive"],
    ["xyzxyzxyzxyzxyzx", "repetitive"],
    ["abcdefghijklmnopq", "repetitive"],
    ["9876543210987654", "repetitive"],
  ] as Array<[string, true | PasswordRefusalReason]>)("%j → %s", (password, expected) => {
    const result = checkPassword(password, context);
    if (expected === true) expect(result).toEqual({ ok: true });
    else {
      expect(result).toMatchObject({ ok: false, reason: expected });
      expect(result.ok === false && result.message.length).toBeGreaterThan(10);
      expect(result.ok === false && result.message).not.toContain(password);
    }
  });

  it("accepts exactly the minimum length and 64+ character passphrases", () => {
    expect(checkPassword("hiljainen kuusi", {})).toEqual({ ok: true });
    expect("hiljainen kuusi").toHaveLength(PASSWORD_POLICY.minLength);
    expect(checkPassword("pitkä lause ".repeat(20), {}).ok).toBe(true);
  });

  it("ignores context words too short to be meaningful", () => {
    expect(checkPassword("li li on mukava taulukko", { firstName: "Li" })).toEqual({ ok: true });
  });

  it.each([null, undefined, 123456789012345])("refuses non-string %j", (value) => {
    expect(checkPassword(value as unknown as string).ok).toBe(false);
  });
});
