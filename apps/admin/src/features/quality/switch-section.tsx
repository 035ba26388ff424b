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
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useDescribeRefusal } from "../disclosures/describe-refusal.js";

/** The switch, beside what turning it on means under Finnish law (the cooperation procedure). */
export function SwitchSection() {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const can = useCan();
  const format = useFormat();
  const queryClient = useQueryClient();
  const describe = useDescribeRefusal();
  const settings = useQuery(trpc.qualitySettings.get.queryOptions());
  const [days, setDays] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const update = useMutation(
    trpc.qualitySettings.update.mutationOptions({
      onSuccess: async () => {
        setError(null);
        await queryClient.invalidateQueries();
      },
      onError: (failure) => {
        const domain = readDomainError(failure);
        setError(domain ? describe(domain) : t("quality.saveFailed"));
      },
    }),
  );
  if (settings.isPending) return <Loading />;
  if (settings.isError) return <ErrorState error={settings.error} onRetry={() => settings.refetch()} />;
  const locale = i18n.language === "fi" ? "fi" : "en";
  const enabled = settings.data.enabled;
  const retentionDays = days ?? String(settings.data.retentionDays);
  const save = (next: boolean) =>
    update.mutate({ enabled: next, retentionDays: Number.parseInt(retentionDays, 10) || 0 });
  return (
    <section className="card" aria-labelledby="quality-switch">
      <h2 id="quality-switch">{t("quality.switchHeading")}</h2>
      <p>
        <strong>{enabled ? t("quality.isOn") : t("quality.isOff")}</strong>
      </p>
      {!enabled ? <p>{t("quality.offExplained")}</p> : null}
      <h3>{t("quality.cooperationHeading")}</h3>
      {settings.data.cooperationProcedure[locale].map((paragraph) => (
        <p key={paragraph}>{paragraph}</p>
      ))}
      {settings.data.updatedAt ? (
        <p className="muted">
          {t("quality.updatedAt", { when: format.dateTime(settings.data.updatedAt) })}{" "}
          {can("audit.read") ? (
            <Link to="/audit" search={{ action: "quality.settings_update" }}>
              {t("qualityForms.switchHistory")}
            </Link>
          ) : null}
        </p>
      ) : null}
      {can("quality.configure") ? (
        <div className="stack">
          <TextField
            label={t("quality.retentionDays")}
            hint={t("quality.retentionHint")}
            inputMode="numeric"
            value={retentionDays}
            onChange={(event) => setDays(event.target.value)}
          />
          <FormError message={error} />
          <div className="row">
            <button
              type="button"
              className={enabled ? "button" : "button button--primary"}
              disabled={update.isPending}
              onClick={() => save(!enabled)}
            >
              {enabled ? t("quality.turnOff") : t("quality.turnOn")}
            </button>
            {enabled ? (
              <button type="button" className="button" disabled={update.isPending} onClick={() => save(true)}>
                {t("quality.saveRetention")}
              </button>
            ) : null}
          </div>
        </div>
      ) : (
        <p className="muted">{t("quality.onlyAdministrators")}</p>
      )}
    </section>
  );
}
