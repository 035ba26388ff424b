import { checkPassword } from "@kuulo/domain/credentials";
import type { TFunction } from "i18next";

/** The API's own password rules, run before submitting so the reason shows next to the field. */
export function passwordError(
  password: string,
  context: { username?: string; firstName?: string; lastName?: string },
  t: TFunction<"ui">,
): string | undefined {
  const result = checkPassword(password, context);
  return result.ok ? undefined : t(`password.${result.reason}`);
}
