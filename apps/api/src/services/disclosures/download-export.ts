import { disclosures, exportPackages } from "@kuulo/db/schema";
import { disclosureStateMachine } from "@kuulo/domain/disclosure";
import { DomainError } from "@kuulo/domain/errors";
import { and, eq, gt, isNull } from "drizzle-orm";
import type { EncryptedBlobStore } from "../../storage/index.js";
import { storeOf } from "../retention/store-of.js";
import { audit, auditDenied } from "../shared/audit.js";
import type { AuthedContext } from "../shared/service-context.js";
import { downloadTokenHash } from "./create-download-link.js";
import { loadDisclosureInScope } from "./load-disclosure.js";

export interface ExportDownload {
  disclosureId: string;
  kind: string;
  sha256: string;
  sizeBytes: number;
  body: AsyncIterable<Uint8Array>;
}

const gone = () =>
  new DomainError("PRECONDITION_FAILED", "This download link has been used already or has expired", {
    rule: "R6",
    reason: "export.link_gone",
  });

/**
 * Redeems a one-time download token (R6b/c): claims it atomically (a second use finds it spent), marks
 * the disclosure delivered, audits, then streams the decrypted package.
 */
export async function downloadExport(ctx: AuthedContext, token: string): Promise<ExportDownload> {
  const now = ctx.clock.now();
  const hash = downloadTokenHash(token, ctx.auth.user.id);
  const [pkg] = await ctx.db.select().from(exportPackages).where(eq(exportPackages.downloadTokenHash, hash));
  if (!pkg) throw new DomainError("NOT_FOUND", "No such download", { reason: "export.link_unknown" });
  const disclosure = await loadDisclosureInScope(ctx, ctx.db, pkg.disclosureId, "disclosure.export");
  if (pkg.downloadedAt || pkg.expiresAt.getTime() <= now.getTime()) {
    await auditDenied(ctx, {
      permission: "disclosure.export",
      targetType: "disclosure",
      targetId: disclosure.id,
      reason: pkg.downloadedAt ? "download link used already" : "download link expired",
    });
    throw gone();
  }
  await ctx.db.transaction(async (tx) => {
    const claimed = await tx
      .update(exportPackages)
      .set({ downloadedAt: now })
      .where(
        and(
          eq(exportPackages.id, pkg.id),
          isNull(exportPackages.downloadedAt),
          gt(exportPackages.expiresAt, now),
        ),
      )
      .returning({ id: exportPackages.id });
    if (claimed.length === 0) throw gone();
    const [current] = await tx
      .select()
      .from(disclosures)
      .where(eq(disclosures.id, disclosure.id))
      .for("update");
    if (!current) throw gone();
    const status = disclosureStateMachine(
      { kind: current.kind, status: current.status, createdBy: current.preparedBy ?? "" },
      { type: "deliver", by: ctx.auth.user.id },
    );
    await tx.update(disclosures).set({ status }).where(eq(disclosures.id, current.id));
    await audit(tx, ctx, {
      action: "disclosure.export_download",
      outcome: "success",
      targetType: "disclosure",
      targetId: current.id,
      details: { exportPackageId: pkg.id, sha256: pkg.sha256, sizeBytes: pkg.sizeBytes },
    });
  });
  const store = storeOf(ctx);
  return {
    disclosureId: disclosure.id,
    kind: disclosure.kind,
    sha256: pkg.sha256,
    sizeBytes: pkg.sizeBytes,
    body: await packageStream(store, pkg.storageKey, pkg.wrappedDataKey),
  };
}

async function packageStream(
  store: EncryptedBlobStore,
  storageKey: string,
  wrappedKey: Uint8Array | null,
): Promise<AsyncIterable<Uint8Array>> {
  if (!wrappedKey) throw gone();
  const size = await store.plaintextSize(storageKey);
  return store.streamPlaintextRange(storageKey, wrappedKey, 0, size - 1);
}
