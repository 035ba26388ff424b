import { validationError } from "@kuulo/domain/errors";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Opaque page position after a playlist in (created_at desc, id desc) order. */
export function encodePlaylistCursor(createdAt: Date, id: string): string {
  return Buffer.from(`${createdAt.toISOString()}|${id}`, "utf8").toString("base64url");
}

export function decodePlaylistCursor(value: string): { createdAt: Date; id: string } {
  const [time, id, ...rest] = Buffer.from(value, "base64url").toString("utf8").split("|");
  const createdAt = new Date(time ?? "");
  if (rest.length > 0 || !id || !UUID.test(id) || Number.isNaN(createdAt.getTime())) {
    throw validationError("after", "Not a playlist page cursor");
  }
  return { createdAt, id };
}
