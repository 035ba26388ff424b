import { auditEvents } from "@kuulo/db/schema";
import { DomainError } from "@kuulo/domain/errors";
import { asc } from "drizzle-orm";
import { audit } from "../shared/audit.js";
import { authorize } from "../shared/authorize.js";
import type { AuthedContext } from "../shared/service-context.js";
import { type AuditFilter, whereAudit } from "./audit-filter.js";

export const AUDIT_EXPORT_MAX_ROWS = 50_000;

const COLUMNS = [
  "seq",
  "occurred_at",
  "actor_type",
  "actor_id",
  "actor_label",
  "action",
  "target_type",
  "target_id",
  "outcome",
  "ip",
  "details",
  "prev_hash",
  "hash",
] as const;

/** RFC 4180 quoting; a leading = + - @ is defused so spreadsheets never run it as a formula. */
function csvCell(value: unknown): string {
  let text =
    value === null || value === undefined ? "" : typeof value === "string" ? value : JSON.stringify(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV of a filtered range of the audit log, for an auditor. The export is itself audited (R14). */
export async function exportAudit({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: AuditFilter;
}): Promise<{ filename: string; csv: string; rowCount: number }> {
  await authorize(ctx, "audit.export", {}, { type: "audit", id: null });
  const rows = await ctx.db
    .select()
    .from(auditEvents)
    .where(whereAudit(input))
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
  const lines = [COLUMNS.join(",")];
  for (const row of rows) {
    lines.push(
      [
        row.seq,
        row.occurredAt.toISOString(),
        row.actorType,
        row.actorId,
        row.actorLabel,
        row.action,
        row.targetType,
        row.targetId,
        row.outcome,
        row.ip,
        row.details,
        row.prevHash,
        row.hash,
      ]
        .map(csvCell)
        .join(","),
    );
  }
  await audit(ctx.db, ctx, {
    action: "audit.export",
    outcome: "success",
    details: { filter: { ...input }, rowCount: rows.length },
  });
  const stamp = ctx.clock.now().toISOString().replace(/[:.]/g, "-");
  return { filename: `kuulo-audit-${stamp}.csv`, csv: `${lines.join("\r\n")}\r\n`, rowCount: rows.length };
}
