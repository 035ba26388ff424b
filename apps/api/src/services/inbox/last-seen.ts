import type { DbOrTx } from "@kuulo/db/client";
import { inboxLastSeen } from "@kuulo/db/schema";
import { eq } from "drizzle-orm";

/** A person who never opened the inbox sees the news of the last month. */
export const FIRST_LOOK_DAYS = 30;

export async function loadLastSeen(db: DbOrTx, userId: string): Promise<Date | null> {
  const [row] = await db.select().from(inboxLastSeen).where(eq(inboxLastSeen.userId, userId));
  return row?.seenAt ?? null;
}

export const sinceLastLook = (lastSeen: Date | null, now: Date): Date =>
  lastSeen ?? new Date(now.getTime() - FIRST_LOOK_DAYS * 24 * 60 * 60 * 1000);
