import { disclosures, exportPackages } from "@kuulo/db/schema";
import { DomainError } from "@kuulo/domain/errors";
import { and, eq, isNull } from "drizzle-orm";
import { generateSecretToken, hashToken } from "../../auth/session-token.js";
import { storeOf } from "../retention/store-of.js";
import { audit } from "../shared/audit.js";
import type { AuthedContext } from "../shared/service-context.js";
import { buildExportPackage } from "./build-export-package.js";
import { loadDisclosureInScope } from "./load-disclosure.js";

export const DOWNLOAD_LINK_MINUTES = 10;

/** The stored hash binds the token to the officer who asked for it: nobody else's session matches. */
export const downloadTokenHash = (token: string, userId: string) => hashToken(`${token}:${userId}`);

/**
 * A one-time, 10-minute link to the disclosure's export package (R6b/c, R8) for this privacy officer.
 * A new link replaces an unused one; once downloaded, no further link is issued.
 */
export async function createDownloadLink({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: { disclosureId: string };
}): Promise<{ path: string; expiresAt: string; sha256: string; sizeBytes: number }> {
  const disclosure = await loadDisclosureInScope(ctx, ctx.db, input.disclosureId, "disclosure.export");
  if (disclosure.kind === "training") {
    throw new DomainError(
      "CONFLICT",
      "A training disclosure is streamed only; it has no export package (R6a, R8)",
      {
        rule: "R8",
        reason: "disclosure.no_export",
      },
    );
  }
  if (disclosure.status !== "active") {
    throw new DomainError(
      "CONFLICT",
      disclosure.status === "delivered"
        ? "The export package has been downloaded already; it can be downloaded only once"
        : `A disclosure in status "${disclosure.status}" has no downloadable package`,
      {
        rule: "R6",
        reason: disclosure.status === "delivered" ? "export.already_downloaded" : "export.not_active",
      },
    );
  }
  const pkg = await buildExportPackage(ctx, storeOf(ctx), disclosure.id);
  const now = ctx.clock.now();
  const token = generateSecretToken();
  const expiresAt = new Date(now.getTime() + DOWNLOAD_LINK_MINUTES * 60_000);
  await ctx.db.transaction(async (tx) => {
    const updated = await tx
      .update(exportPackages)
      .set({ downloadTokenHash: downloadTokenHash(token, ctx.auth.user.id), expiresAt })
      .where(and(eq(exportPackages.id, pkg.id), isNull(exportPackages.downloadedAt)))
      .returning({ id: exportPackages.id });
    const [still] = await tx
      .select({ status: disclosures.status })
      .from(disclosures)
      .where(eq(disclosures.id, disclosure.id));
    if (updated.length === 0 || still?.status !== "active") {
      throw new DomainError(
        "CONFLICT",
        "The export package has been downloaded already; it can be downloaded only once",
        {
          rule: "R6",
          reason: "export.already_downloaded",
        },
      );
    }
    await audit(tx, ctx, {
      action: "disclosure.export_link_create",
      outcome: "success",
      targetType: "disclosure",
      targetId: disclosure.id,
      details: { exportPackageId: pkg.id, expiresAt: expiresAt.toISOString() },
    });
  });
  return {
    path: `/exports/${token}`,
    expiresAt: expiresAt.toISOString(),
    sha256: pkg.sha256,
    sizeBytes: pkg.sizeBytes,
  };
}
