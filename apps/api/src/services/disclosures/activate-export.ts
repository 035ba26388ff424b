import { storeOf } from "../retention/store-of.js";
import { audit } from "../shared/audit.js";
import type { AuthedContext } from "../shared/service-context.js";
import { buildExportPackage } from "./build-export-package.js";

/**
 * Produces the export package once a statutory or access-request disclosure is active. Runs after the
 * activation commits (reading audio takes time); if it fails, createDownloadLink builds it later.
 */
export async function activateExport(
  ctx: AuthedContext,
  disclosureId: string,
): Promise<{ id: string; sha256: string; sizeBytes: number; created: boolean } | null> {
  try {
    const pkg = await buildExportPackage(ctx, storeOf(ctx), disclosureId);
    if (!pkg.created) return pkg;
    await audit(ctx.db, ctx, {
      action: "disclosure.export_create",
      outcome: "success",
      targetType: "disclosure",
      targetId: disclosureId,
      details: { exportPackageId: pkg.id, sha256: pkg.sha256, sizeBytes: pkg.sizeBytes },
    });
    return pkg;
  } catch (error) {
    ctx.log.error({ err: error, disclosureId }, "export package could not be built yet");
    return null;
  }
}
