import type { DomainErrorShape } from "@kuulo/domain/errors";
import {
  ConfirmDialog,
  ErrorState,
  FormError,
  Loading,
  readDomainError,
  useCan,
  useFormat,
  useTRPC,
} from "@kuulo/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useDescribeRefusal } from "../disclosures/describe-refusal.js";

interface Retiring {
  versionId: string;
  version: number;
}

/**
 * Every version of one form, newest first. Publishing a draft retires the published version (evaluations
 * keep the version they were made with); retiring the published version stops new evaluations with it.
 */
export function FormVersions({ formId, name }: { formId: string; name: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const can = useCan();
  const format = useFormat();
  const queryClient = useQueryClient();
  const describe = useDescribeRefusal();
  const manage = can("quality_form.manage");
  const form = useQuery(trpc.quality.forms.get.queryOptions({ formId }));
  const [retiring, setRetiring] = useState<Retiring | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const wordOf = (failure: unknown) => {
    const domain: DomainErrorShape | null = readDomainError(failure);
    return domain?.reason ? describe(domain) : t("quality.saveFailed");
  };
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.quality.forms.pathKey() });
  const publish = useMutation(
    trpc.quality.forms.publish.mutationOptions({
      onSuccess: async (published) => {
        setError(null);
        // Said once the lists show it, so "Edit" right after offers the next version, not the old draft.
        await refresh();
        setDone(t("qualityForms.publishedVersion", { n: published.version }));
      },
      onError: (failure) => setError(wordOf(failure)),
    }),
  );
  const retire = useMutation(
    trpc.quality.forms.retire.mutationOptions({
      onSuccess: async (retired) => {
        setRetiring(null);
        setError(null);
        await refresh();
        setDone(t("qualityForms.retiredVersion", { n: retired.version }));
      },
      onError: (failure) => setError(wordOf(failure)),
    }),
  );
  return (
    <section id="quality-form-versions" className="stack" aria-labelledby="quality-form-versions-heading">
      <h3 id="quality-form-versions-heading">{t("qualityForms.versionsHeading", { name })}</h3>
      <p className="muted">{t("qualityForms.versionsExplained")}</p>
      <p role="status" className="muted">
        {done ?? ""}
      </p>
      <FormError message={retiring ? null : error} />
      {form.isPending ? (
        <Loading />
      ) : form.isError ? (
        <ErrorState error={form.error} onRetry={() => form.refetch()} />
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t("qualityForms.versionsHeading", { name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("qualityForms.version")}</th>
                <th scope="col">{t("qualityForms.status")}</th>
                <th scope="col">{t("quality.criteria")}</th>
                <th scope="col">{t("qualityForms.publishedAt")}</th>
                <th scope="col">{t("qualityForms.retiredAt")}</th>
                {manage ? <th scope="col">{t("actions")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {form.data.versions.map((version) => (
                <tr key={version.id}>
                  <th scope="row">{t("quality.versionN", { n: version.version })}</th>
                  <td>{t(`qualityForms.statuses.${version.status}`)}</td>
                  <td>{version.content.sections.reduce((n, s) => n + s.criteria.length, 0)}</td>
                  <td>{version.publishedAt ? format.dateTime(version.publishedAt) : "—"}</td>
                  <td>{version.retiredAt ? format.dateTime(version.retiredAt) : "—"}</td>
                  {manage ? (
                    <td>
                      {version.status === "draft" ? (
                        <button
                          type="button"
                          className="button button--small button--primary"
                          disabled={publish.isPending}
                          onClick={() => publish.mutate({ versionId: version.id })}
                        >
                          {t("qualityForms.publishVersion", { n: version.version })}
                        </button>
                      ) : version.status === "published" ? (
                        <button
                          type="button"
                          className="button button--small"
                          onClick={() => {
                            setError(null);
                            setRetiring({ versionId: version.id, version: version.version });
                          }}
                        >
                          {t("qualityForms.retireVersion", { n: version.version })}
                        </button>
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ConfirmDialog
        open={retiring !== null}
        title={t("qualityForms.retireTitle", { name, n: retiring?.version ?? 0 })}
        confirmLabel={t("qualityForms.retireConfirm")}
        danger
        pending={retire.isPending}
        error={retiring ? error : null}
        onCancel={() => setRetiring(null)}
        onConfirm={() => retiring && retire.mutate({ versionId: retiring.versionId })}
      >
        <p>{t("qualityForms.retireBody")}</p>
      </ConfirmDialog>
    </section>
  );
}
