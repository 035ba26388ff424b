import type { RouterOutputs } from "@kuulo/api";
import type { Permission } from "@kuulo/domain/access";
import {
  DateField,
  ErrorState,
  Loading,
  SelectField,
  TextField,
  useCan,
  useFormat,
  useTRPC,
} from "@kuulo/ui";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { PreviewPlayer } from "./preview-player.js";
import { type PickerFilter, type PickerWindow, toFindInput, withinWindow } from "./recording-search.js";
import "./pickers.css";

type FoundRecording = RouterOutputs["recordings"]["find"]["items"][number];

/**
 * Chooses recordings through the trainer's scoped, audited search (recordings.find): staff member by
 * name, call days and duration. Legal holds, erasure and disclosures all pick with this one component;
 * the chosen calls read as staff name, call time and length, never as ids. It offers only the calls the
 * form's own permission reaches (the API's rule for the form) and, given a window, only calls within it.
 */
export function RecordingsPicker({
  selected,
  onChange,
  permission,
  within,
  error,
  legend,
}: {
  selected: string[];
  onChange: (ids: string[]) => void;
  permission: Permission;
  within?: PickerWindow | undefined;
  error?: string | undefined;
  legend?: string | undefined;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const format = useFormat();
  const can = useCan();
  const empty: PickerFilter = { from: "", to: "", staffMemberId: "", minSeconds: "", maxSeconds: "" };
  const [draft, setDraft] = useState(empty);
  const [filter, setFilter] = useState(empty);
  const [known, setKnown] = useState<Record<string, FoundRecording>>({});
  const [listening, setListening] = useState<string | null>(null);
  const staff = useQuery(trpc.recordings.staffMembers.queryOptions({ limit: 200 }));
  const input = withinWindow(toFindInput(filter), within);
  const found = useQuery({
    ...trpc.recordings.find.queryOptions(input ?? toFindInput(empty)),
    enabled: input !== null,
  });
  const offered = (found.data?.items ?? []).filter((recording) =>
    can(permission, { unitId: recording.unit.id, ownerStaffMemberId: recording.staffMember.id }),
  );
  useEffect(() => {
    if (!found.data) return;
    setKnown((current) => ({ ...current, ...Object.fromEntries(found.data.items.map((r) => [r.id, r])) }));
  }, [found.data]);
  const toggle = (id: string, on: boolean) =>
    onChange(on ? [...selected, id] : selected.filter((candidate) => candidate !== id));
  const describe = (recording: FoundRecording) => ({
    who: `${recording.staffMember.firstName} ${recording.staffMember.lastName}`,
    when: format.dateTime(recording.callStartedAt),
    length: format.duration(recording.durationMs),
  });
  const title = legend ?? t("recordingPicker.legend");
  return (
    <fieldset className="fieldset" aria-describedby={error ? "picker-error" : undefined}>
      <legend>{title}</legend>
      <div className="filters">
        <SelectField
          label={t("recordingPicker.staff")}
          value={draft.staffMemberId}
          onChange={(event) => setDraft({ ...draft, staffMemberId: event.target.value })}
        >
          <option value="">{t("recordingPicker.anyStaff")}</option>
          {(staff.data?.items ?? []).map((member) => (
            <option key={member.id} value={member.id}>
              {member.firstName} {member.lastName}
            </option>
          ))}
        </SelectField>
        <DateField
          label={t("recordingPicker.from")}
          value={draft.from}
          onChange={(from) => setDraft({ ...draft, from })}
        />
        <DateField
          label={t("recordingPicker.to")}
          value={draft.to}
          onChange={(to) => setDraft({ ...draft, to })}
        />
        <TextField
          label={t("recordingPicker.minSeconds")}
          type="number"
          min={0}
          inputMode="numeric"
          value={draft.minSeconds}
          onChange={(event) => setDraft({ ...draft, minSeconds: event.target.value })}
        />
        <TextField
          label={t("recordingPicker.maxSeconds")}
          type="number"
          min={0}
          inputMode="numeric"
          value={draft.maxSeconds}
          onChange={(event) => setDraft({ ...draft, maxSeconds: event.target.value })}
        />
        <button type="button" className="button" onClick={() => setFilter(draft)}>
          {t("recordingPicker.searchButton")}
        </button>
      </div>
      <div className="picked" aria-live="polite">
        <p className="muted">{t("recordingPicker.selected", { count: selected.length })}</p>
        {selected.length > 0 ? (
          <ul className="picked__list" aria-label={t("recordingPicker.selectedList")}>
            {selected.map((id) => {
              const recording = known[id];
              const text = recording
                ? t("recordingPicker.summary", describe(recording))
                : t("recordingPicker.earlierChoice");
              return (
                <li key={id} className="picked__item">
                  <span>{text}</span>
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={t("recordingPicker.remove", { what: text })}
                    onClick={() => toggle(id, false)}
                  >
                    {t("recordingPicker.removeShort")}
                  </button>
                </li>
              );
            })}
          </ul>
        ) : null}
      </div>
      {error ? (
        <p id="picker-error" className="field__error">
          {error}
        </p>
      ) : null}
      {input !== null && found.isPending ? (
        <Loading />
      ) : found.isError ? (
        <ErrorState error={found.error} onRetry={() => found.refetch()} />
      ) : offered.length === 0 ? (
        <p className="muted">{t("recordingPicker.none")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table picker-table">
            <caption className="visually-hidden">{t("recordingPicker.results")}</caption>
            <thead>
              <tr>
                <th scope="col">
                  <span className="visually-hidden">{t("recordingPicker.choose")}</span>
                </th>
                <th scope="col">{t("recordingPicker.call")}</th>
                <th scope="col">{t("recordingPicker.staffColumn")}</th>
                <th scope="col">{t("recordingPicker.unit")}</th>
                <th scope="col">{t("recordingPicker.duration")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("recordingPicker.preview")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {offered.map((recording) => {
                const { who, when, length } = describe(recording);
                // The API's R10 answers the stream; the button shows only where the same rule allows it.
                const mayListen = can("recording.listen", {
                  unitId: recording.unit.id,
                  ownerStaffMemberId: recording.staffMember.id,
                });
                return (
                  <tr key={recording.id}>
                    <td>
                      <input
                        type="checkbox"
                        aria-label={t("recordingPicker.select", { when, who })}
                        checked={selected.includes(recording.id)}
                        onChange={(event) => toggle(recording.id, event.target.checked)}
                      />
                    </td>
                    <td>
                      {when}
                      {recording.legalHold ? (
                        <>
                          {" "}
                          <span className="badge badge--warning">{t("recordingPicker.held")}</span>
                        </>
                      ) : null}
                    </td>
                    <td>{who}</td>
                    <td>{format.unit(recording.unit)}</td>
                    <td>{length}</td>
                    <td>
                      {mayListen ? (
                        listening === recording.id ? (
                          <PreviewPlayer
                            recordingId={recording.id}
                            label={t("recordingPicker.player", { when, who })}
                            onClose={() => setListening(null)}
                          />
                        ) : (
                          <button
                            type="button"
                            className="button button--small"
                            aria-label={t("recordingPicker.listenTo", { when, who })}
                            onClick={() => setListening(recording.id)}
                          >
                            {t("recordingPicker.listen")}
                          </button>
                        )
                      ) : null}
                    </td>
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
