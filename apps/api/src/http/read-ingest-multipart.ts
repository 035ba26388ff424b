import { createWriteStream } from "node:fs";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import { DomainError, validationError } from "@kuulo/domain/errors";
import busboy from "busboy";
import type { FastifyRequest } from "fastify";

/** The metadata part is small JSON; anything bigger is not R3 metadata. */
export const MAX_METADATA_BYTES = 64 * 1024;

export interface IngestUpload {
  metadataText: string;
  audioPath: string;
  audioBytes: number;
}

const tooLarge = (maxBytes: number) =>
  new DomainError("PAYLOAD_TOO_LARGE", `Audio exceeds the limit of ${maxBytes} bytes`, {
    field: "audio",
    reason: "audio.too_large",
  });

/**
 * Reads `metadata` (JSON, field or file part) and `audio` (file part) from a multipart request, writing
 * the audio to a private temp file and refusing it as soon as it passes maxBytes.
 */
export async function readIngestMultipart(
  request: FastifyRequest,
  /** tempDir: a private directory the caller created and removes whatever happens. */
  options: { maxBytes: number; tempDir: string },
): Promise<IngestUpload> {
  const contentType = request.headers["content-type"] ?? "";
  if (!/^multipart\/form-data;/i.test(contentType)) {
    throw new DomainError("UNSUPPORTED_MEDIA", "Send multipart/form-data with parts metadata and audio", {
      field: "body",
      reason: "ingest.not_multipart",
    });
  }
  const declared = Number(request.headers["content-length"]);
  if (Number.isFinite(declared) && declared > options.maxBytes + MAX_METADATA_BYTES + 64 * 1024) {
    throw tooLarge(options.maxBytes);
  }
  const audioPath = join(options.tempDir, "audio");
  // Written from parser callbacks, so kept in one object rather than narrowed locals.
  const got = {
    failure: null as DomainError | null,
    metadataText: null as string | null,
    audioBytes: 0,
    sawAudio: false,
  };
  const fail = (error: DomainError) => {
    got.failure ??= error;
  };
  const writes: Promise<void>[] = [];

  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: request.headers,
      limits: { files: 3, fields: 3, parts: 4, fileSize: options.maxBytes, fieldSize: MAX_METADATA_BYTES },
    });
  } catch {
    throw validationError("body", "Malformed multipart request (no boundary)");
  }
  parser.on("field", (name, value, info) => {
    if (name !== "metadata")
      return fail(validationError(name, `Unexpected part "${name}": send only metadata and audio`, "R4"));
    if (info.valueTruncated) return fail(validationError("metadata", "Metadata part is too large"));
    if (got.metadataText !== null) return fail(validationError("metadata", "Send one metadata part"));
    got.metadataText = value;
  });
  parser.on("file", (name, stream) => {
    if (name === "audio" && !got.sawAudio) {
      got.sawAudio = true;
      stream.on("data", (chunk: Buffer) => {
        got.audioBytes += chunk.length;
      });
      stream.on("limit", () => fail(tooLarge(options.maxBytes)));
      writes.push(pipeline(stream, createWriteStream(audioPath, { mode: 0o600, flags: "wx" })));
    } else if (name === "metadata" && got.metadataText === null) {
      const parts: Buffer[] = [];
      let size = 0;
      stream.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size <= MAX_METADATA_BYTES) parts.push(chunk);
      });
      stream.on("end", () => {
        if (size > MAX_METADATA_BYTES) fail(validationError("metadata", "Metadata part is too large"));
        else got.metadataText = Buffer.concat(parts).toString("utf8");
      });
    } else {
      fail(validationError(name, `Unexpected part "${name}": send only metadata and audio`, "R4"));
      stream.resume();
    }
  });
  const limit = () => fail(validationError("body", "Too many parts: send only metadata and audio"));
  parser.on("partsLimit", limit);
  parser.on("filesLimit", limit);
  parser.on("fieldsLimit", limit);

  try {
    await pipeline(request.raw, parser);
  } catch {
    fail(validationError("body", "Malformed multipart request"));
  }
  try {
    await Promise.all(writes);
  } catch {
    fail(validationError("audio", "The audio part could not be received completely"));
  }
  if (got.failure) throw got.failure;
  if (got.metadataText === null) throw validationError("metadata", "Part metadata (JSON) is missing", "R3");
  if (!got.sawAudio) throw validationError("audio", "Part audio (file) is missing", "R5");
  return { metadataText: got.metadataText, audioPath, audioBytes: got.audioBytes };
}
