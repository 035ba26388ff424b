import {
  ErrorState,
  FormError,
  Loading,
  readDomainError,
  TextField,
  useCan,
  useFormat,
  useTRPC,
} from "@kuulo/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useDescribeRefusal } from "../disclosures/describe-refusal.js";

type Field = "ordinaryDays" | "trainingDays";

/** The periods in force per category beside the documented defaults (R13); the privacy officer edits. */
export function PolicySection() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const can = useCan();
  const format = useFormat();
  const policy = useQuery(trpc.retention.policy.queryOptions());
  const [editing, setEditing] = useState(false);
  return (
    <section className="card" aria-labelledby="retention-policy">
      <div className="row row--between">
        <h2 id="retention-policy">{t("retention.policy")}</h2>
        {can("retention.update") && policy.data && !editing ? (
          <button type="button" className="button" onClick={() => setEditing(true)}>
            {t("retention.edit")}
          </button>
        ) : null}
      </div>
      {policy.isPending ? (
        <Loading />
      ) : policy.isError ? (
        <ErrorState error={policy.error} onRetry={() => policy.refetch()} />
      ) : (
        <>
          <div className="table-wrap">
            <table className="table policy-table">
              <caption className="visually-hidden">{t("retention.policy")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("retention.category")}</th>
                  <th scope="col">{t("retention.period")}</th>
                  <th scope="col">{t("retention.default")}</th>
                </tr>
              </thead>
              <tbody>
                <tr>
                  <th scope="row">{t("retention.categories.ordinary")}</th>
                  <td>
                    {t("retention.days", { count: policy.data.policy.ordinaryDays })}{" "}
                    <span className="muted">
                      (
                      {policy.data.configured.ordinary
                        ? t("retention.configured")
                        : t("retention.notConfigured")}
                      )
                    </span>
                  </td>
                  <td>{t("retention.days", { count: policy.data.defaults.ordinaryDays })}</td>
                </tr>
                <tr>
                  <th scope="row">{t("retention.categories.training")}</th>
                  <td>
                    {t("retention.days", { count: policy.data.policy.trainingDays })}{" "}
                    <span className="muted">
                      (
                      {policy.data.configured.training
                        ? t("retention.configured")
                        : t("retention.notConfigured")}
                      )
                    </span>
                  </td>
                  <td>{t("retention.days", { count: policy.data.defaults.trainingDays })}</td>
                </tr>
                <tr>
                  <th scope="row">{t("retention.categories.legalHold")}</th>
                  <td>{t("retention.untilReleased")}</td>
                  <td>{t("retention.untilReleased")}</td>
                </tr>
              </tbody>
            </table>
          </div>
          {policy.data.updatedAt ? (
            <p className="muted">
              {t("retention.updatedAt", { when: format.dateTime(policy.data.updatedAt) })}
            </p>
          ) : null}
          {editing ? <PolicyForm initial={policy.data.policy} onDone={() => setEditing(false)} /> : null}
        </>
      )}
    </section>
  );
}

function PolicyForm({ initial, onDone }: { initial: Record<Field, number>; onDone: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const describe = useDescribeRefusal();
  const [values, setValues] = useState({
    ordinaryDays: String(initial.ordinaryDays),
    trainingDays: String(initial.trainingDays),
  });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState<number | null>(null);
  const update = useMutation(
    trpc.retention.updatePolicy.mutationOptions({
      onSuccess: async (result) => {
        setSaved(result.recordingsUpdated);
        await queryClient.invalidateQueries({ queryKey: trpc.retention.pathKey() });
        onDone();
      },
      onError: (error) => {
        const domain = readDomainError(error);
        // The domain names fields under "retention." (e.g. retention.trainingDays).
        const field = domain?.field?.replace(/^retention\./, "");
        if (domain && (field === "ordinaryDays" || field === "trainingDays")) {
          setErrors({ [field]: describe(domain) });
        } else setFormError(domain ? describe(domain) : t("error.saveFailed"));
      },
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setErrors({});
    setFormError(null);
    update.mutate({ ordinaryDays: Number(values.ordinaryDays), trainingDays: Number(values.trainingDays) });
  };
  return (
    <form className="stack section" onSubmit={submit} noValidate>
      <p className="muted">{t("retention.editHint")}</p>
      <FormError message={formError} />
      {saved !== null ? <p role="status">{t("retention.saved", { count: saved })}</p> : null}
      <div className="form-grid">
        {(["ordinaryDays", "trainingDays"] as const).map((field) => (
          <TextField
            key={field}
            label={t(`retention.${field}`)}
            type="number"
            inputMode="numeric"
            min={1}
            error={errors[field]}
            value={values[field]}
            onChange={(event) => setValues({ ...values, [field]: event.target.value })}
          />
        ))}
      </div>
      <div className="row row--end">
        <button type="button" className="button" onClick={onDone}>
          {t("cancel")}
        </button>
        <button type="submit" className="button button--primary" disabled={update.isPending}>
          {t("save")}
        </button>
      </div>
    </form>
  );
}
