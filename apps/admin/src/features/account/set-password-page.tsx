import { SetPasswordScreen } from "@kuulo/ui";

export function SetPasswordPage() {
  return <SetPasswordScreen signInHref={import.meta.env.BASE_URL} />;
}
