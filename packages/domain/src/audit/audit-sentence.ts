import { ROLES, type Role } from "../access/roles.js";
import { type AuditRef, type AuditRefs, isAuditAction } from "./audit-actions.js";
import { AUDIT_TEXTS_EN } from "./audit-texts.en.js";
import { AUDIT_TEXTS_FI } from "./audit-texts.fi.js";
import type { AuditTexts } from "./audit-texts.js";

export type AuditLocale = "fi" | "en";
export const auditTexts = (locale: AuditLocale): AuditTexts =>
  locale === "fi" ? AUDIT_TEXTS_FI : AUDIT_TEXTS_EN;

/** The part of an audit row a sentence is built from. */
export interface AuditSentenceEvent {
  action: string;
  outcome: string;
  actorType: string;
  actorLabel: string | null;
  targetType: string | null;
  details: Record<string, unknown>;
  refs: AuditRefs;
}

/** Dates and numbers in the reader's language (the UI's formatters, or Intl in the CSV export). */
export interface AuditSentenceFormat {
  dateTime(iso: string): string;
  number(value: number): string;
}

export const fillTemplate = (template: string, params: Record<string, string>): string =>
  template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => params[key] ?? "");

/** A resolved name as it reads in running text; a removed target says so instead of showing an id. */
export function describeAuditRef(
  texts: AuditTexts,
  ref: AuditRef | null,
  type: string | null,
  format: AuditSentenceFormat,
): string {
  if (!ref) return type ? (texts.targetTypes[type] ?? "") : "";
  switch (ref.kind) {
    case "person":
      return ref.name;
    case "named":
      return ref.name || ((type ? texts.targetTypes[type] : undefined) ?? texts.removed.other);
    case "unit":
      return ref.name && ref.code ? `${ref.name} (${ref.code})` : ref.name || ref.code;
    case "recording":
      return fillTemplate(texts.recording, { name: ref.staffName, time: format.dateTime(ref.callStartedAt) });
    case "removed":
      return (type ? texts.removed[type] : undefined) ?? texts.removed.other;
  }
}

export function describeAuditActor(
  texts: AuditTexts,
  event: AuditSentenceEvent,
  format: AuditSentenceFormat,
) {
  const ref = event.refs.actor;
  if (ref && ref.kind !== "removed") return describeAuditRef(texts, ref, "user", format);
  switch (event.actorType) {
    case "system":
      return texts.actors.system;
    case "machine":
      return event.actorLabel ? `${texts.actors.machine} (${event.actorLabel})` : texts.actors.machine;
    case "anonymous":
      return event.actorLabel
        ? fillTemplate(texts.actors.anonymousAs, { name: event.actorLabel })
        : texts.actors.anonymous;
    default:
      return event.actorLabel ?? texts.actors.unknown;
  }
}

const isRole = (value: unknown): value is Role => (ROLES as readonly unknown[]).includes(value);

function countOf(details: Record<string, unknown>): number | null {
  for (const key of ["rowCount", "count", "returned"]) {
    const value = details[key];
    if (typeof value === "number") return value;
  }
  return null;
}

/** The translated label of an action for lists and the CSV; an unknown (older) action keeps its code. */
export const auditActionLabel = (texts: AuditTexts, action: string): string =>
  isAuditAction(action) ? texts.actions[action].label : action;

/** One audit row as a sentence with names: "Liisa Laine gave Mikko Korhonen the trainer role in …". */
export function auditSentence(
  texts: AuditTexts,
  event: AuditSentenceEvent,
  format: AuditSentenceFormat,
): string {
  const { details, refs } = event;
  const actor = describeAuditActor(texts, event, format);
  if (!isAuditAction(event.action)) return fillTemplate(texts.unknownAction, { actor, action: event.action });
  const text = texts.actions[event.action];
  const unitIn =
    "unitId" in details && details.unitId === null
      ? texts.allUnits
      : fillTemplate(texts.unitIn, {
          unit: describeAuditRef(texts, refs.unit ?? { kind: "removed" }, "unit", format),
        });
  const count = countOf(details);
  const params: Record<string, string> = {
    actor,
    target: describeAuditRef(texts, refs.target, event.targetType, format),
    role: isRole(details.role) ? texts.roles[details.role] : texts.someRole,
    unitIn,
    playlist: describeAuditRef(texts, refs.playlist ?? { kind: "removed" }, "playlist", format),
    recording: describeAuditRef(texts, refs.recording ?? { kind: "removed" }, "recording", format),
    count: count === null ? "" : format.number(count),
    switched: details.enabled === false ? texts.switched.off : texts.switched.on,
    days: typeof details.retentionDays === "number" ? format.number(details.retentionDays) : "",
  };
  if (event.outcome === "success") return fillTemplate(text.sentence, params);
  if (text.notDone) return fillTemplate(text.notDone, params);
  return fillTemplate(texts.notDone, { sentence: fillTemplate(text.sentence, params) });
}
