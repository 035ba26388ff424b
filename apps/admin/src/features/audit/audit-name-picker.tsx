import type { AuditNamedTargetType } from "@kuulo/domain/audit";
import { NameCombobox, useNameSearch, useTRPC } from "@kuulo/ui";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useAuditLanguage } from "./use-audit-sentence.js";

/**
 * A person or target picked by name for the audit filters. The chosen id goes to the URL; the name
 * is shown, with a button that clears the choice.
 */
export function AuditNamePicker({
  type,
  value,
  onChange,
  label,
  hint,
}: {
  type: AuditNamedTargetType;
  value: string | undefined;
  onChange: (id: string | undefined) => void;
  label: string;
  hint: string;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const language = useAuditLanguage();
  const search = useNameSearch();
  const chosen = useQuery({
    ...trpc.audit.names.queryOptions({ type, id: value ?? "" }),
    enabled: value !== undefined,
  });
  const found = useQuery({
    ...trpc.audit.names.queryOptions({ type, search: search.term }),
    enabled: value === undefined && search.term !== "",
    placeholderData: keepPreviousData,
  });
  const nameOf = (option: NonNullable<typeof found.data>[number]) => language.describe(option.ref, type);

  if (value !== undefined) {
    const chosenOption = chosen.data?.[0];
    const name = chosenOption
      ? nameOf(chosenOption)
      : chosen.isPending
        ? "…"
        : language.describe({ kind: "removed" }, type);
    return (
      <div className="field name-picker">
        <span className="field__label">{label}</span>
        <span className="name-picker__chosen">
          <span data-testid="name-picker-chosen">{name}</span>
          <button
            type="button"
            className="button button--small"
            aria-label={t("audit.clearChoice", { name })}
            onClick={() => onChange(undefined)}
          >
            ×
          </button>
        </span>
      </div>
    );
  }

  return (
    <NameCombobox
      label={label}
      hint={hint}
      search={search}
      options={(found.data ?? []).map((option) => ({
        id: option.id,
        name: nameOf(option),
        ...(option.ref.kind === "person" ? { detail: option.ref.username } : {}),
      }))}
      query={found}
      noMatches={t("audit.noMatches")}
      onPick={(option) => onChange(option.id)}
    />
  );
}
