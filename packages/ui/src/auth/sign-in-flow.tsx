import { lazy, Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import { Loading } from "../feedback/states.js";
import { PasswordStep, type SignInStatus } from "./password-step.js";
import { SecondFactorStep } from "./second-factor-step.js";

// Enrolment (QR code library, form library) is rare: fetched only when the API asks for it.
const TotpEnrolment = lazy(() =>
  import("./totp-enrolment.js").then((module) => ({ default: module.TotpEnrolment })),
);

export type SignInStep = "password" | "second_factor" | "enrolment";

/** Password, then the second factor or its enrolment, as the API's signIn status says. */
export function SignInFlow({
  onSignedIn,
  initialStep = "password",
}: {
  onSignedIn: () => void;
  initialStep?: SignInStep;
}) {
  const { t } = useTranslation("ui");
  const [step, setStep] = useState<SignInStep>(initialStep);
  const onStatus = (status: SignInStatus) => {
    if (status === "signed_in") onSignedIn();
    else setStep(status === "second_factor_required" ? "second_factor" : "enrolment");
  };
  return (
    <div className="stack">
      <h2 className="card__title">
        {step === "password"
          ? t("signIn.title")
          : step === "second_factor"
            ? t("secondFactor.title")
            : t("enrolment.title")}
      </h2>
      {step === "password" ? <PasswordStep onStatus={onStatus} /> : null}
      {step === "second_factor" ? (
        <SecondFactorStep onSignedIn={onSignedIn} onRestart={() => setStep("password")} />
      ) : null}
      {step === "enrolment" ? (
        <Suspense fallback={<Loading />}>
          <TotpEnrolment onDone={onSignedIn} />
        </Suspense>
      ) : null}
    </div>
  );
}
