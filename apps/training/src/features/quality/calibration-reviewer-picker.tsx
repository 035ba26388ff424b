import { ErrorState, Loading, useTRPC } from "@kuulo/ui";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useDeferredValue, useState } from "react";
import { useTranslation } from "react-i18next";

export interface ChosenReviewer {
  userId: string;
  name: string;
}

/** Reviewers picked by name: only people who may evaluate in the call's unit are offered. */
export function CalibrationReviewerPicker({
  recordingId,
  chosen,
  onChange,
}: {
  recordingId: string;
  chosen: ChosenReviewer[];
  onChange: (next: ChosenReviewer[]) => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [search, setSearch] = useState("");
  const deferred = useDeferredValue(search.trim());
  const candidates = useQuery({
    ...trpc.quality.calibrations.reviewers.queryOptions({
      recordingId,
      ...(deferred ? { search: deferred } : {}),
      limit: 20,
    }),
    placeholderData: keepPreviousData,
  });
  const offered = (candidates.data ?? []).filter((c) => !chosen.some((p) => p.userId === c.userId));
  return (
    <div className="stack">
      <div className="field">
        <label htmlFor="calibration-reviewer-search">{t("calibration.searchReviewers")}</label>
        <input
          id="calibration-reviewer-search"
          type="search"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
        />
      </div>
      {candidates.isPending ? (
        <Loading />
      ) : candidates.isError ? (
        <ErrorState error={candidates.error} onRetry={() => candidates.refetch()} />
      ) : offered.length === 0 ? (
        <p className="muted">{t("calibration.noReviewers")}</p>
      ) : (
        <ul className="name-list" aria-label={t("calibration.candidates")}>
          {offered.map((candidate) => (
            <li key={candidate.userId} className="row">
              <span>{candidate.name}</span>
              <button
                type="button"
                className="button button--small"
                onClick={() => onChange([...chosen, candidate])}
              >
                {t("calibration.add", { name: candidate.name })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <h3 id="calibration-chosen">{t("calibration.chosenReviewers")}</h3>
      {chosen.length === 0 ? (
        <p className="muted">{t("calibration.noneChosen")}</p>
      ) : (
        <ul className="name-list" aria-labelledby="calibration-chosen">
          {chosen.map((reviewer) => (
            <li key={reviewer.userId} className="row">
              <span>{reviewer.name}</span>
              <button
                type="button"
                className="button button--small"
                onClick={() => onChange(chosen.filter((p) => p.userId !== reviewer.userId))}
              >
                {t("calibration.remove", { name: reviewer.name })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
