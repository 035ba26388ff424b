import { sessions } from "@kuulo/db/schema";
import { desc, eq } from "drizzle-orm";
import type { AuthedContext } from "../shared/service-context.js";

export interface OwnSession {
  /** SHA-256 of the token: identifies the session without revealing the token. */
  id: string;
  current: boolean;
  createdAt: string;
  lastActiveAt: string;
  expiresAt: string;
  ip: string | null;
  userAgent: string | null;
}

export async function listSessions({
  ctx,
}: {
  ctx: AuthedContext;
  input?: undefined;
}): Promise<OwnSession[]> {
  const rows = await ctx.db
    .select()
    .from(sessions)
    .where(eq(sessions.userId, ctx.auth.user.id))
    .orderBy(desc(sessions.lastActiveAt));
  const now = ctx.clock.now().getTime();
  return rows
    .filter(
      (row) =>
        row.expiresAt.getTime() > now && row.lastActiveAt.getTime() + row.idleTimeoutSeconds * 1000 > now,
    )
    .map((row) => ({
      id: row.id,
      current: row.id === ctx.auth.session.id,
      createdAt: row.createdAt.toISOString(),
      lastActiveAt: row.lastActiveAt.toISOString(),
      expiresAt: row.expiresAt.toISOString(),
      ip: row.ip,
      userAgent: row.userAgent,
    }));
}
