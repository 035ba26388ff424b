import {
  disclosureRecordings,
  disclosures,
  playlistAssignments,
  playlistItems,
  playlists,
  recordings,
  staffMembers,
  users,
} from "@kuulo/db/schema";
import { eq } from "drizzle-orm";
import { makeUser, unitId } from "./helpers/fixtures.js";
import { cookieFrom, type TestApp } from "./helpers/test-app.js";

/** Set-up helpers for the playlists and training tests: rows inserted directly, not under test. */

let serial = 0;

export async function insertStaff(t: TestApp, unitCode: string, lastName = "Puhuja"): Promise<string> {
  serial += 1;
  const [row] = await t.db
    .insert(staffMembers)
    .values({
      firstName: "Saara",
      lastName,
      username: `staff${serial}.${Math.random().toString(36).slice(2, 7)}`,
      phoneNumber: "+358401110000",
      unitId: await unitId(t, unitCode),
    })
    .returning({ id: staffMembers.id });
  if (!row) throw new Error("insert failed");
  return row.id;
}

export async function staffMemberOf(t: TestApp, username: string): Promise<string> {
  const [row] = await t.db
    .select({ id: users.staffMemberId })
    .from(users)
    .where(eq(users.username, username));
  if (!row?.id) throw new Error(`${username} is no staff member`);
  return row.id;
}

export async function insertRecording(
  t: TestApp,
  options: { unitCode: string; staffMemberId: string; durationMs?: number; callStartedAt?: Date },
): Promise<string> {
  serial += 1;
  const key = `training-test/${serial}/${Math.random().toString(36).slice(2)}`;
  const callStartedAt = options.callStartedAt ?? new Date(t.clock.now().getTime() - serial * 3_600_000);
  const [row] = await t.db
    .insert(recordings)
    .values({
      sourceSystemId: "recorder",
      sourceRecordingId: key,
      staffMemberId: options.staffMemberId,
      unitId: await unitId(t, options.unitCode),
      callStartedAt,
      durationMs: options.durationMs ?? 60_000,
      originalFormat: "wav-pcm16",
      originalSha256: "a".repeat(64),
      originalSizeBytes: 1000,
      storedFormat: "webm-opus",
      storedSizeBytes: 100,
      storedSha256: "b".repeat(64),
      storageKey: key,
      keyId: "k1",
      peaks: [0.1, 0.4, 0.2],
      retentionCategory: "ordinary",
    })
    .returning({ id: recordings.id });
  if (!row) throw new Error("insert failed");
  return row.id;
}

/** A published playlist of one item, assigned to a unit, written straight to the tables. */
export async function insertPublishedPlaylist(
  t: TestApp,
  options: { unitCode: string; recordingId: string; assignUnitCode?: string; assignUserId?: string },
): Promise<{ playlistId: string; itemId: string }> {
  const now = t.clock.now();
  const [playlist] = await t.db
    .insert(playlists)
    .values({
      title: "Valmis soittolista",
      unitId: await unitId(t, options.unitCode),
      status: "published",
      publishedAt: now,
    })
    .returning({ id: playlists.id });
  if (!playlist) throw new Error("insert failed");
  const [item] = await t.db
    .insert(playlistItems)
    .values({
      playlistId: playlist.id,
      position: 0,
      recordingId: options.recordingId,
      clipStartMs: 0,
      clipEndMs: 1000,
    })
    .returning({ id: playlistItems.id });
  if (!item) throw new Error("insert failed");
  if (options.assignUnitCode) {
    await t.db
      .insert(playlistAssignments)
      .values({ playlistId: playlist.id, unitId: await unitId(t, options.assignUnitCode) });
  }
  if (options.assignUserId) {
    await t.db.insert(playlistAssignments).values({ playlistId: playlist.id, userId: options.assignUserId });
  }
  return { playlistId: playlist.id, itemId: item.id };
}

/** An active training disclosure of these recordings to a person, valid for the next `days`. */
export async function insertActiveDisclosure(
  t: TestApp,
  options: { externalUserId: string; recordingIds: string[]; playlistId?: string; days?: number },
): Promise<string> {
  const now = t.clock.now();
  const [row] = await t.db
    .insert(disclosures)
    .values({
      kind: "training",
      status: "active",
      fields: {
        recipientOrganisation: "Koulutuspalvelu Oy",
        ...(options.playlistId ? { playlistId: options.playlistId } : {}),
      },
      recipientCountry: "FI",
      validFrom: new Date(now.getTime() - 60_000),
      validUntil: new Date(now.getTime() + (options.days ?? 7) * 86_400_000),
      externalUserId: options.externalUserId,
      approvedAt: now,
    })
    .returning({ id: disclosures.id });
  if (!row) throw new Error("insert failed");
  await t.db
    .insert(disclosureRecordings)
    .values(options.recordingIds.map((recordingId) => ({ disclosureId: row.id, recordingId })));
  return row.id;
}

export const OTHER_PASSWORD = "kolme karhua kävelee metsässä";

/** A signed-in person who is not a demo account, e.g. an employee of another unit. */
export async function signedInUser(
  t: TestApp,
  grants: { role: "employee" | "trainer"; unitCode: string }[],
): Promise<{ id: string; username: string; cookie: string }> {
  const user = await makeUser(t, { grants, password: OTHER_PASSWORD });
  const response = await t.call("auth.signIn", { username: user.username, password: OTHER_PASSWORD });
  if (response.status !== 200) throw new Error(`sign-in failed: ${JSON.stringify(response.body)}`);
  return { id: user.id, username: user.username, cookie: cookieFrom(response.setCookie) };
}
