import { checkPassword, type PasswordContext } from "@kuulo/domain/credentials";
import { DomainError } from "@kuulo/domain/errors";
import { hashPassword, passwordTooLong } from "../../auth/password-hash.js";
import type { PasswordHashParams } from "../../env.js";

/** Applies the domain's password rules (NIST SP 800-63B) and hashes; the error names field and reason. */
export async function hashNewPassword(
  password: string,
  context: PasswordContext,
  params: PasswordHashParams,
  field = "newPassword",
): Promise<string> {
  if (passwordTooLong(password)) {
    throw new DomainError("VALIDATION", "The password is too long", {
      field,
      rule: "R11",
      reason: "password.too_long",
    });
  }
  const verdict = checkPassword(password, context);
  if (!verdict.ok) {
    throw new DomainError("VALIDATION", verdict.message, {
      field,
      rule: "R11",
      reason: `password.${verdict.reason}`,
    });
  }
  return hashPassword(password, params);
}
