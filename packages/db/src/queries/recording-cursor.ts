/**
 * Position after the last row of a page: (call_started_at, id) in the time orders, (duration_ms, id)
 * in the duration orders, which is when durationMs is set.
 */
export interface RecordingCursor {
  callStartedAt: Date;
  id: string;
  durationMs?: number | undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const WHOLE = /^(0|[1-9][0-9]{0,9})$/;

/** Opaque to clients: base64url of "<ISO time>|<uuid>" or "<ISO time>|<uuid>|<duration ms>". */
export function encodeRecordingCursor(cursor: RecordingCursor): string {
  const parts = [cursor.callStartedAt.toISOString(), cursor.id];
  if (cursor.durationMs !== undefined) parts.push(String(cursor.durationMs));
  return Buffer.from(parts.join("|"), "utf8").toString("base64url");
}

/** Throws an error naming the field when the cursor was not produced by encodeRecordingCursor. */
export function decodeRecordingCursor(value: string): RecordingCursor {
  const [time, id, duration, ...rest] = Buffer.from(value, "base64url").toString("utf8").split("|");
  const callStartedAt = new Date(time ?? "");
  if (
    rest.length > 0 ||
    !id ||
    !UUID.test(id) ||
    Number.isNaN(callStartedAt.getTime()) ||
    (duration !== undefined && !WHOLE.test(duration))
  ) {
    throw new Error("cursor: not a recording page cursor");
  }
  return duration === undefined ? { callStartedAt, id } : { callStartedAt, id, durationMs: Number(duration) };
}
