import { auditEvents } from "@kuulo/db/schema";
import {
  AUDIT_CSV_COLUMNS,
  type AuditLocale,
  auditActionLabel,
  auditSentence,
  auditTexts,
  describeAuditActor,
  describeAuditRef,
} from "@kuulo/domain/audit";
import { DomainError } from "@kuulo/domain/errors";
import { asc } from "drizzle-orm";
import { audit } from "../shared/audit.js";
import { authorize } from "../shared/authorize.js";
import type { AuthedContext } from "../shared/service-context.js";
import { type AuditFilter, whereAudit } from "./audit-filter.js";
import { NO_REFS } from "./audit-view.js";
import { resolveAuditRefs } from "./resolve-audit-refs.js";

export const AUDIT_EXPORT_MAX_ROWS = 50_000;
/** Names are resolved per slice of rows: one statement per slice, never one per row. */
const NAME_SLICE = 2_000;

/** RFC 4180 quoting; a leading = + - @ is defused so spreadsheets never run it as a formula. */
function csvCell(value: unknown): string {
  let text =
    value === null || value === undefined ? "" : typeof value === "string" ? value : JSON.stringify(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export interface AuditExportInput extends AuditFilter {
  /** The reader's language and time zone: names, actions and sentences are written as the UI shows them. */
  locale: AuditLocale;
  timeZone?: string | undefined;
}

/** CSV of a filtered range of the audit log, for an auditor. The export is itself audited (R14). */
export async function exportAudit({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: AuditExportInput;
}): Promise<{ filename: string; csv: string; rowCount: number }> {
  await authorize(ctx, "audit.export", {}, { type: "audit", id: null });
  const { locale, timeZone, ...filter } = input;
  const rows = await ctx.db
    .select()
    .from(auditEvents)
    .where(whereAudit(filter))
    .orderBy(asc(auditEvents.seq))
    .limit(AUDIT_EXPORT_MAX_ROWS + 1);
  if (rows.length > AUDIT_EXPORT_MAX_ROWS) {
    throw new DomainError(
      "PAYLOAD_TOO_LARGE",
      `More than ${AUDIT_EXPORT_MAX_ROWS} events; narrow the time range`,
      {
        field: "from",
        reason: "audit_export.too_many_rows",
      },
    );
  }
  const texts = auditTexts(locale);
  const tag = locale === "fi" ? "fi-FI" : "en-GB";
  const dateTime = new Intl.DateTimeFormat(tag, { dateStyle: "medium", timeStyle: "short", timeZone });
  const numbers = new Intl.NumberFormat(tag);
  const format = {
    dateTime: (iso: string) => dateTime.format(new Date(iso)),
    number: (n: number) => numbers.format(n),
  };
  const lines = [AUDIT_CSV_COLUMNS.map((column) => csvCell(texts.csv[column])).join(",")];
  for (let start = 0; start < rows.length; start += NAME_SLICE) {
    const slice = rows.slice(start, start + NAME_SLICE);
    const refs = await resolveAuditRefs(ctx.db, slice);
    slice.forEach((row, index) => {
      const event = { ...row, refs: refs[index] ?? NO_REFS };
      const cells: Record<(typeof AUDIT_CSV_COLUMNS)[number], unknown> = {
        seq: row.seq,
        occurredAt: row.occurredAt.toISOString(),
        time: dateTime.format(row.occurredAt),
        actor: describeAuditActor(texts, event, format),
        event: auditSentence(texts, event, format),
        actionLabel: auditActionLabel(texts, row.action),
        target: describeAuditRef(texts, event.refs.target, row.targetType, format),
        outcome: texts.outcomes[row.outcome],
        actorType: row.actorType,
        actorId: row.actorId,
        actorLabel: row.actorLabel,
        action: row.action,
        targetType: row.targetType,
        targetId: row.targetId,
        ip: row.ip,
        details: row.details,
        prevHash: row.prevHash,
        hash: row.hash,
      };
      lines.push(AUDIT_CSV_COLUMNS.map((column) => csvCell(cells[column])).join(","));
    });
  }
  await audit(ctx.db, ctx, {
    action: "audit.export",
    outcome: "success",
    details: { filter: { ...filter }, rowCount: rows.length, locale },
  });
  const stamp = ctx.clock.now().toISOString().replace(/[:.]/g, "-");
  return { filename: `kuulo-audit-${stamp}.csv`, csv: `${lines.join("\r\n")}\r\n`, rowCount: rows.length };
}
