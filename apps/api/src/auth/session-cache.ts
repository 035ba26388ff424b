import type { Database, DbOrTx } from "@kuulo/db/client";
import { fixedStatement, queryRows } from "@kuulo/db/client";
import type { Organisation, Session, User } from "@kuulo/db/schema";
import type { DisclosureValidity } from "@kuulo/domain/disclosure";
import { is, sql } from "drizzle-orm";
import { PgTransaction } from "drizzle-orm/pg-core";
import type { GrantView } from "./auth-state.js";

/** A training disclosure made to the user, with its window: whether it is live is decided per request. */
export interface DisclosureWindow extends DisclosureValidity {
  id: string;
}

/** Everything a session check needs from the database; the clock-dependent checks run on it every time. */
export interface SessionFacts {
  session: Session;
  user: User;
  organisation: Organisation;
  grants: GrantView[];
  disclosures: DisclosureWindow[];
}

const MAX_ENTRIES = 10_000;

const AUTH_EPOCH = "select value from auth_epoch where id = 1";
const readAuthEpoch = fixedStatement<{ value: string | number }>(AUTH_EPOCH);

/**
 * Per-instance cache of session facts. The database's `auth_epoch` grows in the same transaction as
 * anything these facts depend on (triggers), so reading it first on every request — one primary-key
 * read — tells each instance whether its copy may still be used; any change drops every entry.
 */
export class SessionCache {
  private epoch: number | null = null;
  private readonly entries = new Map<string, SessionFacts>();

  /** Reads the epoch and forgets everything when it moved. Call before get() and before loading facts. */
  async sync(db: DbOrTx): Promise<number> {
    const [row] = is(db, PgTransaction)
      ? await queryRows<{ value: string | number }>(db, sql.raw(AUTH_EPOCH))
      : await readAuthEpoch(db as Database);
    return this.observe(Number(row?.value ?? -1));
  }

  /** The same with an epoch the caller has just read itself (in one query with something else). */
  observe(epoch: number): number {
    if (epoch !== this.epoch) {
      this.entries.clear();
      this.epoch = epoch;
    }
    return epoch;
  }

  get(sessionId: string): SessionFacts | undefined {
    return this.entries.get(sessionId);
  }

  /** Keeps facts loaded after reading `epoch`, unless the epoch has moved on meanwhile. */
  set(sessionId: string, facts: SessionFacts, epoch: number): void {
    if (epoch !== this.epoch) return;
    if (this.entries.size >= MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(sessionId, facts);
  }

  delete(sessionId: string): void {
    this.entries.delete(sessionId);
  }
}

const caches = new WeakMap<Database, SessionCache>();

/** The cache of one database handle (= one API instance); none inside a transaction, which reads fresh. */
export function sessionCacheOf(db: DbOrTx): SessionCache | null {
  if (is(db, PgTransaction)) return null;
  const database = db as Database;
  let cache = caches.get(database);
  if (!cache) {
    cache = new SessionCache();
    caches.set(database, cache);
  }
  return cache;
}
