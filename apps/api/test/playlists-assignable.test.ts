import { auditEvents, playlists } from "@kuulo/db/schema";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AssignableUser } from "../src/services/playlists/find-assignable-users.js";
import type { PlaylistDetail } from "../src/services/playlists/playlist-view.js";
import { makeUser, unitId } from "./helpers/fixtures.js";
import { createTestApp, dataOf, type TestApp, type TrpcResponse } from "./helpers/test-app.js";
import { insertRecording, insertStaff, signedInUser } from "./training-fixtures.js";

/**
 * playlists.assignableUsers offers exactly the people playlists.assign accepts: active employees of the
 * trainer's units, found by name, and assigning one of them reaches that person's My training.
 */

let t: TestApp;
let trainer = "";
let hki = "";
let tre = "";
let playlistId = "";
let hkiEmployee: { id: string; username: string; cookie: string };
let treEmployee: { id: string; username: string; cookie: string };
let deactivatedId = "";

const refusal = (response: TrpcResponse) => ({
  status: response.status,
  ...response.body.error?.data.domain,
});

const assignable = async (input: { playlistId: string; search?: string }) =>
  dataOf<{ items: AssignableUser[] }>(await t.query("playlists.assignableUsers", input, trainer)).items;

beforeAll(async () => {
  t = await createTestApp();
  trainer = await t.signIn("kouluttaja");
  hki = await unitId(t, "HKI-ASPA");
  tre = await unitId(t, "TRE-ASPA");
  hkiEmployee = await signedInUser(t, [{ role: "employee", unitCode: "HKI-ASPA" }]);
  treEmployee = await signedInUser(t, [{ role: "employee", unitCode: "TRE-ASPA" }]);
  deactivatedId = (
    await makeUser(t, { grants: [{ role: "employee", unitCode: "HKI-ASPA" }], status: "deactivated" })
  ).id;
  const staff = await insertStaff(t, "HKI-ASPA", "Virtanen");
  const recordingId = await insertRecording(t, {
    unitCode: "HKI-ASPA",
    staffMemberId: staff,
    durationMs: 30_000,
  });
  const created = dataOf<PlaylistDetail>(
    await t.call("playlists.create", { title: "Nimetyt", unitId: hki }, { cookie: trainer }),
  );
  playlistId = created.id;
  dataOf(
    await t.call(
      "playlists.setItems",
      { playlistId, items: [{ recordingId, clipStartMs: 0, clipEndMs: 10_000, note: "Avaus" }] },
      { cookie: trainer },
    ),
  );
  dataOf(await t.call("playlists.publish", { playlistId }, { cookie: trainer }));
});

afterAll(async () => {
  await t.close();
});

describe("finding the people a trainer may assign", () => {
  it("lists active employees of the trainer's unit with minimal fields, not another unit's", async () => {
    const items = await assignable({ playlistId });
    const ids = items.map((item) => item.id);
    expect(ids).toContain(hkiEmployee.id);
    expect(ids).not.toContain(treEmployee.id);
    expect(ids).not.toContain(deactivatedId);
    expect(items.every((item) => item.unitIds.length > 0 && item.unitIds.every((u) => u === hki))).toBe(true);
    const mine = items.find((item) => item.id === hkiEmployee.id);
    expect(Object.keys(mine ?? {}).sort()).toEqual(["firstName", "id", "lastName", "unitIds", "username"]);
    expect(mine).toMatchObject({ username: hkiEmployee.username, unitIds: [hki] });
    // Mikko of the seed is an HKI-ASPA employee; the trainer is no employee and is not offered.
    expect(items.map((item) => item.username)).toContain("mikko.korhonen");
    expect(items.map((item) => item.username)).not.toContain("kouluttaja");
  });

  it("searches by name and username", async () => {
    const byUsername = await assignable({ playlistId, search: hkiEmployee.username });
    expect(byUsername.map((item) => item.id)).toEqual([hkiEmployee.id]);
    const mikko = await assignable({ playlistId, search: "korhonen" });
    expect(mikko.map((item) => item.username)).toContain("mikko.korhonen");
    expect(mikko.map((item) => item.id)).not.toContain(hkiEmployee.id);
    expect(await assignable({ playlistId, search: treEmployee.username })).toEqual([]);
    expect(await assignable({ playlistId, search: "%" })).toEqual([]);
  });

  it("is FORBIDDEN on another unit's playlist (audited) and for an employee", async () => {
    const [foreign] = await t.db.insert(playlists).values({ title: "Tampere", unitId: tre }).returning();
    const response = await t.query("playlists.assignableUsers", { playlistId: foreign?.id }, trainer);
    expect(refusal(response)).toMatchObject({ status: 403, code: "FORBIDDEN", rule: "R10" });
    const denials = await t.db
      .select({ action: auditEvents.action, outcome: auditEvents.outcome })
      .from(auditEvents)
      .where(eq(auditEvents.targetId, foreign?.id ?? ""));
    expect(denials).toEqual([expect.objectContaining({ outcome: "denied" })]);
    const byEmployee = await t.query("playlists.assignableUsers", { playlistId }, hkiEmployee.cookie);
    expect(refusal(byEmployee)).toMatchObject({ status: 403 });
  });
});

describe("assigning a person found in the picker", () => {
  it("assigns the named employee, who then sees the playlist in My training", async () => {
    const [found] = await assignable({ playlistId, search: hkiEmployee.username });
    const assigned = dataOf<PlaylistDetail>(
      await t.call("playlists.assign", { playlistId, userIds: [found?.id] }, { cookie: trainer }),
    );
    expect(assigned.assignments).toEqual([
      expect.objectContaining({ kind: "user", userId: hkiEmployee.id, username: hkiEmployee.username }),
    ]);
    const mine = dataOf<{ items: { id: string; via: string }[] }>(
      await t.query("training.myPlaylists", undefined, hkiEmployee.cookie),
    );
    expect(mine.items.map((item) => item.id)).toContain(playlistId);
    const theirs = dataOf<{ items: { id: string }[] }>(
      await t.query("training.myPlaylists", undefined, treEmployee.cookie),
    );
    expect(theirs.items.map((item) => item.id)).not.toContain(playlistId);
  });

  it("refuses a person the picker does not offer (another unit's employee, a deactivated account)", async () => {
    const other = await t.call(
      "playlists.assign",
      { playlistId, userIds: [treEmployee.id] },
      { cookie: trainer },
    );
    expect(refusal(other)).toMatchObject({ status: 403, reason: "scope.outside", field: "userIds.0" });
    const gone = await t.call(
      "playlists.assign",
      { playlistId, userIds: [deactivatedId] },
      { cookie: trainer },
    );
    expect(refusal(gone)).toMatchObject({ status: 400, field: "userIds.0", reason: "user.deactivated" });
    const detail = dataOf<PlaylistDetail>(await t.query("playlists.get", { playlistId }, trainer));
    expect(detail.assignments.map((a) => a.userId)).toEqual([hkiEmployee.id]);
  });
});
