import { randomUUID } from "node:crypto";
import type { DbOrTx } from "../src/client/index.js";
import { organisations, staffMembers, units, users } from "../src/schema/index.js";

export async function insertController(db: DbOrTx) {
  const [organisation] = await db
    .insert(organisations)
    .values({ kind: "controller", name: "Kespro Oy", businessId: "0109862-8", country: "FI" })
    .returning();
  return organisation!;
}

export async function insertUnit(db: DbOrTx, organisationId: string, code = `U${randomUUID().slice(0, 8)}`) {
  const [unit] = await db
    .insert(units)
    .values({ organisationId, code, name: `Unit ${code}` })
    .returning();
  return unit!;
}

export async function insertUser(db: DbOrTx, organisationId: string, username: string) {
  const [user] = await db
    .insert(users)
    .values({ organisationId, username, firstName: "Maija", lastName: "Meikäläinen" })
    .returning();
  return user!;
}

export async function insertStaffMember(db: DbOrTx, username: string, unitId: string) {
  const [staff] = await db
    .insert(staffMembers)
    .values({ firstName: "Matti", lastName: "Myyjä", username, phoneNumber: "+358401234567", unitId })
    .returning();
  return staff!;
}

/** Drizzle wraps driver errors; the PostgreSQL error (with its code and constraint) is the cause. */
export async function pgErrorOf(
  promise: Promise<unknown>,
): Promise<{ code?: string; message: string; constraint?: string }> {
  try {
    await promise;
  } catch (error) {
    let current: unknown = error;
    while (current instanceof Error) {
      const candidate = current as Error & { code?: string; constraint?: string; constraint_name?: string };
      if (typeof candidate.code === "string" && /^[0-9A-Z]{5}$/.test(candidate.code)) {
        return {
          code: candidate.code,
          message: candidate.message,
          constraint: candidate.constraint ?? candidate.constraint_name,
        };
      }
      current = candidate.cause;
    }
    throw error;
  }
  throw new Error("expected the database to refuse the statement");
}
