import type { Database } from "@kuulo/db/client";
import type { MachineActor, SystemActor } from "@kuulo/domain/access";
import type { IngestConfig } from "../../env.js";
import type { Clock } from "../shared/service-context.js";
import type { RecordingStorage } from "./recording-storage.js";

/** Who brings recordings in (R5): the call recording system's machine token, or the operator's import. */
export interface IngestContext {
  db: Database;
  clock: Clock;
  storage: RecordingStorage;
  ingest: IngestConfig;
  actor: MachineActor | SystemActor;
  /** Shown in the audit log beside the actor id (token name, "cli import"). */
  actorLabel: string | null;
  ip: string | null;
}

export interface IngestInput {
  /** The metadata object exactly as received; validated here by the domain (R3, R4). */
  metadata: unknown;
  /** The original audio, already on local disk (a temp file or an import file). */
  audioPath: string;
  /** Fraction (0–1) of this recording's audio processed so far, for a progress display. */
  onProgress?: (fraction: number) => void;
}

export interface IngestResult {
  /** created: a new recording; existing: the same content was ingested before (idempotent replay). */
  outcome: "created" | "existing";
  id: string;
  sourceRecordingId: string;
  durationMs: number;
  /** SHA-256 of the original audio as received. */
  sha256: string;
}
