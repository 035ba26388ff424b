import { ErrorState, FormError, Loading, readDomainError, TextField, useTRPC } from "@kuulo/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useDescribeRefusal } from "../disclosures/describe-refusal.js";

interface Rule {
  unitId: string;
  unitName: string;
  perEmployeePerMonth: number | null;
}

/**
 * Sampling rules per unit ("evaluate N calls per employee per month"): the reviewers' queue draws that
 * many unreviewed calls at random. Units are found by name; only units in the holder's scope are listed.
 */
export function SamplingSection() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const settings = useQuery(trpc.qualitySettings.get.queryOptions());
  const rules = useQuery({
    ...trpc.quality.sampling.rules.queryOptions(),
    enabled: settings.data?.enabled === true,
  });
  const [search, setSearch] = useState("");
  if (settings.data && !settings.data.enabled) {
    return (
      <section className="card" aria-labelledby="quality-sampling">
        <h2 id="quality-sampling">{t("qualitySampling.heading")}</h2>
        <p className="muted">{t("qualitySampling.whenOn")}</p>
      </section>
    );
  }
  const needle = search.trim().toLocaleLowerCase();
  const shown = rules.data?.filter((rule) => rule.unitName.toLocaleLowerCase().includes(needle)) ?? [];
  return (
    <section className="card stack" aria-labelledby="quality-sampling">
      <h2 id="quality-sampling">{t("qualitySampling.heading")}</h2>
      <p>{t("qualitySampling.explained")}</p>
      <TextField
        type="search"
        label={t("qualitySampling.findUnit")}
        value={search}
        onChange={(event) => setSearch(event.target.value)}
      />
      {rules.isPending ? (
        <Loading />
      ) : rules.isError ? (
        <ErrorState error={rules.error} onRetry={() => rules.refetch()} />
      ) : shown.length === 0 ? (
        <p className="muted">{t("qualitySampling.noUnits")}</p>
      ) : (
        <ul className="stack sampling-rules" aria-label={t("qualitySampling.heading")}>
          {shown.map((rule) => (
            <li key={rule.unitId}>
              <RuleEditor rule={rule} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function RuleEditor({ rule }: { rule: Rule }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const describe = useDescribeRefusal();
  const [value, setValue] = useState(
    rule.perEmployeePerMonth === null ? "" : String(rule.perEmployeePerMonth),
  );
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const setRule = useMutation(
    trpc.quality.sampling.setRule.mutationOptions({
      onSuccess: async (result) => {
        setError(null);
        setValue(result.perEmployeePerMonth === null ? "" : String(result.perEmployeePerMonth));
        setSaved(
          result.perEmployeePerMonth === null
            ? t("qualitySampling.removed", { unit: rule.unitName })
            : t("qualitySampling.savedRule", { unit: rule.unitName, count: result.perEmployeePerMonth }),
        );
        await queryClient.invalidateQueries({ queryKey: trpc.quality.sampling.pathKey() });
      },
      onError: (failure) => {
        const domain = readDomainError(failure);
        setSaved(null);
        setError(domain?.reason ? describe(domain) : t("quality.saveFailed"));
      },
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setRule.mutate({ unitId: rule.unitId, perEmployeePerMonth: Number.parseInt(value, 10) });
  };
  return (
    <form className="card stack" onSubmit={submit} aria-label={rule.unitName}>
      <h3>{rule.unitName}</h3>
      <p className="muted">
        {rule.perEmployeePerMonth === null
          ? t("qualitySampling.noRule")
          : t("qualitySampling.currentRule", { count: rule.perEmployeePerMonth })}
      </p>
      <TextField
        label={t("qualitySampling.perEmployee", { unit: rule.unitName })}
        hint={t("qualitySampling.perEmployeeHint")}
        type="number"
        min={1}
        max={50}
        required
        value={value}
        onChange={(event) => setValue(event.target.value)}
      />
      <FormError message={error} />
      <p role="status" className="muted">
        {saved ?? ""}
      </p>
      <div className="row">
        <button type="submit" className="button button--primary" disabled={setRule.isPending}>
          {t("qualitySampling.save", { unit: rule.unitName })}
        </button>
        {rule.perEmployeePerMonth !== null ? (
          <button
            type="button"
            className="button"
            disabled={setRule.isPending}
            onClick={() => setRule.mutate({ unitId: rule.unitId, perEmployeePerMonth: null })}
          >
            {t("qualitySampling.remove", { unit: rule.unitName })}
          </button>
        ) : null}
      </div>
    </form>
  );
}
