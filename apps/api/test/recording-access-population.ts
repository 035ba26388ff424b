import { randomUUID } from "node:crypto";
import {
  disclosureRecordings,
  disclosures,
  playlistAssignments,
  playlistItems,
  playlists,
  recordings,
  users,
} from "@kuulo/db/schema";
import type { Role } from "@kuulo/domain/access";
import type { DisclosureStatus } from "@kuulo/domain/disclosure";
import { eq } from "drizzle-orm";
import { decodeToPcm } from "../src/media/decode-to-pcm.js";
import { sniffAudio } from "../src/media/sniff-audio.js";
import { transcodeToWebmOpus } from "../src/media/transcode-to-webm-opus.js";
import { type DisclosureTestApp, sessionFor } from "./disclosures-harness.js";
import { makeWav } from "./fixtures/audio/audio-fixtures.js";
import { makeUser, unitId } from "./helpers/fixtures.js";
import { insertStaff } from "./training-fixtures.js";

/**
 * A population that exercises every way to reach a recording (R10): own calls, a staff record in one
 * unit and the employee grant in another, an employee grant without a unit, playlists assigned to a
 * person and to a unit, unpublished and deleted playlists, training disclosures pending, active,
 * expired (by status and by window) and revoked, and clip items. `EXPECTED` says, for every person,
 * what the register's rules give them; every surface of the API must agree with it and with each other.
 */

export const DURATION_MS = 6000;

export const PEOPLE = [
  "ownEmployee",
  "splitEmployee",
  "allUnitsEmployee",
  "treEmployee",
  "hkiTrainer",
  "externalTrainer",
  "administrator",
] as const;
export type Person = (typeof PEOPLE)[number];

export const RECORDINGS = [
  "ownCall",
  "splitOwnCall",
  "byName",
  "treUnit",
  "hkiUnit",
  "unpublished",
  "deletedPlaylist",
  "disclosedActive",
  "disclosedPending",
  "disclosedExpiredWindow",
  "disclosedExpiredStatus",
  "disclosedRevoked",
] as const;
export type RecordingName = (typeof RECORDINGS)[number];

/** The clip each playlist item grants (milliseconds of the recording). */
export const CLIPS: Partial<Record<RecordingName, { startMs: number; endMs: number }>> = {
  byName: { startMs: 1000, endMs: 2000 },
  treUnit: { startMs: 2000, endMs: 3000 },
  hkiUnit: { startMs: 3000, endMs: 4000 },
  ownCall: { startMs: 4000, endMs: 4500 },
  unpublished: { startMs: 0, endMs: 1000 },
  deletedPlaylist: { startMs: 0, endMs: 1000 },
};

export type Reach = "whole" | "clip";

/** What each person may have of each recording; anything not listed: nothing. */
export const EXPECTED: Record<
  Person,
  { read: Partial<Record<RecordingName, Reach>>; listen: Partial<Record<RecordingName, Reach>> }
> = (() => {
  const same = (reach: Partial<Record<RecordingName, Reach>>) => ({ read: reach, listen: reach });
  const hkiAll = {
    ownCall: "whole",
    byName: "whole",
    hkiUnit: "whole",
    unpublished: "whole",
  } as const;
  return {
    // Own call (whole, although also a clip of an HKI playlist) and the HKI unit playlist's clip.
    ownEmployee: same({ ownCall: "whole", hkiUnit: "clip" }),
    // Staff record in TRE, employee grant in HKI: the TRE unit's playlist does NOT reach them.
    splitEmployee: same({ splitOwnCall: "whole", byName: "clip", hkiUnit: "clip", ownCall: "clip" }),
    // An employee grant without a unit: every unit's assignment reaches them.
    allUnitsEmployee: same({ treUnit: "clip", hkiUnit: "clip", ownCall: "clip" }),
    treEmployee: same({ treUnit: "clip" }),
    hkiTrainer: same(hkiAll),
    // Streaming only, and only the active disclosure; no recording.read at all.
    externalTrainer: { read: {}, listen: { disclosedActive: "whole" } },
    administrator: same({}),
  };
})();

export interface Population {
  people: Record<Person, { id: string; cookie: string }>;
  recordings: Record<RecordingName, string>;
  /** The playlist item whose clip a clip-only listener gets, per recording. */
  items: Partial<Record<RecordingName, { itemId: string; playlistId: string }>>;
  /** The decrypted stored WebM every recording holds (the same bytes for each). */
  stored: Uint8Array;
}

/** A rising tone: no two Opus packets are alike, so a frame's bytes say where in the call it was. */
function chirpPcm16(sampleRate: number, seconds: number): Uint8Array {
  const frames = Math.round(sampleRate * seconds);
  const bytes = new Uint8Array(frames * 2);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < frames; i++) {
    const time = i / sampleRate;
    const phase = 2 * Math.PI * (200 * time + (300 / seconds) * time * time);
    view.setInt16(i * 2, Math.round(0.5 * 32767 * Math.sin(phase)), true);
  }
  return bytes;
}

/** The stored WebM of a DURATION_MS chirp: every frame's bytes say where in the call it was. */
export async function storedWebm(): Promise<Uint8Array> {
  const wav = makeWav({ sampleRate: 16000, data: chirpPcm16(16000, DURATION_MS / 1000) });
  const { pcm } = await decodeToPcm(wav, sniffAudio(wav));
  return transcodeToWebmOpus(pcm);
}

export async function buildPopulation(app: DisclosureTestApp): Promise<Population> {
  const { t, store } = app;
  const now = t.clock.now();
  const stored = await storedWebm();
  const hki = await unitId(t, "HKI-ASPA");
  const tre = await unitId(t, "TRE-ASPA");

  const person = async (
    grants: { role: Role; unitCode: string | null }[],
    staffMemberId: string | null = null,
  ) => {
    const user = await makeUser(t, { grants, totp: true });
    if (staffMemberId) await t.db.update(users).set({ staffMemberId }).where(eq(users.id, user.id));
    return user.id;
  };
  const ownStaff = await insertStaff(t, "HKI-ASPA");
  const splitStaff = await insertStaff(t, "TRE-ASPA");
  const otherHki = await insertStaff(t, "HKI-ASPA");
  const otherTre = await insertStaff(t, "TRE-ASPA");
  const ids: Record<Person, string> = {
    ownEmployee: await person([{ role: "employee", unitCode: "HKI-ASPA" }], ownStaff),
    splitEmployee: await person([{ role: "employee", unitCode: "HKI-ASPA" }], splitStaff),
    allUnitsEmployee: await person([{ role: "employee", unitCode: null }]),
    treEmployee: await person([{ role: "employee", unitCode: "TRE-ASPA" }]),
    hkiTrainer: await person([{ role: "trainer", unitCode: "HKI-ASPA" }]),
    externalTrainer: await person([{ role: "external_trainer", unitCode: null }]),
    administrator: await person([{ role: "administrator", unitCode: null }]),
  };

  const record = async (unit: string, staffMemberId: string) => {
    const storageKey = `rec/${randomUUID()}`;
    const put = await store.putEncrypted(storageKey, stored);
    const [row] = await t.db
      .insert(recordings)
      .values({
        sourceSystemId: "parity",
        sourceRecordingId: storageKey,
        staffMemberId,
        unitId: unit,
        callStartedAt: new Date(now.getTime() - 86_400_000),
        durationMs: DURATION_MS,
        originalFormat: "wav-pcm16",
        originalSha256: "a".repeat(64),
        originalSizeBytes: 6000,
        storedFormat: "webm-opus",
        storedSizeBytes: stored.length,
        storedSha256: "b".repeat(64),
        storageKey,
        wrappedDataKey: put.wrappedKey,
        keyId: put.keyId,
        // 120 buckets of 50 ms each, so a sliced waveform can be checked bucket by bucket.
        peaks: Array.from({ length: 240 }, (_, index) =>
          index % 2 === 0 ? -Math.floor(index / 2) % 100 : Math.floor(index / 2) % 100,
        ),
        retentionCategory: "ordinary",
      })
      .returning({ id: recordings.id });
    if (!row) throw new Error("insert failed");
    return row.id;
  };
  const rec: Record<RecordingName, string> = {
    ownCall: await record(hki, ownStaff),
    splitOwnCall: await record(tre, splitStaff),
    byName: await record(hki, otherHki),
    treUnit: await record(tre, otherTre),
    hkiUnit: await record(hki, otherHki),
    unpublished: await record(hki, otherHki),
    deletedPlaylist: await record(tre, otherTre),
    disclosedActive: await record(tre, otherTre),
    disclosedPending: await record(tre, otherTre),
    disclosedExpiredWindow: await record(tre, otherTre),
    disclosedExpiredStatus: await record(tre, otherTre),
    disclosedRevoked: await record(tre, otherTre),
  };

  const items: Population["items"] = {};
  const playlist = async (
    unit: string,
    published: boolean,
    names: RecordingName[],
    assign: { unitId?: string; userId?: string },
  ) => {
    const [row] = await t.db
      .insert(playlists)
      .values({
        title: "Pariteetti",
        unitId: unit,
        status: published ? "published" : "draft",
        publishedAt: published ? now : null,
      })
      .returning({ id: playlists.id });
    if (!row) throw new Error("insert failed");
    for (const [position, name] of names.entries()) {
      const clip = CLIPS[name];
      if (!clip) throw new Error(`no clip for ${name}`);
      const [item] = await t.db
        .insert(playlistItems)
        .values({
          playlistId: row.id,
          position,
          recordingId: rec[name],
          clipStartMs: clip.startMs,
          clipEndMs: clip.endMs,
        })
        .returning({ id: playlistItems.id });
      if (!item) throw new Error("insert failed");
      if (published) items[name] = { itemId: item.id, playlistId: row.id };
    }
    await t.db.insert(playlistAssignments).values({ playlistId: row.id, ...assign });
    return row.id;
  };
  await playlist(hki, true, ["byName"], { userId: ids.splitEmployee });
  await playlist(tre, true, ["treUnit"], { unitId: tre });
  await playlist(hki, true, ["hkiUnit", "ownCall"], { unitId: hki });
  await playlist(hki, false, ["unpublished"], { unitId: hki });
  const deleted = await playlist(tre, true, ["deletedPlaylist"], { unitId: tre });
  await t.db.delete(playlists).where(eq(playlists.id, deleted));
  delete items.deletedPlaylist;

  const disclose = async (
    name: RecordingName,
    status: DisclosureStatus,
    window: { validFrom: Date; validUntil: Date },
    revokedAt: Date | null = null,
  ) => {
    const [row] = await t.db
      .insert(disclosures)
      .values({
        kind: "training",
        status,
        fields: { recipientOrganisation: "Koulutuspalvelu Oy" },
        recipientCountry: "FI",
        ...window,
        externalUserId: ids.externalTrainer,
        approvedAt: status === "pending_approval" ? null : now,
        revokedAt,
      })
      .returning({ id: disclosures.id });
    if (!row) throw new Error("insert failed");
    await t.db.insert(disclosureRecordings).values({ disclosureId: row.id, recordingId: rec[name] });
  };
  const day = 86_400_000;
  const current = { validFrom: new Date(now.getTime() - day), validUntil: new Date(now.getTime() + 7 * day) };
  const past = { validFrom: new Date(now.getTime() - 9 * day), validUntil: new Date(now.getTime() - day) };
  await disclose("disclosedActive", "active", current);
  await disclose("disclosedPending", "pending_approval", current);
  await disclose("disclosedExpiredWindow", "active", past);
  await disclose("disclosedExpiredStatus", "expired", past);
  await disclose("disclosedRevoked", "revoked", current, new Date(now.getTime() - 1000));

  const people = {} as Population["people"];
  for (const name of PEOPLE) people[name] = { id: ids[name], cookie: await sessionFor(t, ids[name]) };
  return { people, recordings: rec, items, stored };
}
