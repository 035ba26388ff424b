import { readDomainError, useFormat, useTRPC } from "@kuulo/ui";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";

/** The verifier's verdict on the whole hash chain (R14), re-run on demand. */
export function ChainStatus() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const format = useFormat();
  const verify = useQuery({ ...trpc.audit.verify.queryOptions(), staleTime: 0 });
  const recheck = (
    <button type="button" className="button button--small" onClick={() => verify.refetch()} disabled={verify.isFetching}>
      {verify.isFetching ? t("audit.chain.checking") : t("audit.chain.recheck")}
    </button>
  );
  if (verify.isPending) {
    return (
      <div className="alert alert--info section" role="status" data-testid="chain-status">
        {t("audit.chain.checking")}
      </div>
    );
  }
  if (verify.isError) {
    return (
      <div className="alert alert--error section row row--between" role="alert" data-testid="chain-status">
        <span>{readDomainError(verify.error)?.message ?? t("error.generic")}</span>
        {recheck}
      </div>
    );
  }
  const result = verify.data;
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
          ? t("audit.chain.okDetail", { count: result.checked, when: format.dateTime(new Date()) })
          : t("audit.chain.brokenDetail", { seq: result.firstBrokenSeq, reason: result.reason ?? "" })}
      </span>
      {recheck}
    </div>
  );
}
