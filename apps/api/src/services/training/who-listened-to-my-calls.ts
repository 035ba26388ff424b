import { auditEvents, organisations, playlists, recordings, roleGrants, users } from "@kuulo/db/schema";
import { and, desc, eq, inArray, isNull, lt, ne, or, sql } from "drizzle-orm";
import type { AuthedContext } from "../shared/service-context.js";
import { listenGrounds } from "./listen-grounds.js";

export interface WhoListenedInput {
  before?: number | undefined;
  limit: number;
}

export type Listener =
  | { kind: "person"; name: string; username: string }
  /** Shown by organisation only ("external trainer of …"). */
  | { kind: "external_trainer"; organisationName: string | null }
  | { kind: "unknown" };

export type ListenVia =
  | { kind: "playlist"; playlistId: string; playlistTitle: string | null }
  | { kind: "disclosure"; disclosureId: string }
  | { kind: "role"; role: string | null; relation: string | null };

export interface ListenEvent {
  /** Audit sequence number: pass the last one as `before` for the next page. */
  seq: number;
  occurredAt: string;
  recordingId: string;
  callStartedAt: string | null;
  listener: Listener;
  via: ListenVia;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Transparency for staff, who are data subjects too: the recording.listen events of the audit log on my
 * own calls (by anyone but me), newest first — who, when, and through which playlist, disclosure or role.
 */
export async function whoListenedToMyCalls({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: WhoListenedInput;
}): Promise<{ items: ListenEvent[]; nextCursor: number | null }> {
  const staffMemberId = ctx.auth.actor.staffMemberId;
  if (!staffMemberId) return { items: [], nextCursor: null };
  const mine = ctx.db
    .select({ id: sql`${recordings.id}::text` })
    .from(recordings)
    .where(eq(recordings.staffMemberId, staffMemberId));
  const rows = await ctx.db
    .select()
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.action, "recording.listen"),
        eq(auditEvents.targetType, "recording"),
        eq(auditEvents.outcome, "success"),
        inArray(auditEvents.targetId, mine),
        or(isNull(auditEvents.actorId), ne(auditEvents.actorId, ctx.auth.user.id)),
        ...(input.before ? [lt(auditEvents.seq, input.before)] : []),
      ),
    )
    .orderBy(desc(auditEvents.seq))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const grounds = page.map((row) => listenGrounds(row.details));
  const listenerIds = [
    ...new Set(page.flatMap((row) => (row.actorId && UUID.test(row.actorId) ? [row.actorId] : []))),
  ];
  const listeners =
    listenerIds.length === 0
      ? []
      : await ctx.db
          .select({ user: users, organisation: organisations })
          .from(users)
          .innerJoin(organisations, eq(organisations.id, users.organisationId))
          .where(inArray(users.id, listenerIds));
  // Revoked grants count too: a listen made as an external trainer stays one after the disclosure ends.
  const grants =
    listenerIds.length === 0
      ? []
      : await ctx.db
          .select({ userId: roleGrants.userId, role: roleGrants.role, unitId: roleGrants.unitId })
          .from(roleGrants)
          .where(inArray(roleGrants.userId, listenerIds));
  const externalIds = new Set(grants.filter((g) => g.role === "external_trainer").map((g) => g.userId));
  // A listen through unit scope names the role that reached the unit (trainer, privacy officer).
  const roleInUnit = (userId: string | null, unitId: string | null) =>
    grants.find(
      (g) =>
        g.userId === userId &&
        (g.role === "trainer" || g.role === "privacy_officer") &&
        (g.unitId === null || g.unitId === unitId),
    )?.role ?? null;
  const playlistIds = [
    ...new Set(grounds.flatMap((ground) => (ground.playlistId ? [ground.playlistId] : []))),
  ];
  const titles =
    playlistIds.length === 0
      ? []
      : await ctx.db
          .select({ id: playlists.id, title: playlists.title })
          .from(playlists)
          .where(inArray(playlists.id, playlistIds));
  const recordingIds = [...new Set(page.flatMap((row) => (row.targetId ? [row.targetId] : [])))];
  const calls =
    recordingIds.length === 0
      ? []
      : await ctx.db
          .select({ id: recordings.id, callStartedAt: recordings.callStartedAt })
          .from(recordings)
          .where(inArray(recordings.id, recordingIds));
  const items = page.map((row, index): ListenEvent => {
    const ground = grounds[index] ?? listenGrounds({});
    const found = listeners.find((listener) => listener.user.id === row.actorId);
    const external =
      ground.disclosureId !== null || ground.relation === "disclosed" || externalIds.has(row.actorId ?? "");
    const listener: Listener = !found
      ? external
        ? { kind: "external_trainer", organisationName: null }
        : { kind: "unknown" }
      : external
        ? { kind: "external_trainer", organisationName: found.organisation.name }
        : {
            kind: "person",
            name: `${found.user.firstName} ${found.user.lastName}`,
            username: found.user.username,
          };
    const via: ListenVia = ground.playlistId
      ? {
          kind: "playlist",
          playlistId: ground.playlistId,
          playlistTitle: titles.find((title) => title.id === ground.playlistId)?.title ?? null,
        }
      : ground.disclosureId
        ? { kind: "disclosure", disclosureId: ground.disclosureId }
        : {
            kind: "role",
            role: ground.role ?? (ground.relation === "unit" ? roleInUnit(row.actorId, ground.unitId) : null),
            relation: ground.relation,
          };
    return {
      seq: row.seq,
      occurredAt: row.occurredAt.toISOString(),
      recordingId: row.targetId ?? "",
      callStartedAt: calls.find((call) => call.id === row.targetId)?.callStartedAt.toISOString() ?? null,
      listener,
      via,
    };
  });
  const last = page.at(-1);
  return { items, nextCursor: rows.length > input.limit && last ? last.seq : null };
}
