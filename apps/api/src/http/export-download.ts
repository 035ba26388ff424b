import { Readable } from "node:stream";
import { hasPermissionSomewhere } from "@kuulo/domain/access";
import { DomainError } from "@kuulo/domain/errors";
import type { FastifyReply } from "fastify";
import type { AppPlugin } from "../server/build-app.js";
import { downloadExport } from "../services/disclosures/download-export.js";
import { auditDenied } from "../services/shared/audit.js";
import { createRequestContext } from "../trpc/create-context.js";
import type { AuthedContext } from "../trpc/procedures.js";

const STATUS: Partial<Record<DomainError["code"], number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  PRECONDITION_FAILED: 410,
  CONFLICT: 409,
};

function refuse(reply: FastifyReply, status: number, code: string, message: string, reason?: string) {
  return reply
    .code(status)
    .header("cache-control", "no-store")
    .send({ code, message, ...(reason ? { reason } : {}) });
}

/**
 * GET /exports/:token — the one-time download of a statutory or access-request export package (R6b/c).
 * The only response in Kuulo with `Content-Disposition: attachment` (R8): same-origin only, the
 * requesting privacy officer's own session, once.
 */
export const exportDownloadRoutes: AppPlugin = (app, deps) => {
  app.get<{ Params: { token: string } }>("/exports/:token", async (request, reply) => {
    const site = request.headers["sec-fetch-site"];
    if (site !== undefined && site !== "same-origin" && site !== "none") {
      return refuse(reply, 403, "FORBIDDEN", "Downloads must start from Kuulo itself", "csrf.cross_site");
    }
    const ctx = await createRequestContext(deps, request, reply);
    if (ctx.auth?.session.stage !== "full") {
      return refuse(reply, 401, "UNAUTHENTICATED", "Sign in to continue", "session.missing");
    }
    const authed = ctx as AuthedContext;
    if (!hasPermissionSomewhere(authed.auth.actor, "disclosure.export")) {
      await auditDenied(authed, {
        permission: "disclosure.export",
        targetType: "route",
        targetId: "/exports",
      });
      return refuse(
        reply,
        403,
        "FORBIDDEN",
        "You do not have the disclosure.export permission",
        "permission.missing",
      );
    }
    if (!/^[a-z2-7]{52}$/.test(request.params.token)) {
      return refuse(reply, 404, "NOT_FOUND", "No such download", "export.link_unknown");
    }
    try {
      const download = await downloadExport(authed, request.params.token);
      const name = `kuulo-${download.kind.replace("_", "-")}-${download.disclosureId.slice(0, 8)}.tar`;
      return reply
        .code(200)
        .header("content-type", "application/x-tar")
        .header("content-length", String(download.sizeBytes))
        .header("content-disposition", `attachment; filename="${name}"`)
        .header("cache-control", "no-store")
        .header("x-content-sha256", download.sha256)
        .send(Readable.from(download.body));
    } catch (error) {
      if (error instanceof DomainError && STATUS[error.code]) {
        return refuse(reply, STATUS[error.code] ?? 400, error.code, error.message, error.reason);
      }
      throw error;
    }
  });
};
