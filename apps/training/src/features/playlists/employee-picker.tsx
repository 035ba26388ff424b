import { useTRPC } from "@kuulo/ui";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { type KeyboardEvent, useDeferredValue, useId, useState } from "react";
import { useTranslation } from "react-i18next";

export interface PickedEmployee {
  id: string;
  name: string;
  username: string;
}

/**
 * A searchable combobox (WAI-ARIA 1.2 list autocomplete) of the people playlists.assign accepts for this
 * playlist. Arrow keys move, Enter picks, Escape closes; people already assigned or picked are left out.
 */
export function EmployeePicker({
  playlistId,
  excludedIds,
  onPick,
}: {
  playlistId: string;
  excludedIds: ReadonlySet<string>;
  onPick: (person: PickedEmployee) => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const id = useId();
  const [text, setText] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const search = useDeferredValue(text.trim());
  const query = useQuery({
    ...trpc.playlists.assignableUsers.queryOptions({ playlistId, ...(search ? { search } : {}) }),
    enabled: open,
    placeholderData: keepPreviousData,
  });
  const options = (query.data?.items ?? [])
    .filter((person) => !excludedIds.has(person.id))
    .map((person) => ({
      id: person.id,
      name: `${person.firstName} ${person.lastName}`,
      username: person.username,
    }));
  const activeIndex = Math.min(active, Math.max(options.length - 1, 0));
  const listId = `${id}-list`;
  const optionId = (index: number) => `${id}-option-${index}`;
  const expanded = open && options.length > 0;

  const pick = (person: PickedEmployee) => {
    onPick(person);
    setText("");
    setActive(0);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!open) return setOpen(true);
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive(options.length === 0 ? 0 : (activeIndex + step + options.length) % options.length);
    } else if (event.key === "Enter") {
      const person = expanded ? options[activeIndex] : undefined;
      if (!person) return;
      event.preventDefault();
      pick(person);
    } else if (event.key === "Escape" && open) {
      event.preventDefault();
      setOpen(false);
    }
  };

  return (
    <div className="field employee-picker">
      <label htmlFor={`${id}-input`}>{t("assign.people")}</label>
      <input
        id={`${id}-input`}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-describedby={`${id}-hint`}
        aria-activedescendant={expanded ? optionId(activeIndex) : undefined}
        placeholder={t("assign.searchPlaceholder")}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <span id={`${id}-hint`} className="muted">
        {t("assign.searchHint")}
      </span>
      <div
        id={listId}
        role="listbox"
        aria-label={t("assign.people")}
        className="employee-picker__list"
        hidden={!expanded}
      >
        {options.map((person, index) => (
          <div
            key={person.id}
            tabIndex={-1}
            id={optionId(index)}
            role="option"
            aria-selected={index === activeIndex}
            className="employee-picker__option"
            // mousedown, not click: picking must happen before the input's blur closes the list.
            onMouseDown={(event) => {
              event.preventDefault();
              pick(person);
            }}
            onMouseMove={() => setActive(index)}
          >
            {person.name} <span className="muted">({person.username})</span>
          </div>
        ))}
      </div>
      {open && query.isSuccess && options.length === 0 ? (
        <p className="muted" role="status">
          {t("assign.noPeople")}
        </p>
      ) : null}
    </div>
  );
}
