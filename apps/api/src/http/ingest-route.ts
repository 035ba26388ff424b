import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { join } from "node:path";
import { decide } from "@kuulo/domain/access";
import { DomainError, validationError } from "@kuulo/domain/errors";
import type { FastifyInstance } from "fastify";
import { authenticateApiToken } from "../auth/api-tokens.js";
import { auditIngestDenied } from "../services/recordings/audit-ingest-denied.js";
import { ingestTempRoot } from "../services/recordings/clean-ingest-temp.js";
import { ingestRecording } from "../services/recordings/ingest.js";
import type { IngestResult } from "../services/recordings/ingest-types.js";
import type { RecordingStorage } from "../services/recordings/recording-storage.js";
import type { AppDeps } from "../trpc/context.js";
import { IngestRateLimit } from "./ingest-rate-limit.js";
import { readIngestMultipart } from "./read-ingest-multipart.js";
import { sendError } from "./send-error.js";

export const INGEST_PATH = "/ingest/v1/recordings";

function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer ([^\s]+)$/.exec(header ?? "");
  return match?.[1] ?? null;
}

function parseMetadataJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw validationError("metadata", "Part metadata is not valid JSON", "R3", "metadata.not_json");
  }
}

/**
 * The call recording system's door (R5): a machine token with the recording.ingest scope, multipart
 * `metadata` (JSON) + `audio` (file). 201 for a new recording, 200 for an identical replay.
 */
export function registerIngestRoute(app: FastifyInstance, deps: AppDeps, storage: RecordingStorage) {
  // The body is streamed by busboy in the handler, never buffered by Fastify.
  app.addContentTypeParser("multipart/form-data", (_request, _payload, done) => done(null, undefined));
  const rateLimit = new IngestRateLimit(deps.config.ingest.ratePerMinute);

  app.post(INGEST_PATH, async (request, reply) => {
    const now = deps.clock.now();
    const token = bearerToken(request.headers.authorization);
    const actor = token ? await authenticateApiToken(deps.db, token, now) : null;
    if (!actor) {
      return sendError(
        request,
        reply.header("www-authenticate", "Bearer"),
        new DomainError("UNAUTHENTICATED", "A valid ingest token is required (Authorization: Bearer …)", {
          rule: "R5",
          reason: "token.invalid",
        }),
      );
    }
    const decision = decide(actor, "recording.ingest");
    if (!decision.allowed) {
      await auditIngestDenied(deps.db, {
        tokenId: actor.tokenId,
        path: INGEST_PATH,
        ip: request.clientIp,
        now,
        reason: decision.reason,
      });
      return sendError(
        request,
        reply,
        new DomainError("FORBIDDEN", "This token lacks the recording.ingest scope", {
          rule: "R5",
          reason: "permission.missing",
        }),
      );
    }

    const allowance = rateLimit.take(actor.tokenId, now);
    if (!allowance.ok) {
      // Refused before the body is read; closing the connection drops the unread upload.
      return sendError(
        request,
        reply.header("retry-after", String(allowance.retryAfterSeconds)).header("connection", "close"),
        new DomainError(
          "RATE_LIMITED",
          `Too many uploads with this token; retry in ${allowance.retryAfterSeconds} s`,
          {
            rule: "R5",
            reason: "ingest.rate_limited",
            details: { retryAfterSeconds: allowance.retryAfterSeconds },
          },
        ),
      );
    }

    // Inside the data directory (not /tmp): the original audio is plaintext until it is processed.
    const tempRoot = ingestTempRoot(deps.config.dataDir);
    await mkdir(tempRoot, { recursive: true, mode: 0o700 });
    const tempDir = await mkdtemp(join(tempRoot, "ingest-"));
    let outcome: { ok: true; result: IngestResult } | { ok: false; error: unknown };
    try {
      const upload = await readIngestMultipart(request, { maxBytes: deps.config.ingest.maxBytes, tempDir });
      const result = await ingestRecording({
        ctx: {
          db: deps.db,
          clock: deps.clock,
          storage,
          ingest: deps.config.ingest,
          actor,
          actorLabel: null,
          ip: request.clientIp,
        },
        input: { metadata: parseMetadataJson(upload.metadataText), audioPath: upload.audioPath },
      });
      outcome = { ok: true, result };
    } catch (error) {
      outcome = { ok: false, error };
    }
    // Removed before answering, so a client that sees the response never sees the temp file.
    await rm(tempDir, { recursive: true, force: true });
    if (!outcome.ok) {
      const { error } = outcome;
      if (error instanceof DomainError && error.code === "PAYLOAD_TOO_LARGE")
        reply.header("connection", "close");
      return sendError(request, reply, error);
    }
    const { result } = outcome;
    return reply
      .code(result.outcome === "created" ? 201 : 200)
      .header("cache-control", "no-store")
      .send({
        id: result.id,
        sourceRecordingId: result.sourceRecordingId,
        durationMs: result.durationMs,
        sha256: result.sha256,
      });
  });
}
