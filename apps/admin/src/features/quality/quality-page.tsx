import { PageHeader, useCan } from "@kuulo/ui";
import { useTranslation } from "react-i18next";
import { FormsSection } from "./forms-section.js";
import { SamplingSection } from "./sampling-section.js";
import { SwitchSection } from "./switch-section.js";

/** Quality review: the installation's switch (with the cooperation procedure) the evaluation forms and the sampling rules. */
export function QualityPage() {
  const { t } = useTranslation();
  const can = useCan();
  return (
    <>
      <PageHeader title={t("quality.title")} description={t("quality.description")} />
      <div className="stack">
        <SwitchSection />
        {can("quality_form.read") ? <FormsSection /> : null}
        {can("evaluation.sample") ? <SamplingSection /> : null}
      </div>
    </>
  );
}
