import { TextField, useTRPC } from "@kuulo/ui";
import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { RecordingSearch } from "./recording-search.js";

const wholeSeconds = (text: string) => {
  const value = Number(text);
  return text.trim() === "" || !Number.isFinite(value) ? undefined : Math.max(0, Math.round(value));
};

/** The filter form; its values start from the current search (the address, on the recordings page). */
export function RecordingFilters({
  value,
  onApply,
}: {
  value: RecordingSearch;
  onApply: (filters: Omit<RecordingSearch, "sort">) => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const staff = useQuery(trpc.recordings.staffMembers.queryOptions({ limit: 200 }));
  const [staffMemberId, setStaffMemberId] = useState(value.staff ?? "");
  const [from, setFrom] = useState(value.from ?? "");
  const [to, setTo] = useState(value.to ?? "");
  const [minSeconds, setMinSeconds] = useState(value.min?.toString() ?? "");
  const [maxSeconds, setMaxSeconds] = useState(value.max?.toString() ?? "");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const filters: Omit<RecordingSearch, "sort"> = {};
    if (staffMemberId) filters.staff = staffMemberId;
    if (from) filters.from = from;
    if (to) filters.to = to;
    const min = wholeSeconds(minSeconds);
    const max = wholeSeconds(maxSeconds);
    if (min !== undefined) filters.min = min;
    if (max !== undefined) filters.max = max;
    onApply(filters);
  };
  const clear = () => {
    setStaffMemberId("");
    setFrom("");
    setTo("");
    setMinSeconds("");
    setMaxSeconds("");
    onApply({});
  };
  return (
    <form className="filters" onSubmit={submit} aria-label={t("recordings.filtersLabel")}>
      <div className="field">
        <label htmlFor="filter-staff">{t("recordings.staffMember")}</label>
        <select
          id="filter-staff"
          value={staffMemberId}
          onChange={(event) => setStaffMemberId(event.target.value)}
        >
          <option value="">{t("filters.all")}</option>
          {(staff.data?.items ?? []).map((member) => (
            <option key={member.id} value={member.id}>
              {member.firstName} {member.lastName} ({member.username})
            </option>
          ))}
        </select>
      </div>
      <TextField
        label={t("recordings.from")}
        type="date"
        value={from}
        onChange={(event) => setFrom(event.target.value)}
      />
      <TextField
        label={t("recordings.to")}
        type="date"
        value={to}
        onChange={(event) => setTo(event.target.value)}
      />
      <TextField
        label={t("recordings.minSeconds")}
        type="number"
        min={0}
        inputMode="numeric"
        value={minSeconds}
        onChange={(event) => setMinSeconds(event.target.value)}
      />
      <TextField
        label={t("recordings.maxSeconds")}
        type="number"
        min={0}
        inputMode="numeric"
        value={maxSeconds}
        onChange={(event) => setMaxSeconds(event.target.value)}
      />
      <div className="row">
        <button type="submit" className="button button--primary">
          {t("filters.apply")}
        </button>
        <button type="button" className="button" onClick={clear}>
          {t("filters.clear")}
        </button>
      </div>
    </form>
  );
}
