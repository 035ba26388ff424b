/**
 * One-time tokens travel in the URL fragment (never sent to servers or written to access logs).
 * Reading is pure; `forgetFragment` then drops it from the address bar and history.
 */
export function readFragmentToken(location: Pick<Location, "hash">): string | null {
  const token = new URLSearchParams(location.hash.replace(/^#/, "")).get("token");
  return token && token.length > 0 ? token : null;
}

export function forgetFragment(): void {
  if (window.location.hash) window.history.replaceState(null, "", window.location.pathname);
}
