import type { RouterOutputs } from "@kuulo/api";
import type { TFunction } from "i18next";
import type { Formatters } from "../i18n/format.js";

export type InboxItem = RouterOutputs["inbox"]["mine"]["items"][number];

/** One item as a sentence with names, in the UI language (keys under `ui:inbox.item`). */
export function inboxSentence(t: TFunction, format: Formatters, item: InboxItem): string {
  const person = item.names.person || "–";
  const playlist = item.names.playlist ?? "";
  const date = item.at ? format.date(item.at) : "–";
  const count = item.count ?? 0;
  const key = (suffix: string) => `inbox.item.${suffix}`;
  switch (item.kind) {
    case "disclosure_to_approve":
      return t(key(item.kind), {
        person,
        what: t(`inbox.disclosureKind.${item.names.disclosureKind ?? "training"}`),
      });
    case "quality_setting_changed":
      return t(key(item.names.enabled ? "quality_setting_on" : "quality_setting_off"), { person, date });
    case "assignment_overdue":
      return count === 1 && item.names.person
        ? t(key("assignment_overdue_person"), { person, playlist, date })
        : t(key("assignment_overdue_other"), { count, playlist, date });
    case "assignment_new":
      if (item.names.overdue) return t(key("assignment_overdue_mine"), { playlist, date });
      return item.at
        ? t(key("assignment_new_due"), { playlist, date })
        : t(key("assignment_new"), { playlist });
    case "processor_agreement_ending":
      return t(key(item.kind), { organisation: item.names.organisation ?? "", date });
    case "ingest_refused":
    case "purge_failed":
    case "review_queue":
    case "dispute_open":
    case "feedback_new":
      return t(key(item.kind), { count, date });
    default:
      return t(key(item.kind), { person, date });
  }
}
