import { PageHeader, useCan } from "@kuulo/ui";
import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { LegalHoldsSection } from "../legal-holds/legal-holds-section.js";
import { EraseSection } from "./erase-section.js";
import { PolicySection } from "./policy-section.js";
import { RecordOfProcessingSection } from "./record-of-processing-section.js";
import "../disclosures/disclosures.css";

// recharts is large: its own chunk, fetched only when the chart is drawn.
const DueChart = lazy(() => import("./due-chart.js").then((module) => ({ default: module.DueChart })));

export function RetentionPage() {
  const { t } = useTranslation();
  const can = useCan();
  return (
    <>
      <PageHeader title={t("retention.title")} description={t("retention.description")} />
      <div className="stack">
        <PolicySection />
        <Suspense fallback={null}>
          <DueChart />
        </Suspense>
        <LegalHoldsSection />
        {can("recording.erase") ? <EraseSection /> : null}
        {can("audit.export") ? <RecordOfProcessingSection /> : null}
      </div>
    </>
  );
}
