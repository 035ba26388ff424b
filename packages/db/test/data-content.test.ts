import { getTableConfig } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { recordings, staffMembers } from "../src/schema/index.js";

const columnNames = (table: Parameters<typeof getTableConfig>[0]) =>
  getTableConfig(table)
    .columns.map((column) => column.name)
    .sort();

// R3/R4: adding a column to these tables must be a deliberate decision against the register, made here.
describe("R3 data content", () => {
  it("keeps exactly the register's staff data (name, username, phone) plus keys and scoping", () => {
    expect(columnNames(staffMembers)).toEqual(
      [
        "created_at",
        "first_name",
        "id",
        "last_name",
        "phone_number",
        "unit_id",
        "updated_at",
        "user_id",
        "username",
      ].sort(),
    );
  });

  it("keeps only the call time, technical audio metadata, scoping and lifecycle on a recording", () => {
    expect(columnNames(recordings)).toEqual(
      [
        "call_started_at",
        "deleted_at",
        "duration_ms",
        "id",
        "ingested_at",
        "key_id",
        "legal_hold",
        "original_format",
        "original_sha256",
        "original_size_bytes",
        "peaks",
        "purge_due_at",
        "retention_category",
        "source_recording_id",
        "source_system_id",
        "staff_member_id",
        "storage_key",
        "stored_format",
        "stored_sha256",
        "stored_size_bytes",
        "unit_id",
        "wrapped_data_key",
      ].sort(),
    );
  });
});
