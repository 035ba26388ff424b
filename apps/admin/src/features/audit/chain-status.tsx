import { readDomainError, useFormat, useTRPC } from "@kuulo/ui";
import { useMutation } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";

/** The verifier's verdict on the whole hash chain (R14). A mutation: each run is itself audited. */
export function ChainStatus() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const format = useFormat();
  const verify = useMutation(trpc.audit.verify.mutationOptions());
  const { mutate } = verify;
  useEffect(() => mutate(), [mutate]);
  const recheck = (
    <button
      type="button"
      className="button button--small"
      onClick={() => mutate()}
      disabled={verify.isPending}
    >
      {verify.isPending ? t("audit.chain.checking") : t("audit.chain.recheck")}
    </button>
  );
  if (verify.isError) {
    return (
      <div className="alert alert--error section row row--between" role="alert" data-testid="chain-status">
        <span>{readDomainError(verify.error)?.message ?? t("error.generic")}</span>
        {recheck}
      </div>
    );
  }
  const result = verify.data;
  if (!result) {
    return (
      <div className="alert alert--info section" role="status" data-testid="chain-status">
        {t("audit.chain.checking")}
      </div>
    );
  }
  return (
    <div
      className={`alert section row row--between ${result.ok ? "alert--success" : "alert--error"}`}
      role="status"
      data-testid="chain-status"
      data-chain-ok={result.ok ? "true" : "false"}
    >
      <span>
        <strong>{result.ok ? t("audit.chain.ok") : t("audit.chain.broken")}</strong>{" "}
        {result.ok
          ? t("audit.chain.okDetail", { count: result.count, when: format.dateTime(verify.submittedAt) })
          : t("audit.chain.brokenDetail", {
              seq: result.brokenAt,
              reason: t(`audit.chain.reasons.${result.reason}`),
            })}
      </span>
      {recheck}
    </div>
  );
}
