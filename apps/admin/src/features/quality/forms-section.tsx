import type { RouterOutputs } from "@kuulo/api";
import type { FormContent } from "@kuulo/domain/quality";
import { type DataColumn, DataTable, useCan, useTRPC } from "@kuulo/ui";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormBuilder } from "./form-builder.js";
import { FormVersions } from "./form-versions.js";

type QualityForm = RouterOutputs["quality"]["forms"]["list"][number];
type Editing =
  | { kind: "new" }
  | { kind: "edit"; formId: string; content: FormContent; version: number }
  | null;

const criteriaCount = (content: FormContent | undefined) =>
  content?.sections.reduce((n, s) => n + s.criteria.length, 0) ?? 0;

/** Evaluation forms: each form's published and draft version, its versions, and the builder. */
export function FormsSection() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const can = useCan();
  const manage = can("quality_form.manage");
  const settings = useQuery(trpc.qualitySettings.get.queryOptions());
  const forms = useQuery({
    ...trpc.quality.forms.list.queryOptions(),
    enabled: settings.data?.enabled === true,
  });
  const [editing, setEditing] = useState<Editing>(null);
  const [openFormId, setOpenFormId] = useState<string | null>(null);
  if (settings.data && !settings.data.enabled) {
    return (
      <section className="card" aria-labelledby="quality-forms">
        <h2 id="quality-forms">{t("quality.forms")}</h2>
        <p className="muted">{t("quality.formsWhenOn")}</p>
      </section>
    );
  }
  const openForm = forms.data?.find((form) => form.formId === openFormId);
  const version = (found: { version: number } | null | undefined) =>
    found ? t("quality.versionN", { n: found.version }) : "—";
  const columns: DataColumn<QualityForm>[] = [
    { id: "name", header: t("quality.formName"), rowHeader: true, cell: (form) => form.name },
    { id: "published", header: t("quality.published"), cell: (form) => version(form.published) },
    { id: "draft", header: t("quality.draft"), cell: (form) => version(form.draft) },
    {
      id: "criteria",
      header: t("quality.criteria"),
      align: "num",
      cell: (form) => criteriaCount((form.draft ?? form.published)?.content),
    },
    {
      id: "actions",
      header: t("actions"),
      cell: (form) => {
        const latest = form.draft ?? form.published;
        return (
          <div className="row">
            <button
              type="button"
              className="button button--small"
              aria-expanded={openFormId === form.formId}
              aria-controls="quality-form-versions"
              onClick={() => setOpenFormId(openFormId === form.formId ? null : form.formId)}
            >
              {t("qualityForms.versionsOf", { name: form.name })}
            </button>
            {manage && latest && !editing ? (
              <button
                type="button"
                className="button button--small"
                onClick={() =>
                  setEditing({
                    kind: "edit",
                    formId: form.formId,
                    content: latest.content,
                    // A draft is edited in place; editing a published version makes the next one.
                    version: form.draft ? form.draft.version : latest.version + 1,
                  })
                }
              >
                {t("qualityForms.edit", { name: form.name })}
              </button>
            ) : null}
          </div>
        );
      },
    },
  ];
  return (
    <section className="card stack" aria-labelledby="quality-forms">
      <div className="row row--between">
        <h2 id="quality-forms">{t("quality.forms")}</h2>
        {manage && !editing ? (
          <button type="button" className="button" onClick={() => setEditing({ kind: "new" })}>
            {t("quality.newForm")}
          </button>
        ) : null}
      </div>
      {editing ? (
        <FormBuilder edit={editing.kind === "edit" ? editing : undefined} onDone={() => setEditing(null)} />
      ) : null}
      <DataTable
        caption={t("quality.forms")}
        columns={columns}
        rows={forms.data}
        getRowId={(form) => form.formId}
        query={forms}
        empty={{ title: t("quality.noForms") }}
      />
      {openForm ? <FormVersions formId={openForm.formId} name={openForm.name} /> : null}
    </section>
  );
}
