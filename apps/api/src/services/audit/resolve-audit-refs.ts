import type { DbOrTx } from "@kuulo/db/client";
import { queryRows } from "@kuulo/db/client";
import type { AuditRef, AuditRefs } from "@kuulo/domain/audit";
import { sql } from "drizzle-orm";

/** The part of an audit row whose ids are named. */
export interface AuditRowIds {
  actorType: string;
  actorId: string | null;
  targetType: string | null;
  targetId: string | null;
  details: Record<string, unknown>;
}

/** Target types named by a table of their own; the rest (searches, settings) need no name. */
const NAMED_TABLES = [
  "user",
  "staff_member",
  "unit",
  "recording",
  "quality_evaluation",
  "quality_moment",
  "playlist",
  "disclosure",
  "organisation",
  "api_token",
] as const;
type Kind = (typeof NAMED_TABLES)[number];
const isKind = (value: string | null): value is Kind =>
  (NAMED_TABLES as readonly (string | null)[]).includes(value);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const uuidIn = (value: unknown): string | null =>
  typeof value === "string" && UUID.test(value) ? value : null;

interface NameRow extends Record<string, unknown> {
  kind: Kind;
  id: string;
  name: string | null;
  extra: string | null;
  at: string | null;
}

const staffName = sql`s.first_name || ' ' || s.last_name`;
const iso = (column: ReturnType<typeof sql>) =>
  sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
// An access request's requester is a data subject: never named in the audit log, only its kind.
/** A recording soft-deleted under retention or erasure reads as removed; its people are not named. */
const recordingState = sql`case when r.deleted_at is null then 'kept' else 'removed' end`;

/** Looks up every id of a page in one statement (no query per row): a UNION ALL over the named tables. */
async function loadNames(db: DbOrTx, ids: Map<Kind, Set<string>>): Promise<Map<string, NameRow>> {
  const list = (kind: Kind) => sql`string_to_array(${[...(ids.get(kind) ?? [])].join(",")}, ',')::uuid[]`;
  const rows = await queryRows<NameRow>(
    db,
    sql`select 'user' as kind, u.id::text as id, u.first_name || ' ' || u.last_name as name, u.username as extra, null as at
          from users u where u.id = any(${list("user")})
        union all
        select 'staff_member', s.id::text, ${staffName}, s.username, null
          from staff_members s where s.id = any(${list("staff_member")})
        union all
        select 'unit', n.id::text, n.name, n.code, null from units n where n.id = any(${list("unit")})
        union all
        select 'recording', r.id::text, ${staffName}, ${recordingState}, ${iso(sql`r.call_started_at`)}
          from recordings r join staff_members s on s.id = r.staff_member_id
         where r.id = any(${list("recording")})
        union all
        select 'quality_evaluation', e.id::text, ${staffName}, ${recordingState}, ${iso(sql`r.call_started_at`)}
          from quality_evaluations e join recordings r on r.id = e.recording_id
          join staff_members s on s.id = r.staff_member_id
         where e.id = any(${list("quality_evaluation")})
        union all
        select 'quality_moment', m.id::text, ${staffName}, ${recordingState}, ${iso(sql`r.call_started_at`)}
          from quality_moments m join recordings r on r.id = m.recording_id
          join staff_members s on s.id = r.staff_member_id
         where m.id = any(${list("quality_moment")})
        union all
        select 'playlist', p.id::text, p.title, null, null from playlists p where p.id = any(${list("playlist")})
        union all
        select 'disclosure', d.id::text,
               coalesce(nullif(d.fields->>'recipientOrganisation', ''), nullif(d.fields->>'recipientName', ''),
                        nullif(d.fields->>'authority', ''), ''),
               d.kind::text, null
          from disclosures d where d.id = any(${list("disclosure")})
        union all
        select 'organisation', o.id::text, o.name, null, null from organisations o where o.id = any(${list("organisation")})
        union all
        select 'api_token', t.id::text, t.name, null, null from api_tokens t where t.id = any(${list("api_token")})`,
  );
  return new Map(rows.map((row) => [`${row.kind}:${row.id}`, row]));
}

function toRef(row: NameRow | undefined): AuditRef {
  if (!row) return { kind: "removed" };
  switch (row.kind) {
    case "user":
    case "staff_member":
      return { kind: "person", name: row.name ?? "", username: row.extra ?? "" };
    case "unit":
      return { kind: "unit", name: row.name ?? "", code: row.extra ?? "" };
    case "recording":
    case "quality_evaluation":
    case "quality_moment":
      return row.extra === "kept" && row.at
        ? { kind: "recording", staffName: row.name ?? "", callStartedAt: row.at }
        : { kind: "removed" };
    default:
      return { kind: "named", name: row.name ?? "" };
  }
}

/** Where a row's names come from: which table each id is looked up in. */
function wanted(row: AuditRowIds) {
  const targetId = uuidIn(row.targetId);
  const detailsRecording = uuidIn(row.details.recordingId);
  const recordingTarget =
    targetId &&
    (row.targetType === "recording" ||
      row.targetType === "quality_evaluation" ||
      row.targetType === "quality_moment")
      ? ([row.targetType, targetId] as const)
      : null;
  return {
    actor: row.actorType === "user" ? uuidIn(row.actorId) : null,
    target: isKind(row.targetType) && targetId ? ([row.targetType, targetId] as const) : null,
    unit: uuidIn(row.details.unitId),
    playlist: uuidIn(row.details.playlistId),
    recording: detailsRecording ? (["recording", detailsRecording] as const) : recordingTarget,
  };
}

/** The names behind each row of a page, in the rows' order. */
export async function resolveAuditRefs(db: DbOrTx, rows: readonly AuditRowIds[]): Promise<AuditRefs[]> {
  const plans = rows.map(wanted);
  const ids = new Map<Kind, Set<string>>();
  const want = (kind: Kind, id: string) => {
    const set = ids.get(kind) ?? new Set<string>();
    set.add(id);
    ids.set(kind, set);
  };
  for (const plan of plans) {
    if (plan.actor) want("user", plan.actor);
    if (plan.target) want(plan.target[0], plan.target[1]);
    if (plan.unit) want("unit", plan.unit);
    if (plan.playlist) want("playlist", plan.playlist);
    if (plan.recording) want(plan.recording[0], plan.recording[1]);
  }
  const names = ids.size === 0 ? new Map<string, NameRow>() : await loadNames(db, ids);
  const ref = (kind: Kind, id: string | null) => (id ? toRef(names.get(`${kind}:${id}`)) : null);
  return plans.map((plan) => ({
    actor: ref("user", plan.actor),
    target: plan.target ? ref(plan.target[0], plan.target[1]) : null,
    unit: ref("unit", plan.unit),
    playlist: ref("playlist", plan.playlist),
    recording: plan.recording ? ref(plan.recording[0], plan.recording[1]) : null,
  }));
}
