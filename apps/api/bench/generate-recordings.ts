import type { Database } from "@kuulo/db/client";
import { staffMembers, units } from "@kuulo/db/schema";
import { sql } from "drizzle-orm";

export const BENCH_UNITS = 10;
export const BENCH_STAFF = 400;
/** Consecutive rows sharing one call time: 30 rows over 10 units = 3 ties per unit, so the id tie-break matters. */
const ROWS_PER_CALL_TIME = 30;

/**
 * Adds units (up to BENCH_UNITS, the demo's three included) and BENCH_STAFF staff members spread over them,
 * and a lookup table bench_staff(idx, staff_id, unit_id) the bulk insert joins against.
 */
export async function prepareBenchStaff(db: Database): Promise<void> {
  const existing = await db.select({ id: units.id, organisationId: units.organisationId }).from(units);
  const organisationId = existing[0]?.organisationId;
  if (!organisationId) throw new Error("seed the demo organisation first");
  const extra = Array.from({ length: BENCH_UNITS - existing.length }, (_, i) => ({
    organisationId,
    code: `BENCH-${String(i + 1).padStart(2, "0")}`,
    name: `Bench unit ${i + 1}`,
  }));
  if (extra.length > 0) await db.insert(units).values(extra);
  const unitIds = (await db.select({ id: units.id }).from(units)).map((unit) => unit.id).sort();
  const staff = Array.from({ length: BENCH_STAFF }, (_, i) => ({
    firstName: `Etu${i}`,
    lastName: `Suku${i}`,
    username: `bench.staff.${i}`,
    phoneNumber: `+3584000${String(i).padStart(5, "0")}`,
    unitId: unitIds[i % unitIds.length] ?? null,
  }));
  await db.insert(staffMembers).values(staff);
  await db.execute(sql`
    create table bench_staff as
      select (row_number() over (order by username) - 1)::int as idx, id as staff_id, unit_id
      from staff_members where username like 'bench.staff.%'`);
}

/**
 * Inserts recordings number fromExclusive+1 .. toInclusive with INSERT … SELECT generate_series, in batches.
 * Call times are whole minutes (milliseconds survive the JS round trip the cursor makes); durations spread
 * 20 s – 10 min; sizes follow 16 kbit/s stored and 128 kbit/s original.
 */
export async function insertBenchRecordings(
  db: Database,
  fromExclusive: number,
  toInclusive: number,
  onBatch?: (done: number) => void,
): Promise<void> {
  const batch = 100_000;
  for (let start = fromExclusive + 1; start <= toInclusive; start += batch) {
    const end = Math.min(toInclusive, start + batch - 1);
    await db.execute(sql`
      insert into recordings (source_system_id, source_recording_id, staff_member_id, unit_id, call_started_at,
        duration_ms, original_format, original_sha256, original_size_bytes, stored_format, stored_size_bytes,
        stored_sha256, storage_key, key_id, retention_category, purge_due_at)
      select 'bench', 'b-' || g, s.staff_id, s.unit_id,
        timestamptz '2025-01-01T06:00:00Z' + (g / ${ROWS_PER_CALL_TIME}) * interval '7 minutes',
        20000 + (g::bigint * 7919) % 580000, 'mp3', repeat('a', 64), (20000 + (g::bigint * 7919) % 580000) * 16, 'webm-opus',
        (20000 + (g::bigint * 7919) % 580000) * 2, repeat('b', 64), 'bench/' || g, 'bench', 'ordinary',
        timestamptz '2031-01-01T06:00:00Z' + (g / ${ROWS_PER_CALL_TIME}) * interval '7 minutes'
      from generate_series(${start}::int, ${end}::int) as g
      join bench_staff s on s.idx = g % ${BENCH_STAFF}`);
    onBatch?.(end);
  }
  await db.execute(sql`analyze recordings`);
}
