import type { FastifyReply } from "fastify";

/** No inline script or style anywhere: the SPAs are built bundles served from 'self'. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "media-src 'self' blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join("; ");

export function applySecurityHeaders(reply: FastifyReply, secure: boolean): void {
  reply.header("content-security-policy", CONTENT_SECURITY_POLICY);
  reply.header("x-content-type-options", "nosniff");
  reply.header("referrer-policy", "no-referrer");
  reply.header("cross-origin-opener-policy", "same-origin");
  reply.header("cross-origin-resource-policy", "same-origin");
  reply.header("x-frame-options", "DENY");
  reply.header("permissions-policy", "camera=(), microphone=(), geolocation=(), payment=()");
  if (secure) reply.header("strict-transport-security", "max-age=31536000; includeSubDomains");
}
