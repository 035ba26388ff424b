import { Dialog, TotpEnrolment, useMe } from "@kuulo/ui";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";

export function SecondFactorCard() {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const [enrolling, setEnrolling] = useState(false);
  return (
    <section className="card" aria-labelledby="second-factor-title">
      <h2 id="second-factor-title">{t("account.secondFactor")}</h2>
      {me.user.totpEnabled ? (
        <p>
          <span className="badge badge--success">{t("users.totpOn")}</span> {t("account.totpOnHint")}
        </p>
      ) : (
        <>
          <p className="muted">{t("account.totpOffHint")}</p>
          <button type="button" className="button" onClick={() => setEnrolling(true)}>
            {t("account.enableTotp")}
          </button>
        </>
      )}
      <Dialog open={enrolling} onClose={() => setEnrolling(false)} title={t("ui:enrolment.title")} wide>
        {enrolling ? (
          <TotpEnrolment
            onDone={async () => {
              setEnrolling(false);
              await queryClient.invalidateQueries();
            }}
          />
        ) : null}
      </Dialog>
    </section>
  );
}
