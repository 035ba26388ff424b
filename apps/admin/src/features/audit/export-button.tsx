import type { RouterInputs } from "@kuulo/api";
import { readDomainError, useTRPC } from "@kuulo/ui";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useAuditLanguage } from "./use-audit-sentence.js";

/** CSV of exactly the filtered range, for the privacy officer; the export itself is audited by the API. */
export function ExportButton({
  filter,
}: {
  filter: Omit<RouterInputs["audit"]["export"], "locale" | "timeZone">;
}) {
  const { t } = useTranslation();
  const { locale } = useAuditLanguage();
  const trpc = useTRPC();
  const exportCsv = useMutation(
    trpc.audit.export.mutationOptions({
      onSuccess: (result) => {
        const url = URL.createObjectURL(new Blob([result.csv], { type: "text/csv;charset=utf-8" }));
        const link = document.createElement("a");
        link.href = url;
        link.download = result.filename;
        link.click();
        setTimeout(() => URL.revokeObjectURL(url), 10_000);
      },
    }),
  );
  return (
    <span className="stack stack--tight">
      <button
        type="button"
        className="button"
        onClick={() =>
          exportCsv.mutate({ ...filter, locale, timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone })
        }
        disabled={exportCsv.isPending}
      >
        {exportCsv.isPending ? t("audit.exporting") : t("audit.export")}
      </button>
      {exportCsv.isSuccess ? (
        <span className="muted" role="status">
          {t("audit.exported", { count: exportCsv.data.rowCount })}
        </span>
      ) : null}
      {exportCsv.isError ? (
        <span className="field__error" role="alert">
          {readDomainError(exportCsv.error)?.message ?? t("error.generic")}
        </span>
      ) : null}
    </span>
  );
}
