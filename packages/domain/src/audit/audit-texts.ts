import type { Role } from "../access/roles.js";
import type { AuditAction, AuditActionArea } from "./audit-actions.js";

/**
 * A sentence template per action. Placeholders: {{actor}}, {{target}}, {{role}}, {{unitIn}} ("in Helsinki,
 * customer service (HKI-ASPA)" / "in all units"), {{playlist}}, {{recording}}, {{count}}, {{switched}} (a setting
 * turned on or off, from `details.enabled`) and {{days}} (`details.retentionDays`). `notDone` is the
 * sentence when the outcome was a failure or refusal; without it the generic `notDone` wrapper applies.
 */
export interface AuditActionText {
  label: string;
  sentence: string;
  notDone?: string;
}

export interface AuditTexts {
  actions: Record<AuditAction, AuditActionText>;
  areas: Record<AuditActionArea, string>;
  /** Wraps a sentence whose action did not happen: "{{sentence}} (refused)". */
  notDone: string;
  /** An action no longer in the registry (an old row): still readable, never a bare code. */
  unknownAction: string;
  actors: { system: string; machine: string; anonymous: string; anonymousAs: string; unknown: string };
  /** "{{name}}'s call of {{time}}" */
  recording: string;
  unitIn: string;
  allUnits: string;
  roles: Record<Role, string>;
  /** Targets without a name of their own (a search, the register settings…), by target type. */
  targetTypes: Record<string, string>;
  /** What a removed target reads as, by target type ("other" for the rest). */
  removed: Record<string, string> & { other: string };
  someRole: string;
  /** {{switched}}: the verb phrase for a setting turned on or off. */
  switched: { on: string; off: string };
  outcomes: Record<"success" | "failure" | "denied", string>;
  /** Column headings of the CSV export, in the reader's language. */
  csv: Record<(typeof AUDIT_CSV_COLUMNS)[number], string>;
}

export const AUDIT_CSV_COLUMNS = [
  "seq",
  "occurredAt",
  "time",
  "actor",
  "event",
  "actionLabel",
  "target",
  "outcome",
  "actorType",
  "actorId",
  "actorLabel",
  "action",
  "targetType",
  "targetId",
  "ip",
  "details",
  "prevHash",
  "hash",
] as const;
