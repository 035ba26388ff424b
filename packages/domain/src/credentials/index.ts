export { checkPassword } from "./check-password.js";
export { COMMON_PASSWORDS } from "./common-passwords.js";
export {
  PASSWORD_POLICY,
  PASSWORD_REFUSAL_REASONS,
  type PasswordCheckResult,
  type PasswordContext,
  type PasswordRefusalReason,
} from "./password-policy.js";
