import { TextField, useTRPC } from "@kuulo/ui";
import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";

export interface RecordingFilterValues {
  staffMemberId?: string;
  from?: string;
  to?: string;
  durationMinMs?: number;
  durationMaxMs?: number;
}

/** A local date (yyyy-mm-dd) as the start of that day in the browser's time zone, ISO with offset. */
const dayStart = (day: string) => (day ? new Date(`${day}T00:00:00`).toISOString() : undefined);
const dayAfter = (day: string) => {
  if (!day) return undefined;
  const date = new Date(`${day}T00:00:00`);
  date.setDate(date.getDate() + 1);
  return date.toISOString();
};
const seconds = (text: string) =>
  text.trim() === "" ? undefined : Math.max(0, Math.round(Number(text) * 1000));

export function RecordingFilters({ onApply }: { onApply: (filters: RecordingFilterValues) => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const staff = useQuery(trpc.recordings.staffMembers.queryOptions({ limit: 200 }));
  const [staffMemberId, setStaffMemberId] = useState("");
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [minSeconds, setMinSeconds] = useState("");
  const [maxSeconds, setMaxSeconds] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const filters: RecordingFilterValues = {};
    if (staffMemberId) filters.staffMemberId = staffMemberId;
    const fromIso = dayStart(from);
    const toIso = dayAfter(to);
    if (fromIso) filters.from = fromIso;
    if (toIso) filters.to = toIso;
    const min = seconds(minSeconds);
    const max = seconds(maxSeconds);
    if (min !== undefined && !Number.isNaN(min)) filters.durationMinMs = min;
    if (max !== undefined && !Number.isNaN(max)) filters.durationMaxMs = max;
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
