import {
  apiTokens,
  disclosures,
  organisations,
  playlists,
  recordings,
  staffMembers,
  units,
  users,
} from "@kuulo/db/schema";
import type { AuditNamedTargetType, AuditRef } from "@kuulo/domain/audit";
import { and, asc, desc, eq, ilike, isNull, or, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { authorize } from "../shared/authorize.js";
import type { AuthedContext } from "../shared/service-context.js";
import { resolveAuditRefs } from "./resolve-audit-refs.js";

const SUGGESTIONS = 10;

export interface AuditNameOption {
  id: string;
  ref: AuditRef;
}

const likePattern = (search: string) => `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
const fullName = (first: AnyPgColumn, last: AnyPgColumn) => sql<string>`${first} || ' ' || ${last}`;

/** Things the audit log can be filtered by, found by the name a person knows them by. */
async function search(
  ctx: AuthedContext,
  type: AuditNamedTargetType,
  text: string,
): Promise<AuditNameOption[]> {
  const pattern = likePattern(text);
  switch (type) {
    case "user": {
      const rows = await ctx.db
        .select({ id: users.id, name: fullName(users.firstName, users.lastName), username: users.username })
        .from(users)
        .where(
          or(
            ilike(users.username, pattern),
            ilike(users.firstName, pattern),
            ilike(users.lastName, pattern),
            ilike(fullName(users.firstName, users.lastName), pattern),
          ),
        )
        .orderBy(asc(users.lastName), asc(users.firstName))
        .limit(SUGGESTIONS);
      return rows.map((row) => ({
        id: row.id,
        ref: { kind: "person", name: row.name, username: row.username },
      }));
    }
    case "unit": {
      const rows = await ctx.db
        .select({ id: units.id, name: units.name, code: units.code })
        .from(units)
        .where(or(ilike(units.name, pattern), ilike(units.code, pattern)))
        .orderBy(asc(units.name))
        .limit(SUGGESTIONS);
      return rows.map((row) => ({ id: row.id, ref: { kind: "unit", name: row.name, code: row.code } }));
    }
    case "recording": {
      const name = fullName(staffMembers.firstName, staffMembers.lastName);
      const rows = await ctx.db
        .select({ id: recordings.id, name, at: recordings.callStartedAt })
        .from(recordings)
        .innerJoin(staffMembers, eq(staffMembers.id, recordings.staffMemberId))
        .where(
          and(isNull(recordings.deletedAt), or(ilike(staffMembers.username, pattern), ilike(name, pattern))),
        )
        .orderBy(desc(recordings.callStartedAt))
        .limit(SUGGESTIONS);
      return rows.map((row) => ({
        id: row.id,
        ref: { kind: "recording", staffName: row.name, callStartedAt: row.at.toISOString() },
      }));
    }
    case "playlist":
      return named(
        await ctx.db
          .select({ id: playlists.id, name: playlists.title })
          .from(playlists)
          .where(ilike(playlists.title, pattern))
          .orderBy(asc(playlists.title))
          .limit(SUGGESTIONS),
      );
    case "disclosure": {
      const recipient = sql<string>`coalesce(nullif(${disclosures.fields}->>'recipientOrganisation', ''), nullif(${disclosures.fields}->>'recipientName', ''), nullif(${disclosures.fields}->>'authority', ''), '')`;
      return named(
        await ctx.db
          .select({ id: disclosures.id, name: recipient })
          .from(disclosures)
          .where(ilike(recipient, pattern))
          .orderBy(desc(disclosures.createdAt))
          .limit(SUGGESTIONS),
      );
    }
    case "organisation":
      return named(
        await ctx.db
          .select({ id: organisations.id, name: organisations.name })
          .from(organisations)
          .where(ilike(organisations.name, pattern))
          .orderBy(asc(organisations.name))
          .limit(SUGGESTIONS),
      );
    case "api_token":
      return named(
        await ctx.db
          .select({ id: apiTokens.id, name: apiTokens.name })
          .from(apiTokens)
          .where(ilike(apiTokens.name, pattern))
          .orderBy(asc(apiTokens.name))
          .limit(SUGGESTIONS),
      );
  }
}

const named = (rows: { id: string; name: string }[]): AuditNameOption[] =>
  rows.map((row) => ({ id: row.id, ref: { kind: "named", name: row.name } }));

/**
 * Suggestions for the audit filters: by a search text, or the name of an id already in the filter (the
 * URL keeps ids so a range can be shared; the page shows their names). Read by those who read the log.
 */
export async function findAuditNames({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: { type: AuditNamedTargetType; search?: string | undefined; id?: string | undefined };
}): Promise<AuditNameOption[]> {
  await authorize(ctx, "audit.read", {}, { type: "audit", id: null });
  if (input.id) {
    const [refs] = await resolveAuditRefs(ctx.db, [
      { actorType: "user", actorId: null, targetType: input.type, targetId: input.id, details: {} },
    ]);
    return refs?.target ? [{ id: input.id, ref: refs.target }] : [];
  }
  const text = input.search?.trim() ?? "";
  return text.length === 0 ? [] : search(ctx, input.type, text);
}
