/** Position after the last row of a page, in the (call_started_at desc, id desc) order. */
export interface RecordingCursor {
  callStartedAt: Date;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Opaque to clients: base64url of "<ISO time>|<uuid>". */
export function encodeRecordingCursor(cursor: RecordingCursor): string {
  return Buffer.from(`${cursor.callStartedAt.toISOString()}|${cursor.id}`, "utf8").toString("base64url");
}

/** Throws an error naming the field when the cursor was not produced by encodeRecordingCursor. */
export function decodeRecordingCursor(value: string): RecordingCursor {
  const [time, id, ...rest] = Buffer.from(value, "base64url").toString("utf8").split("|");
  const callStartedAt = new Date(time ?? "");
  if (rest.length > 0 || !id || !UUID.test(id) || Number.isNaN(callStartedAt.getTime())) {
    throw new Error("cursor: not a recording page cursor");
  }
  return { callStartedAt, id };
}
