import { ErrorState, Loading, useCan, useTRPC } from "@kuulo/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormBuilder } from "./form-builder.js";

/** Evaluation forms: the published version, the open draft, and the builder for a new form. */
export function FormsSection() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const can = useCan();
  const queryClient = useQueryClient();
  const settings = useQuery(trpc.qualitySettings.get.queryOptions());
  const forms = useQuery({
    ...trpc.quality.forms.list.queryOptions(),
    enabled: settings.data?.enabled === true,
  });
  const [building, setBuilding] = useState(false);
  const publish = useMutation(
    trpc.quality.forms.publish.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.quality.forms.pathKey() }),
    }),
  );
  if (settings.data && !settings.data.enabled) {
    return (
      <section className="card" aria-labelledby="quality-forms">
        <h2 id="quality-forms">{t("quality.forms")}</h2>
        <p className="muted">{t("quality.formsWhenOn")}</p>
      </section>
    );
  }
  return (
    <section className="card" aria-labelledby="quality-forms">
      <div className="row row--between">
        <h2 id="quality-forms">{t("quality.forms")}</h2>
        {can("quality_form.manage") && !building ? (
          <button type="button" className="button" onClick={() => setBuilding(true)}>
            {t("quality.newForm")}
          </button>
        ) : null}
      </div>
      {building ? <FormBuilder onDone={() => setBuilding(false)} /> : null}
      {forms.isPending ? (
        <Loading />
      ) : forms.isError ? (
        <ErrorState error={forms.error} onRetry={() => forms.refetch()} />
      ) : forms.data.length === 0 ? (
        <p className="muted">{t("quality.noForms")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t("quality.forms")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("quality.formName")}</th>
                <th scope="col">{t("quality.published")}</th>
                <th scope="col">{t("quality.draft")}</th>
                <th scope="col">{t("quality.criteria")}</th>
              </tr>
            </thead>
            <tbody>
              {forms.data.map((form) => (
                <tr key={form.formId}>
                  <th scope="row">{form.name}</th>
                  <td>{form.published ? t("quality.versionN", { n: form.published.version }) : "—"}</td>
                  <td>
                    {form.draft ? (
                      <>
                        {t("quality.versionN", { n: form.draft.version })}{" "}
                        {can("quality_form.manage") ? (
                          <button
                            type="button"
                            className="button button--small"
                            disabled={publish.isPending}
                            onClick={() => publish.mutate({ versionId: form.draft?.id ?? "" })}
                          >
                            {t("quality.publish", { name: form.draft.content.name })}
                          </button>
                        ) : null}
                      </>
                    ) : (
                      "—"
                    )}
                  </td>
                  <td>
                    {(form.published ?? form.draft)?.content.sections.reduce(
                      (n, s) => n + s.criteria.length,
                      0,
                    ) ?? 0}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
