import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { DbOrTx } from "@kuulo/db/client";
import { recordings } from "@kuulo/db/schema";
import {
  AUDIT_ACTIONS,
  type AuditRefs,
  type AuditSentenceEvent,
  auditSentence,
  auditTexts,
} from "@kuulo/domain/audit";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveAuditRefs } from "../src/services/audit/resolve-audit-refs.js";
import { audit } from "../src/services/shared/audit.js";
import { unitId, userId } from "./helpers/fixtures.js";
import { contextFor, createTestApp, dataOf, type TestApp } from "./helpers/test-app.js";
import { mikkosRecording } from "./quality-fixtures.js";

const SOURCE = join(import.meta.dirname, "../src");
const format = { dateTime: (iso: string) => iso, number: (n: number) => String(n) };

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith(".ts") ? [path] : [];
  });
}

/** Every string literal in an `action:` expression (including both arms of a conditional). */
function writtenActions(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of sourceFiles(SOURCE)) {
    const text = readFileSync(file, "utf8");
    for (const match of text.matchAll(/\baction:\s*([^,]+)/g)) {
      for (const literal of (match[1] ?? "").matchAll(/["'`]([a-z0-9_]+(?:\.[a-z0-9_]+)+)["'`]/g))
        found.set(literal[1] ?? "", file.slice(SOURCE.length + 1));
    }
  }
  return found;
}

describe("every audit action the API writes reads as a sentence", () => {
  it("finds the actions the code writes, each in the domain's registry (which has fi and en texts)", () => {
    const written = writtenActions();
    expect(written.size).toBeGreaterThan(60);
    const registry = new Set<string>(AUDIT_ACTIONS);
    const missing = [...written]
      .filter(([action]) => !registry.has(action))
      .map(([a, file]) => `${a} (${file})`);
    expect(missing, "add these to AUDIT_ACTIONS with an fi and an en sentence").toEqual([]);
    for (const action of written.keys()) {
      expect(auditTexts("fi").actions[action as never], action).toBeDefined();
      expect(auditTexts("en").actions[action as never], action).toBeDefined();
    }
  });
});

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

interface FoundEvent extends AuditSentenceEvent {
  seq: number;
  targetId: string | null;
}

describe("audit events carry the names behind their ids", () => {
  it("names the actor, the target person and the unit of a role grant, in a sentence in fi and en", async () => {
    const admin = await t.signIn("admin");
    const ctx = await contextFor(t, admin);
    const mikko = await userId(t, "mikko.korhonen");
    const hki = await unitId(t, "HKI-ASPA");
    await audit(t.db, ctx, {
      action: "grant.create",
      outcome: "success",
      targetType: "user",
      targetId: mikko,
      details: { grantId: "g", role: "trainer", unitId: hki, endedSessions: 0 },
    });
    const cookie = await t.signIn("tietosuoja");
    const page = dataOf<{ items: FoundEvent[] }>(
      await t.query("audit.find", { action: "grant.create", limit: 5 }, cookie),
    );
    const event = page.items[0];
    expect(event?.refs).toMatchObject({
      actor: { kind: "person", name: "Anna Ylläpitäjä", username: "admin" },
      target: { kind: "person", name: "Mikko Korhonen" },
      unit: { kind: "unit", code: "HKI-ASPA" },
    });
    if (!event) throw new Error("no event");
    expect(auditSentence(auditTexts("en"), event, format)).toBe(
      "Anna Ylläpitäjä gave Mikko Korhonen the trainer role in Helsinki, asiakaspalvelu (HKI-ASPA)",
    );
    expect(auditSentence(auditTexts("fi"), event, format)).toBe(
      "Anna Ylläpitäjä antoi käyttäjälle Mikko Korhonen kouluttajan roolin yksikössä Helsinki, asiakaspalvelu (HKI-ASPA)",
    );
  });

  it("names a recording by staff member and call time, and one removed since as removed", async () => {
    const ctx = await contextFor(t, await t.signIn("kouluttaja"));
    const kept = await mikkosRecording(t);
    const removed = await mikkosRecording(t);
    for (const id of [kept, removed])
      await audit(t.db, ctx, {
        action: "recording.listen",
        outcome: "success",
        targetType: "recording",
        targetId: id,
      });
    await t.db.update(recordings).set({ deletedAt: t.clock.now() }).where(eq(recordings.id, removed));
    const cookie = await t.signIn("tietosuoja");
    const page = dataOf<{ items: FoundEvent[] }>(
      await t.query("audit.find", { action: "recording.listen", limit: 10 }, cookie),
    );
    const byTarget = new Map(page.items.map((item) => [item.targetId, item]));
    expect(byTarget.get(kept)?.refs.target).toMatchObject({ kind: "recording", staffName: "Mikko Korhonen" });
    expect(byTarget.get(removed)?.refs.target).toEqual({ kind: "removed" });
    const sentence = auditSentence(auditTexts("en"), byTarget.get(removed) as FoundEvent, format);
    expect(sentence).toBe("Liisa Laine listened to a recording since removed");
  });

  it("resolves a whole page of names in one statement, whatever the number of rows", async () => {
    const mikko = await userId(t, "mikko.korhonen");
    const rows = Array.from({ length: 40 }, (_, index) => ({
      actorType: "user",
      actorId: mikko,
      targetType: index % 2 ? "unit" : "user",
      targetId: mikko,
      details: { unitId: null, recordingId: "00000000-0000-4000-8000-000000000000" },
    }));
    let statements = 0;
    const counting = new Proxy(t.db, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver);
        if (property !== "execute" || typeof value !== "function") return value;
        return (...args: unknown[]) => {
          statements += 1;
          return value.apply(target, args);
        };
      },
    }) as DbOrTx;
    const refs: AuditRefs[] = await resolveAuditRefs(counting, rows);
    expect(statements).toBe(1);
    expect(refs[0]?.target).toMatchObject({ kind: "person", name: "Mikko Korhonen" });
    expect(refs[1]?.target).toEqual({ kind: "removed" });
    expect(refs[0]?.recording).toEqual({ kind: "removed" });
  });

  it("suggests people and recordings by name for the filters, and names an id kept in the URL", async () => {
    const cookie = await t.signIn("tietosuoja");
    const people = dataOf<{ id: string; ref: { name: string } }[]>(
      await t.query("audit.names", { type: "user", search: "korhon" }, cookie),
    );
    const mikko = await userId(t, "mikko.korhonen");
    expect(people.map((person) => person.id)).toContain(mikko);
    expect(people.find((person) => person.id === mikko)?.ref.name).toBe("Mikko Korhonen");
    const calls = dataOf<{ ref: { kind: string; staffName: string } }[]>(
      await t.query("audit.names", { type: "recording", search: "Mikko Kor" }, cookie),
    );
    expect(calls.length).toBeGreaterThan(0);
    expect(
      calls.every((call) => call.ref.kind === "recording" && call.ref.staffName === "Mikko Korhonen"),
    ).toBe(true);
    const byId = dataOf<{ id: string; ref: { name: string } }[]>(
      await t.query("audit.names", { type: "user", id: mikko }, cookie),
    );
    expect(byId).toEqual([
      { id: mikko, ref: { kind: "person", name: "Mikko Korhonen", username: "mikko.korhonen" } },
    ]);
    expect(dataOf<unknown[]>(await t.query("audit.names", { type: "unit", search: "" }, cookie))).toEqual([]);
  });

  it("exports readable columns in the reader's language beside the ids", async () => {
    const cookie = await t.signIn("tietosuoja");
    const fi = dataOf<{ csv: string }>(
      await t.call(
        "audit.export",
        { action: "grant.create", locale: "fi", timeZone: "Europe/Helsinki" },
        { cookie },
      ),
    );
    const [header, first] = fi.csv.split("\r\n");
    expect(header?.split(",").slice(0, 8)).toEqual([
      "Nro",
      "Aika (UTC)",
      "Aika",
      "Kuka",
      "Tapahtuma",
      "Toiminto",
      "Kohde",
      "Tulos",
    ]);
    expect(first).toContain("Anna Ylläpitäjä antoi käyttäjälle Mikko Korhonen kouluttajan roolin");
    expect(first).toContain("Rooli annettu");
    expect(first).toContain(await userId(t, "mikko.korhonen"));
    const en = dataOf<{ csv: string }>(
      await t.call("audit.export", { action: "grant.create", locale: "en" }, { cookie }),
    );
    expect(en.csv.split("\r\n")[0]?.startsWith("No.,Time (UTC),Time,Who,Event,Action,Target,Outcome")).toBe(
      true,
    );
    expect(en.csv).toContain("Anna Ylläpitäjä gave Mikko Korhonen the trainer role in Helsinki");
    expect(en.csv).not.toMatch(/\bR\d+\b/);
    const refused = await t.call("audit.export", { locale: "en", timeZone: "Not/AZone" }, { cookie });
    expect(refused.status).toBe(400);
  });
});
