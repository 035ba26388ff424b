import type { RouterOutputs } from "@kuulo/api";
import { CopyButton, FormError, readDomainError, useTRPC } from "@kuulo/ui";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";

type ProcessingRecord = RouterOutputs["register"]["recordOfProcessing"]["record"];

/** Plain text of the Art. 30 record, headed sections in the record's own language. */
export function recordAsText(record: ProcessingRecord, labels: (key: string) => string): string {
  const list = (items: readonly string[]) => items.map((item) => `- ${item}`).join("\n");
  const controller = record.controller;
  return [
    record.name,
    "",
    `${labels("controller")}: ${controller.controllerName}, ${controller.postalAddress}, ${controller.phone}`,
    `${labels("contact")}: ${record.contact.name}, ${record.contact.phone}${record.contact.email ? `, ${record.contact.email}` : ""}`,
    "",
    `${labels("purposes")}:`,
    list(record.purposes),
    "",
    `${labels("legalBasis")}: ${record.legalBasis}`,
    "",
    `${labels("subjects")}:`,
    list(record.dataSubjectCategories),
    "",
    `${labels("categories")}:`,
    list(record.personalDataCategories),
    "",
    `${labels("recipients")}:`,
    list(record.recipients),
    "",
    `${labels("transfers")}: ${record.transfersOutsideEuEea.description}`,
    "",
    `${labels("retention")}:`,
    list(record.retention.description),
    "",
    `${labels("security")}:`,
    list(record.securityMeasures),
  ].join("\n");
}

/** The Art. 30 export is audited on the server, so it is fetched on request, not on page load. */
export function RecordOfProcessingSection() {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const exportRecord = useMutation(trpc.register.recordOfProcessing.mutationOptions());
  const text = exportRecord.data
    ? recordAsText(exportRecord.data.record, (key) => t(`retention.recordLabels.${key}`))
    : null;
  return (
    <section className={`card${text ? " print-focus" : ""}`} aria-labelledby="retention-record">
      <h2 id="retention-record">{t("retention.record")}</h2>
      <p className="muted">{t("retention.recordHint")}</p>
      <FormError
        message={
          exportRecord.isError ? (readDomainError(exportRecord.error)?.message ?? t("error.generic")) : null
        }
      />
      {text ? (
        <div className="stack">
          <div className="row">
            <CopyButton value={text} label={t("retention.recordCopy")} />
            <button type="button" className="button" onClick={() => window.print()}>
              {t("printing.printRecord")}
            </button>
          </div>
          <pre className="record-text" data-testid="record-of-processing">
            {text}
          </pre>
        </div>
      ) : (
        <button
          type="button"
          className="button"
          disabled={exportRecord.isPending}
          onClick={() => exportRecord.mutate({ locale: i18n.language === "fi" ? "fi" : "en" })}
        >
          {t("retention.recordShow")}
        </button>
      )}
    </section>
  );
}
