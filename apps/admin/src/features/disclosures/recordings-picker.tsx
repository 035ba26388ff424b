import { ErrorState, Loading, SelectField, TextField, useFormat, useTRPC } from "@kuulo/ui";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";

const toIso = (local: string) => (local ? new Date(local).toISOString() : undefined);

/**
 * Chooses recordings through the same scoped search the API audits (recordings.find): time window and
 * staff member, the only ways a call can be found (no customer data is stored, R4).
 */
export function RecordingsPicker({
  selected,
  onChange,
  error,
}: {
  selected: string[];
  onChange: (ids: string[]) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const format = useFormat();
  const [draft, setDraft] = useState({ from: "", to: "", staffMemberId: "" });
  const [filter, setFilter] = useState(draft);
  const staff = useQuery(trpc.recordings.staffMembers.queryOptions({ limit: 200 }));
  const from = toIso(filter.from);
  const to = toIso(filter.to);
  const found = useQuery(
    trpc.recordings.find.queryOptions({
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
      ...(filter.staffMemberId ? { staffMemberId: filter.staffMemberId } : {}),
      order: "desc",
      limit: 50,
    }),
  );
  const toggle = (id: string, on: boolean) =>
    onChange(on ? [...selected, id] : selected.filter((candidate) => candidate !== id));
  return (
    <fieldset className="fieldset" aria-describedby={error ? "picker-error" : undefined}>
      <legend>{t("disclosures.picker.legend")}</legend>
      <div className="filters">
        <TextField
          label={t("disclosures.picker.from")}
          type="datetime-local"
          value={draft.from}
          onChange={(event) => setDraft({ ...draft, from: event.target.value })}
        />
        <TextField
          label={t("disclosures.picker.to")}
          type="datetime-local"
          value={draft.to}
          onChange={(event) => setDraft({ ...draft, to: event.target.value })}
        />
        <SelectField
          label={t("disclosures.picker.staff")}
          value={draft.staffMemberId}
          onChange={(event) => setDraft({ ...draft, staffMemberId: event.target.value })}
        >
          <option value="">{t("disclosures.picker.anyStaff")}</option>
          {(staff.data?.items ?? []).map((member) => (
            <option key={member.id} value={member.id}>
              {member.lastName} {member.firstName} ({member.username})
            </option>
          ))}
        </SelectField>
        <button type="button" className="button" onClick={() => setFilter(draft)}>
          {t("disclosures.picker.searchButton")}
        </button>
      </div>
      <p role="status" className="muted">
        {t("disclosures.picker.selected", { count: selected.length })}
      </p>
      {error ? (
        <p id="picker-error" className="field__error">
          {error}
        </p>
      ) : null}
      {found.isPending ? (
        <Loading />
      ) : found.isError ? (
        <ErrorState error={found.error} onRetry={() => found.refetch()} />
      ) : found.data.items.length === 0 ? (
        <p className="muted">{t("disclosures.picker.none")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table picker-table">
            <caption className="visually-hidden">{t("disclosures.picker.search")}</caption>
            <thead>
              <tr>
                <th scope="col">
                  <span className="visually-hidden">{t("disclosures.picker.legend")}</span>
                </th>
                <th scope="col">{t("disclosures.picker.call")}</th>
                <th scope="col">{t("disclosures.picker.staffColumn")}</th>
                <th scope="col">{t("disclosures.picker.unit")}</th>
                <th scope="col">{t("disclosures.picker.duration")}</th>
              </tr>
            </thead>
            <tbody>
              {found.data.items.map((recording) => {
                const who = `${recording.staffMember.firstName} ${recording.staffMember.lastName}`;
                const when = format.dateTime(recording.callStartedAt);
                return (
                  <tr key={recording.id}>
                    <td>
                      <input
                        type="checkbox"
                        aria-label={t("disclosures.picker.select", { when, who })}
                        checked={selected.includes(recording.id)}
                        onChange={(event) => toggle(recording.id, event.target.checked)}
                      />
                    </td>
                    <td>
                      {when}
                      {recording.legalHold ? (
                        <>
                          {" "}
                          <span className="badge badge--warning">{t("disclosures.picker.held")}</span>
                        </>
                      ) : null}
                    </td>
                    <td>{who}</td>
                    <td>{format.unit(recording.unit)}</td>
                    <td>{format.duration(recording.durationMs)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </fieldset>
  );
}
