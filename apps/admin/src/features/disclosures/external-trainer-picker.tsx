import type { RouterOutputs } from "@kuulo/api";
import { TextField, useTRPC } from "@kuulo/ui";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useDebounced } from "../../lib/use-debounced.js";

export type ExternalTrainer = RouterOutputs["disclosures"]["findExternalTrainers"][number];

/**
 * A returning external trainer is picked by name, so they keep one account (R11) and the API brings it
 * and its organisation up to date; "new trainer" goes back to the empty fields.
 */
export function ExternalTrainerPicker({
  picked,
  onPick,
}: {
  picked: ExternalTrainer | null;
  onPick: (trainer: ExternalTrainer | null) => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [query, setQuery] = useState("");
  const debounced = useDebounced(query.trim(), 250);
  const found = useQuery({
    ...trpc.disclosures.findExternalTrainers.queryOptions({ query: debounced }),
    enabled: picked === null && debounced.length >= 2,
  });
  if (picked) {
    return (
      <div className="alert alert--info row row--between" data-testid="picked-trainer">
        <span>
          {t("disclosures.trainerPicker.picked", {
            name: `${picked.firstName} ${picked.lastName}`,
            organisation: picked.organisationName,
          })}
        </span>
        <button type="button" className="button" onClick={() => onPick(null)}>
          {t("disclosures.trainerPicker.newTrainer")}
        </button>
      </div>
    );
  }
  return (
    <div className="stack">
      <TextField
        label={t("disclosures.trainerPicker.search")}
        hint={t("disclosures.trainerPicker.hint")}
        value={query}
        autoComplete="off"
        onChange={(event) => setQuery(event.target.value)}
      />
      {found.data && found.data.length > 0 ? (
        <ul className="stack" aria-label={t("disclosures.trainerPicker.results")}>
          {found.data.map((trainer) => (
            <li key={trainer.id} className="row row--between">
              <span>
                {trainer.firstName} {trainer.lastName} · {trainer.organisationName}
                {trainer.email ? <span className="muted"> · {trainer.email}</span> : null}
              </span>
              <button type="button" className="button" onClick={() => onPick(trainer)}>
                {t("disclosures.trainerPicker.use")}
              </button>
            </li>
          ))}
        </ul>
      ) : found.data && debounced.length >= 2 ? (
        <p className="muted">{t("disclosures.trainerPicker.none")}</p>
      ) : null}
    </div>
  );
}
