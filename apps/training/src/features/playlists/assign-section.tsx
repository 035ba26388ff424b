import {
  calendarDayPattern,
  FormError,
  formatCalendarDay,
  parseCalendarDay,
  TextField,
  useFormat,
  useTRPC,
} from "@kuulo/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { describeRefusal } from "../../lib/personal-data-message.js";
import type { PlaylistDetail } from "./editor-values.js";
import { EmployeePicker, type PickedEmployee } from "./employee-picker.js";
import { useTrainerUnits } from "./use-trainer-units.js";

/** Who must take the playlist: whole units of the trainer, and named people already assigned. */
export function AssignSection({ playlist }: { playlist: PlaylistDetail }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const format = useFormat();
  const queryClient = useQueryClient();
  const units = useTrainerUnits();
  const assignedUnits = new Set(
    playlist.assignments.flatMap((assignment) => (assignment.unitId ? [assignment.unitId] : [])),
  );
  const available = units.filter((unit) => !assignedUnits.has(unit.id));
  const [chosen, setChosen] = useState<string[]>([]);
  const [people, setPeople] = useState<PickedEmployee[]>([]);
  const [dueText, setDueText] = useState("");
  const [dueError, setDueError] = useState<string | undefined>(undefined);
  const pattern = calendarDayPattern(i18n.language);
  const excludedPeople = new Set([
    ...playlist.assignments.flatMap((assignment) => (assignment.userId ? [assignment.userId] : [])),
    ...people.map((person) => person.id),
  ]);
  const onSuccess = async (next: PlaylistDetail) => {
    queryClient.setQueryData(trpc.playlists.get.queryKey({ playlistId: playlist.id }), next);
    await queryClient.invalidateQueries({ queryKey: trpc.playlists.find.queryKey() });
    setChosen([]);
    setPeople([]);
    setDueText("");
  };
  const assign = useMutation(trpc.playlists.assign.mutationOptions({ onSuccess }));
  const unassign = useMutation(trpc.playlists.unassign.mutationOptions({ onSuccess }));
  const error = assign.error ?? unassign.error;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (chosen.length === 0 && people.length === 0) return;
    const dueOn = dueText.trim() === "" ? undefined : parseCalendarDay(dueText, i18n.language);
    if (dueOn === null) {
      const example = formatCalendarDay(new Date().toISOString().slice(0, 10), i18n.language);
      setDueError(t("due.invalid", { pattern, example }));
      return;
    }
    if (dueOn !== undefined && dueOn < new Date().toISOString().slice(0, 10)) {
      setDueError(t("due.past"));
      return;
    }
    setDueError(undefined);
    assign.mutate({
      playlistId: playlist.id,
      unitIds: chosen,
      userIds: people.map((person) => person.id),
      ...(dueOn ? { dueOn } : {}),
    });
  };
  return (
    <section className="card stack" aria-labelledby="assign-title">
      <h2 id="assign-title" className="card__title">
        {t("assign.title")}
      </h2>
      {playlist.status !== "published" ? <p className="alert alert--info">{t("assign.draftNote")}</p> : null}
      <FormError
        message={error ? describeRefusal(error, i18n.language, t("error.saveFailed")).message : null}
      />
      {playlist.assignments.length === 0 ? (
        <p className="muted">{t("assign.none")}</p>
      ) : (
        <ul className="assignment-list" data-testid="assignments">
          {playlist.assignments.map((assignment) => (
            <li key={assignment.id} className="row row--between">
              <span>
                {assignment.kind === "unit"
                  ? t("assign.unitLabel", { name: assignment.unitName ?? "–" })
                  : t("assign.userLabel", {
                      name: assignment.userName ?? "–",
                      username: assignment.username ?? "",
                    })}
                <span className="muted"> · {format.date(assignment.assignedAt)}</span>
                {assignment.dueOn ? (
                  <span className="muted">
                    {" "}
                    · {t("due.assigned", { date: format.date(assignment.dueOn) })}
                  </span>
                ) : null}
              </span>
              <button
                type="button"
                className="button button--small"
                aria-label={t("assign.unassign", {
                  name:
                    assignment.kind === "unit" ? (assignment.unitName ?? "–") : (assignment.userName ?? "–"),
                })}
                disabled={unassign.isPending}
                onClick={() =>
                  unassign.mutate({
                    playlistId: playlist.id,
                    unitIds: assignment.unitId ? [assignment.unitId] : [],
                    userIds: assignment.userId ? [assignment.userId] : [],
                  })
                }
              >
                {t("assign.remove")}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="stack" onSubmit={submit}>
        {available.length > 0 ? (
          <fieldset className="fieldset">
            <legend>{t("assign.units")}</legend>
            {available.map((unit) => (
              <label key={unit.id} className="checkbox">
                <input
                  type="checkbox"
                  checked={chosen.includes(unit.id)}
                  onChange={(event) =>
                    setChosen(
                      event.target.checked ? [...chosen, unit.id] : chosen.filter((id) => id !== unit.id),
                    )
                  }
                />
                {unit.label}
              </label>
            ))}
          </fieldset>
        ) : null}
        <EmployeePicker
          playlistId={playlist.id}
          excludedIds={excludedPeople}
          onPick={(person) => setPeople([...people, person])}
        />
        {people.length > 0 ? (
          <ul className="assignment-list" aria-label={t("assign.chosenPeople")} data-testid="chosen-people">
            {people.map((person) => (
              <li key={person.id} className="row row--between">
                <span>{t("assign.userLabel", { name: person.name, username: person.username })}</span>
                <button
                  type="button"
                  className="button button--small"
                  aria-label={t("assign.unchoose", { name: person.name })}
                  onClick={() => setPeople(people.filter((other) => other.id !== person.id))}
                >
                  {t("assign.remove")}
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        <TextField
          label={t("due.label")}
          hint={t("due.hint", { pattern })}
          error={dueError}
          name="dueOn"
          inputMode="numeric"
          autoComplete="off"
          value={dueText}
          onChange={(event) => setDueText(event.target.value)}
        />
        <button
          type="submit"
          className="button button--primary"
          disabled={(chosen.length === 0 && people.length === 0) || assign.isPending}
        >
          {t("assign.assign")}
        </button>
      </form>
    </section>
  );
}
