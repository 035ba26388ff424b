import type { DbOrTx } from "@kuulo/db/client";
import { apiTokens } from "@kuulo/db/schema";
import { DomainError } from "@kuulo/domain/errors";
import { generateApiToken } from "../../auth/api-tokens.js";
import { type AuditWhat, audit } from "../shared/audit.js";
import { authorize } from "../shared/authorize.js";
import type { AuthedContext } from "../shared/service-context.js";
import { type ApiTokenView, toApiTokenView } from "./api-token-view.js";

/** The only scope a machine token can carry (R5: recordings come only from the recording system). */
export const API_TOKEN_SCOPES = ["recording.ingest"] as const;

export interface CreateApiTokenInput {
  name: string;
  expiresAt: string | null;
}

/** Inserts a token and its audit row in `tx`; shared by the procedure and the operator CLI. */
export async function insertApiToken(
  tx: DbOrTx,
  input: CreateApiTokenInput & { createdBy: string | null; now: Date },
  writeAudit: (what: AuditWhat) => Promise<unknown>,
): Promise<{ token: string; apiToken: ApiTokenView }> {
  // A token born expired would be shown once and never work: the operator meant another date.
  if (input.expiresAt !== null && new Date(input.expiresAt).getTime() <= input.now.getTime()) {
    throw new DomainError("VALIDATION", "The expiry must be in the future", {
      field: "expiresAt",
      reason: "api_token.expiry_past",
    });
  }
  const { token, tokenHash } = generateApiToken();
  const [row] = await tx
    .insert(apiTokens)
    .values({
      name: input.name,
      tokenHash,
      scopes: [...API_TOKEN_SCOPES],
      createdBy: input.createdBy,
      createdAt: input.now,
      expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
    })
    .returning();
  if (!row) throw new Error("insert returned nothing");
  await writeAudit({
    action: "api_token.create",
    outcome: "success",
    targetType: "api_token",
    targetId: row.id,
    details: { name: row.name, scopes: row.scopes, expiresAt: input.expiresAt },
  });
  return { token, apiToken: toApiTokenView(row) };
}

/** Creates a machine token; the secret is returned this once and only its SHA-256 is kept. */
export async function createApiToken({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: CreateApiTokenInput;
}): Promise<{ token: string; apiToken: ApiTokenView }> {
  await authorize(ctx, "api_token.create", {}, { type: "api_token", id: null });
  const now = ctx.clock.now();
  return ctx.db.transaction((tx) =>
    insertApiToken(tx, { ...input, createdBy: ctx.auth.user.id, now }, (what) => audit(tx, ctx, what)),
  );
}
