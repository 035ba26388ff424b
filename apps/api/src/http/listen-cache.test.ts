import { describe, expect, it } from "vitest";
import type { AudioRepresentation } from "../services/recordings/audio-representation.js";
import type { ListenTarget } from "../services/recordings/listen-target.js";
import { LISTEN_CACHE_TTL_MS, ListenCache, type ListenLookup, MAX_HELD_CLIP_BYTES } from "./listen-cache.js";

const RECORDING = "00000000-0000-4000-8000-000000000001";
const target: ListenTarget = {
  recording: {
    id: RECORDING,
    unitId: "unit-a",
    staffMemberId: "staff-a",
    storageKey: `rec/${RECORDING}`,
    wrappedDataKey: new Uint8Array(60),
    storedSizeBytes: 100,
    durationMs: 1000,
    peaks: null,
  },
  via: "unit",
  playlistId: null,
  disclosureId: null,
  window: null,
};

function opened(heldBytes = 0) {
  const state = { closed: 0 };
  const audio: AudioRepresentation = {
    size: 100,
    heldBytes,
    async *read() {},
    readPieces: async () => [],
    discard: () => {},
    close: () => {
      state.closed++;
    },
  };
  return { audio, state };
}

const lookup = (overrides: Partial<ListenLookup> = {}): ListenLookup => ({
  sessionId: "session-1",
  input: { recordingId: RECORDING, playlistId: null, itemId: null },
  actorKey: "actor",
  freshness: {
    epoch: 7,
    recording: { unitId: "unit-a", staffMemberId: "staff-a", live: true },
    playlists: "digest-1",
  },
  nowMs: 1_000_000,
  ...overrides,
});

const fresh = lookup().freshness;
const clipTarget: ListenTarget = {
  ...target,
  via: "assigned",
  window: { itemId: "i", startMs: 0, endMs: 10, clipStartMs: 0, clipEndMs: 10 },
};

/** A cache holding one kept (and released) entry for lookup(). */
function cacheWithEntry() {
  const cache = new ListenCache();
  const { audio, state } = opened();
  expect(cache.acquire(lookup())).toBeNull();
  const kept = cache.keep(lookup(), target, audio, new Date(1_000_000 + 30 * 60_000));
  if (!kept) throw new Error("not kept");
  cache.release(kept);
  return { cache, state };
}

describe("ListenCache", () => {
  it("serves the same session, recording and actor while nothing has changed", () => {
    const { cache, state } = cacheWithEntry();
    const entry = cache.acquire(lookup({ nowMs: 1_000_000 + 1000 }));
    expect(entry?.target).toBe(target);
    if (entry) cache.release(entry);
    expect(state.closed).toBe(0);
  });

  it.each([
    ["the auth epoch moved", lookup({ freshness: { ...lookup().freshness, epoch: 8 } })],
    ["the recording is gone", lookup({ freshness: { ...fresh, recording: null } })],
    [
      "the key was erased",
      lookup({
        freshness: { ...fresh, recording: { unitId: "unit-a", staffMemberId: "staff-a", live: false } },
      }),
    ],
    [
      "the recording moved to another unit",
      lookup({
        freshness: { ...fresh, recording: { unitId: "unit-b", staffMemberId: "staff-a", live: true } },
      }),
    ],
    ["a playlist carrying the recording changed", lookup({ freshness: { ...fresh, playlists: "digest-2" } })],
    ["the actor differs", lookup({ actorKey: "actor without the disclosure" })],
    ["the TTL passed", lookup({ nowMs: 1_000_000 + LISTEN_CACHE_TTL_MS })],
  ])("refuses the entry and zeroes its key when %s", (_, changed) => {
    const { cache, state } = cacheWithEntry();
    expect(cache.acquire(changed)).toBeNull();
    expect(state.closed).toBe(1);
    expect(cache.size).toBe(0);
  });

  it("never serves another session or recording", () => {
    const { cache } = cacheWithEntry();
    expect(cache.acquire(lookup({ sessionId: "session-2" }))).toBeNull();
    expect(
      cache.acquire(lookup({ input: { recordingId: RECORDING, playlistId: "p", itemId: null } })),
    ).toBeNull();
  });

  it("zeroes a dropped key only once no response still reads with it", () => {
    const { cache, state } = cacheWithEntry();
    const reading = cache.acquire(lookup());
    if (!reading) throw new Error("not served");
    expect(cache.acquire(lookup({ freshness: { ...lookup().freshness, epoch: 9 } }))).toBeNull();
    expect(state.closed).toBe(0);
    cache.release(reading);
    expect(state.closed).toBe(1);
  });

  it("holds an entry unchecked for a read ahead; an unconfirmed one is zeroed only once released", () => {
    const { cache, state } = cacheWithEntry();
    const held = cache.hold("session-1", lookup().input);
    if (!held) throw new Error("not held");
    expect(cache.confirm(held, lookup({ freshness: { ...fresh, recording: null } }))).toBe(false);
    expect(cache.size).toBe(0);
    expect(state.closed).toBe(0);
    cache.release(held);
    expect(state.closed).toBe(1);
    expect(cache.hold("session-1", lookup().input)).toBeNull();
  });

  it("confirms a held entry only for the session and listen it was kept for", () => {
    const { cache, state } = cacheWithEntry();
    const held = cache.hold("session-1", lookup().input);
    if (!held) throw new Error("not held");
    expect(cache.confirm(held, lookup({ sessionId: "session-2" }))).toBe(false);
    expect(cache.size).toBe(1);
    expect(cache.confirm(held, lookup({ nowMs: 1_000_500 }))).toBe(true);
    cache.release(held);
    expect(state.closed).toBe(0);
  });

  it("a sweep with no request drops and zeroes the entries past their TTL", () => {
    const { cache, state } = cacheWithEntry();
    cache.sweep(1_000_000 + LISTEN_CACHE_TTL_MS - 1);
    expect(cache.size).toBe(1);
    cache.sweep(1_000_000 + LISTEN_CACHE_TTL_MS);
    expect(cache.size).toBe(0);
    expect(state.closed).toBe(1);
  });

  it("does not keep a decision made under an epoch that has moved on meanwhile", () => {
    const cache = new ListenCache();
    cache.acquire(lookup({ freshness: { ...lookup().freshness, epoch: 8 } }));
    const { audio } = opened();
    expect(cache.keep(lookup(), target, audio, new Date(2_000_000))).toBeNull();
  });

  it("keeps a clip, refuses it once its playlists change, and zeroes it then", () => {
    const cache = new ListenCache();
    cache.acquire(lookup());
    const { audio, state } = opened(100);
    const kept = cache.keep(lookup(), clipTarget, audio, new Date(2_000_000));
    if (!kept) throw new Error("not kept");
    cache.release(kept);
    expect(cache.clipBytes).toBe(100);
    const again = cache.acquire(lookup({ nowMs: 1_000_500 }));
    expect(again?.target.window?.itemId).toBe("i");
    if (again) cache.release(again);
    expect(cache.acquire(lookup({ freshness: { ...fresh, playlists: "digest-2" } }))).toBeNull();
    expect(state.closed).toBe(1);
    expect(cache.clipBytes).toBe(0);
  });

  it("holds at most MAX_HELD_CLIP_BYTES of clips, dropping the oldest, and never one larger", () => {
    const cache = new ListenCache();
    cache.acquire(lookup());
    const half = Math.floor(MAX_HELD_CLIP_BYTES / 2);
    const sessions = ["s1", "s2", "s3"].map((sessionId) => {
      const { audio, state } = opened(half);
      const kept = cache.keep(lookup({ sessionId }), clipTarget, audio, new Date(2_000_000));
      if (!kept) throw new Error("not kept");
      cache.release(kept);
      return state;
    });
    expect(sessions.map((state) => state.closed)).toEqual([1, 0, 0]);
    expect(cache.size).toBe(2);
    expect(cache.clipBytes).toBe(2 * half);
    expect(cache.acquire(lookup({ sessionId: "s1" }))).toBeNull();
    const { audio } = opened(MAX_HELD_CLIP_BYTES + 1);
    expect(cache.keep(lookup({ sessionId: "s4" }), clipTarget, audio, new Date(2_000_000))).toBeNull();
    expect(cache.size).toBe(2);
  });
});
