/**
 * `__Host-` pins the cookie to this exact origin over HTTPS with Path=/ and no Domain. Plain-HTTP
 * demo mode cannot use that prefix (browsers require Secure for it), so it uses a plain name.
 */
export function sessionCookieName(secure: boolean): string {
  return secure ? "__Host-kuulo_session" : "kuulo_session";
}

export function serializeSessionCookie(secure: boolean, token: string, expiresAt: Date): string {
  const parts = [
    `${sessionCookieName(secure)}=${token}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    `Expires=${expiresAt.toUTCString()}`,
  ];
  if (secure) parts.push("Secure");
  return parts.join("; ");
}

export function serializeClearedSessionCookie(secure: boolean): string {
  const parts = [`${sessionCookieName(secure)}=`, "Path=/", "HttpOnly", "SameSite=Lax", "Max-Age=0"];
  if (secure) parts.push("Secure");
  return parts.join("; ");
}

/** Reads one cookie from a Cookie header; returns null when absent or repeated (ambiguous). */
export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  let found: string | null = null;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq === -1) continue;
    if (part.slice(0, eq).trim() !== name) continue;
    if (found !== null) return null;
    found = part.slice(eq + 1).trim();
  }
  return found;
}
