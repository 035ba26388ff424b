import type { RouterOutputs } from "@kuulo/api";
import { NameCombobox, useNameSearch, useTRPC } from "@kuulo/ui";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";

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
  const search = useNameSearch();
  const found = useQuery({
    ...trpc.disclosures.findExternalTrainers.queryOptions({ query: search.term }),
    enabled: picked === null && search.term !== "",
    placeholderData: keepPreviousData,
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
    <NameCombobox
      label={t("disclosures.trainerPicker.search")}
      hint={t("disclosures.trainerPicker.hint")}
      search={search}
      options={(found.data ?? []).map((trainer) => ({
        id: trainer.id,
        name: `${trainer.firstName} ${trainer.lastName}`,
        detail: [trainer.organisationName, trainer.email].filter(Boolean).join(", "),
      }))}
      query={found}
      noMatches={t("disclosures.trainerPicker.none")}
      onPick={(option) => onPick(found.data?.find((trainer) => trainer.id === option.id) ?? null)}
    />
  );
}
