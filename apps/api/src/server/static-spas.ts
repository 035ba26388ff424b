import { existsSync } from "node:fs";
import { join } from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

/** Paths that belong to the API; a miss there is a JSON 404, never the SPA shell. */
const API_PREFIXES = ["/trpc", "/ingest", "/media", "/export", "/api", "/healthz", "/readyz"];

export interface SpaDirs {
  admin: string;
  training: string;
}

/**
 * Serves the built SPAs: the admin app under /admin/ and the training portal at /. Unknown GET paths
 * fall back to the matching index.html (client-side routing). Missing builds are skipped with a log.
 */
export async function registerStaticSpas(app: FastifyInstance, dirs: SpaDirs): Promise<void> {
  const hasAdmin = existsSync(join(dirs.admin, "index.html"));
  const hasTraining = existsSync(join(dirs.training, "index.html"));
  // Hashed assets may be cached; the HTML shell must always be revalidated.
  const setHeaders = (reply: FastifyReply, path: string) => {
    reply.header(
      "cache-control",
      path.endsWith(".html") ? "no-cache" : "public, max-age=31536000, immutable",
    );
  };
  if (hasAdmin) {
    await app.register(fastifyStatic, {
      root: dirs.admin,
      prefix: "/admin/",
      decorateReply: true,
      wildcard: true,
      index: "index.html",
      setHeaders,
    });
  } else {
    app.log.info({ dir: dirs.admin }, "admin SPA not built; /admin/ is not served (run pnpm build)");
  }
  if (hasTraining) {
    await app.register(fastifyStatic, {
      root: dirs.training,
      prefix: "/",
      decorateReply: !hasAdmin,
      wildcard: false,
      index: "index.html",
      setHeaders,
    });
  } else {
    app.log.info({ dir: dirs.training }, "training SPA not built; / is not served (run pnpm build)");
  }

  if (hasAdmin) {
    // The public privacy notice (R1, no login) has a short address; the page itself lives in the admin app.
    app.get("/privacy", (request, reply) => {
      const query = request.url.includes("?") ? request.url.slice(request.url.indexOf("?")) : "";
      return reply.redirect(`/admin/privacy${query}`, 302);
    });
  }

  app.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split("?")[0] ?? "/";
    const wantsHtml = request.method === "GET" && (request.headers.accept ?? "").includes("text/html");
    const isApi = API_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
    if (wantsHtml && !isApi) {
      if (hasAdmin && (path === "/admin" || path.startsWith("/admin/"))) {
        return reply.header("cache-control", "no-cache").sendFile("index.html", dirs.admin);
      }
      if (hasTraining && !path.startsWith("/admin")) {
        return reply.header("cache-control", "no-cache").sendFile("index.html", dirs.training);
      }
    }
    return reply.code(404).send({ code: "NOT_FOUND", message: "Not found" });
  });
}
