import { appendAuditEvent } from "@kuulo/db/audit";
import type { Database } from "@kuulo/db/client";
import { disclosureRecordings, disclosures, recordings, staffMembers, units, users } from "@kuulo/db/schema";
import { and, asc, eq } from "drizzle-orm";
import { DEMO_PROCESSOR } from "./demo-accounts.js";

const DAY_MS = 86_400_000;
const DEMO_DISCLOSED_CALLS = 3;

/**
 * Demo mode, first start: a training disclosure of three of Mikko's demo calls to the demo external
 * trainer, prepared and approved by two people (four eyes), valid for a month from yesterday, so that
 * account shows what an external trainer sees. Returns how many calls it discloses.
 */
export async function seedDisclosureDemo(db: Database, now: Date = new Date()): Promise<number> {
  const people = await db
    .select({ id: users.id, username: users.username, firstName: users.firstName, lastName: users.lastName })
    .from(users);
  const find = (username: string) => people.find((person) => person.username === username);
  const external = find("ulkoinen.kouluttaja");
  const trainer = find("kouluttaja");
  const officer = find("tietosuoja");
  if (!external || !trainer || !officer) return 0;
  const calls = await db
    .select({ id: recordings.id })
    .from(recordings)
    .innerJoin(staffMembers, eq(staffMembers.id, recordings.staffMemberId))
    .innerJoin(units, eq(units.id, recordings.unitId))
    .where(and(eq(staffMembers.username, "mikko.korhonen"), eq(units.code, "HKI-ASPA")))
    .orderBy(asc(recordings.callStartedAt))
    .limit(DEMO_DISCLOSED_CALLS);
  if (calls.length === 0) return 0;
  const validFrom = new Date(now.getTime() - DAY_MS);
  const validUntil = new Date(now.getTime() + 30 * DAY_MS);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(disclosures)
      .values({
        kind: "training",
        status: "active",
        preparedBy: trainer.id,
        approvedBy: officer.id,
        approvedAt: now,
        fields: {
          recipientName: `${external.firstName} ${external.lastName}`,
          recipientOrganisation: DEMO_PROCESSOR.name,
          recipientEmail: null,
          ndaReference: "DEMO-NDA-2026-01",
          ndaSignedOn: new Date(now.getTime() - 7 * DAY_MS).toISOString().slice(0, 10),
          purpose: "Asiakaspalvelukoulutus: hyvän palvelupuhelun rakenne (demo)",
          audienceAttestation: true,
        },
        recipientCountry: "FI",
        validFrom,
        validUntil,
        externalUserId: external.id,
        createdAt: now,
      })
      .returning({ id: disclosures.id });
    if (!row) throw new Error("seeding the demo disclosure failed");
    await tx
      .insert(disclosureRecordings)
      .values(calls.map((call) => ({ disclosureId: row.id, recordingId: call.id })));
    await appendAuditEvent(tx, {
      actorType: "system",
      actorId: null,
      actorLabel: "demo-start",
      ip: null,
      occurredAt: now,
      action: "disclosure.demo_seed",
      targetType: "disclosure",
      targetId: row.id,
      outcome: "success",
      details: { recordings: calls.length, externalUserId: external.id },
    });
    return calls.length;
  });
}
