import { organisations, roleGrants, users } from "@kuulo/db/schema";
import { and, asc, eq, exists, ilike, or, sql } from "drizzle-orm";
import type { AuthedContext } from "../shared/service-context.js";

export interface ExternalTrainerView {
  id: string;
  firstName: string;
  lastName: string;
  username: string;
  email: string | null;
  organisationName: string;
  country: string | null;
  status: "active" | "deactivated";
}

export const EXTERNAL_TRAINER_RESULTS = 20;

/** `%` and `_` typed by a person are letters, not wildcards. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * External trainers who were ever given a disclosure (an external_trainer grant, live or not), found by
 * name, username or e-mail, so a returning trainer keeps one account (R11) brought up to date.
 */
export async function findExternalTrainers({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: { query: string };
}): Promise<ExternalTrainerView[]> {
  const pattern = likePattern(input.query.trim());
  const rows = await ctx.db
    .select({ user: users, organisationName: organisations.name, country: organisations.country })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(
      and(
        exists(
          ctx.db
            .select({ one: sql`1` })
            .from(roleGrants)
            .where(and(eq(roleGrants.userId, users.id), eq(roleGrants.role, "external_trainer"))),
        ),
        or(
          ilike(sql`${users.firstName} || ' ' || ${users.lastName}`, pattern),
          ilike(users.username, pattern),
          ilike(users.email, pattern),
        ),
      ),
    )
    .orderBy(asc(users.lastName), asc(users.firstName), asc(users.id))
    .limit(EXTERNAL_TRAINER_RESULTS);
  return rows.map(({ user, organisationName, country }) => ({
    id: user.id,
    firstName: user.firstName,
    lastName: user.lastName,
    username: user.username,
    email: user.email,
    organisationName,
    country,
    status: user.status,
  }));
}
