// Matched against keys with separators removed and lower-cased, at every depth of `details`.
const SECRET_KEYS = new Set([
  "password",
  "newpassword",
  "oldpassword",
  "currentpassword",
  "passwordhash",
  "token",
  "sessiontoken",
  "apitoken",
  "accesstoken",
  "refreshtoken",
  "secret",
  "totpsecret",
  "totpcode",
  "otp",
  "recoverycode",
  "recoverycodes",
  "authorization",
  "cookie",
]);

/** Audit details must never hold credentials (ASVS 16.2): refuse them loudly instead of storing forever. */
export function assertNoSecrets(value: unknown, path = "details"): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      assertNoSecrets(item, `${path}[${index}]`);
    });
    return;
  }
  if (value === null || typeof value !== "object" || value instanceof Date) return;
  for (const [key, member] of Object.entries(value)) {
    if (SECRET_KEYS.has(key.replace(/[^a-z0-9]/gi, "").toLowerCase())) {
      throw new Error(`audit ${path}.${key}: credentials must never be written to the audit log`);
    }
    assertNoSecrets(member, `${path}.${key}`);
  }
}
