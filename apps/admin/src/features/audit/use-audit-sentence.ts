import type { RouterOutputs } from "@kuulo/api";
import {
  type AuditLocale,
  type AuditSentenceEvent,
  auditActionLabel,
  auditSentence,
  auditTexts,
  describeAuditActor,
  describeAuditRef,
} from "@kuulo/domain/audit";
import { useFormat } from "@kuulo/ui";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";

export type AuditEventRow = RouterOutputs["audit"]["find"]["items"][number];

/** The page's language: the domain's sentence templates (one per action) filled with the API's names. */
export function useAuditLanguage() {
  const { i18n } = useTranslation();
  const format = useFormat();
  const locale: AuditLocale = i18n.language.startsWith("fi") ? "fi" : "en";
  return useMemo(() => {
    const texts = auditTexts(locale);
    const sentenceFormat = { dateTime: (iso: string) => format.dateTime(iso), number: format.number };
    return {
      locale,
      texts,
      sentence: (event: AuditSentenceEvent) => auditSentence(texts, event, sentenceFormat),
      actor: (event: AuditSentenceEvent) => describeAuditActor(texts, event, sentenceFormat),
      target: (event: AuditSentenceEvent) =>
        describeAuditRef(texts, event.refs.target, event.targetType, sentenceFormat),
      actionLabel: (action: string) => auditActionLabel(texts, action),
      describe: (ref: AuditEventRow["refs"]["target"], type: string) =>
        describeAuditRef(texts, ref, type, sentenceFormat),
    };
  }, [locale, format]);
}
