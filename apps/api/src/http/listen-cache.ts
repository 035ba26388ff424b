import type { AudioRepresentation } from "../services/recordings/audio-representation.js";
import type { ListenFreshness } from "../services/recordings/listen-freshness.js";
import type { ListenInput, ListenTarget } from "../services/recordings/listen-target.js";

/** A cached listen lives this long at most, whatever else holds: the data key does not linger. */
export const LISTEN_CACHE_TTL_MS = 60_000;
const MAX_ENTRIES = 2_000;
/** Decrypted clips held for clip listeners, all entries together: the oldest go first beyond it. */
export const MAX_HELD_CLIP_BYTES = 64 * 1024 * 1024;
export const SWEEP_EVERY_MS = 10_000;

/** What the first request of a listening session decided and opened, for its next Range requests. */
interface ListenEntry {
  /** The listening session's key: its sign-in session, recording, playlist and item. */
  key: string;
  epoch: number;
  /** The actor the decision was made for, as this request's session check built it (grants, disclosures). */
  actorKey: string;
  /** The playlist digest the decision was made under (a clip's reach rests on those rows). */
  playlists: string;
  /** The target the one access module answered (the whole recording or a clip), its audit row written. */
  target: ListenTarget;
  /** The opened object (header read, data key unwrapped) or the cut clip: in memory only. */
  audio: AudioRepresentation;
  /** The listen event covers the listening session until then; after it the slow path writes the next. */
  coveredUntilMs: number;
  expiresAtMs: number;
  users: number;
  dropped: boolean;
}

export interface ListenLookup {
  sessionId: string;
  input: ListenInput;
  actorKey: string;
  freshness: ListenFreshness;
  nowMs: number;
}

export const listenKey = (sessionId: string, input: ListenInput) =>
  `${sessionId}\u0000${input.recordingId}\u0000${input.playlistId ?? ""}\u0000${input.itemId ?? ""}`;

/**
 * Per-instance cache of listens already decided and audited (R10, R14), so a listening session's later
 * Range requests do only what the rules need. An entry is used only while the auth epoch it was decided
 * under is still the database's, the recording's row still says what the decision saw (live, same unit
 * and staff member), the playlists carrying the recording are as they were (a clip's reach), the session
 * check built the same actor, the listen event still covers the listening session, and the short TTL has
 * not passed. Anything else drops it and zeroes its data key or clip (once no response is still reading
 * with it); the request then takes the full path.
 */
export class ListenCache {
  private epoch: number | null = null;
  private readonly entries = new Map<string, ListenEntry>();
  private heldBytes = 0;
  private lastSweepMs = 0;

  get size(): number {
    return this.entries.size;
  }

  /** Bytes of decrypted clips the entries hold. */
  get clipBytes(): number {
    return this.heldBytes;
  }

  /** A usable entry, acquired for one response (release() it when the response is done), or null. */
  acquire(lookup: ListenLookup): ListenEntry | null {
    const entry = this.hold(lookup.sessionId, lookup.input);
    if (!entry) {
      this.observe(lookup.freshness.epoch, lookup.nowMs);
      return null;
    }
    if (this.confirm(entry, lookup)) return entry;
    this.release(entry);
    return null;
  }

  /**
   * The entry kept for this listen, held (release() it) but NOT checked: only to read and decrypt ahead
   * while this request's freshness query runs. Nothing read with it may be sent before confirm() says yes.
   */
  hold(sessionId: string, input: ListenInput): ListenEntry | null {
    const entry = this.entries.get(listenKey(sessionId, input));
    if (!entry || entry.dropped) return null;
    entry.users++;
    return entry;
  }

  /**
   * Whether a held entry may serve this request: the epoch it was decided under is still the database's,
   * the recording's row and the playlists are as the decision saw them, the session check built the same
   * actor, the listen event still covers the listening session and the TTL has not passed. An entry that
   * fails is dropped (its key or clip zeroed once its last holder releases it).
   */
  confirm(entry: ListenEntry, lookup: ListenLookup): boolean {
    this.observe(lookup.freshness.epoch, lookup.nowMs);
    if (entry.dropped || entry.key !== listenKey(lookup.sessionId, lookup.input)) return false;
    const recording = lookup.freshness.recording;
    const usable =
      entry.epoch === lookup.freshness.epoch &&
      entry.actorKey === lookup.actorKey &&
      entry.playlists === lookup.freshness.playlists &&
      recording?.live === true &&
      recording.unitId === entry.target.recording.unitId &&
      recording.staffMemberId === entry.target.recording.staffMemberId &&
      lookup.nowMs < entry.coveredUntilMs &&
      lookup.nowMs < entry.expiresAtMs;
    if (!usable) this.drop(entry.key, entry);
    return usable;
  }

  /** Keeps a decided, audited listen; the entry is returned acquired for this response. */
  keep(
    lookup: ListenLookup,
    target: ListenTarget,
    audio: AudioRepresentation,
    coveredUntil: Date,
  ): ListenEntry | null {
    if (lookup.freshness.epoch !== this.epoch || audio.heldBytes > MAX_HELD_CLIP_BYTES) return null;
    const key = listenKey(lookup.sessionId, lookup.input);
    const previous = this.entries.get(key);
    if (previous) this.drop(key, previous);
    while (
      this.entries.size >= MAX_ENTRIES ||
      (audio.heldBytes > 0 && this.heldBytes + audio.heldBytes > MAX_HELD_CLIP_BYTES)
    ) {
      const [oldestKey, oldest] = this.entries.entries().next().value ?? [];
      if (oldestKey === undefined || !oldest) break;
      this.drop(oldestKey, oldest);
    }
    const entry: ListenEntry = {
      key,
      epoch: lookup.freshness.epoch,
      actorKey: lookup.actorKey,
      playlists: lookup.freshness.playlists,
      target,
      audio,
      coveredUntilMs: coveredUntil.getTime(),
      expiresAtMs: lookup.nowMs + LISTEN_CACHE_TTL_MS,
      users: 1,
      dropped: false,
    };
    this.entries.set(key, entry);
    this.heldBytes += audio.heldBytes;
    return entry;
  }

  release(entry: ListenEntry): void {
    entry.users--;
    if (entry.dropped && entry.users === 0) entry.audio.close();
  }

  /** Forgets everything (the app closes). */
  clear(): void {
    for (const [key, entry] of this.entries) this.drop(key, entry);
  }

  /** An epoch that moved drops every entry; expired entries are swept now and then. */
  private observe(epoch: number, nowMs: number): void {
    if (epoch !== this.epoch) {
      this.clear();
      this.epoch = epoch;
    }
    if (nowMs - this.lastSweepMs < SWEEP_EVERY_MS && nowMs >= this.lastSweepMs) return;
    this.sweep(nowMs);
  }

  /**
   * Drops the entries past their TTL or their listen event's window. The route also calls it on a timer,
   * so a kept key and kept plaintext do not outlive the TTL when no further request comes.
   */
  sweep(nowMs: number): void {
    this.lastSweepMs = nowMs;
    for (const [key, entry] of this.entries) {
      if (nowMs >= entry.expiresAtMs || nowMs >= entry.coveredUntilMs) this.drop(key, entry);
    }
  }

  private drop(key: string, entry: ListenEntry): void {
    if (this.entries.get(key) === entry) {
      this.entries.delete(key);
      this.heldBytes -= entry.audio.heldBytes;
    }
    if (entry.dropped) return;
    entry.dropped = true;
    if (entry.users === 0) entry.audio.close();
  }
}

export type { ListenEntry };
