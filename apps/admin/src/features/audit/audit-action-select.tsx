import { AUDIT_ACTION_AREAS, AUDIT_ACTIONS, auditActionArea } from "@kuulo/domain/audit";
import { SelectField } from "@kuulo/ui";
import type { ComponentProps } from "react";
import { useTranslation } from "react-i18next";
import { useAuditLanguage } from "./use-audit-sentence.js";

/** Every action the log can hold, by area, in the page's language; an area alone filters by its prefix. */
export function AuditActionSelect(props: Omit<ComponentProps<typeof SelectField>, "label" | "children">) {
  const { t } = useTranslation();
  const { texts } = useAuditLanguage();
  const areas = [...new Set(AUDIT_ACTION_AREAS.map((area) => texts.areas[area]))].sort((a, b) =>
    a.localeCompare(b),
  );
  return (
    <SelectField label={t("audit.action")} {...props}>
      <option value="">{t("audit.anyAction")}</option>
      {areas.map((areaName) => {
        const actions = AUDIT_ACTIONS.filter((action) => texts.areas[auditActionArea(action)] === areaName);
        const prefixes = [...new Set(actions.map(auditActionArea))];
        return (
          <optgroup key={areaName} label={areaName}>
            {prefixes.length === 1 && actions.length > 1 ? (
              <option value={`${prefixes[0]}.`}>{t("audit.allInArea", { area: areaName })}</option>
            ) : null}
            {actions
              .map((action) => ({ action, label: texts.actions[action].label }))
              .sort((a, b) => a.label.localeCompare(b.label))
              .map(({ action, label }) => (
                <option key={action} value={action}>
                  {label}
                </option>
              ))}
          </optgroup>
        );
      })}
    </SelectField>
  );
}
