/**
 * One-time tokens travel in the URL fragment (never sent to servers or logged in access logs). Read it
 * once, then drop it from the address bar and history.
 */
export function readFragmentToken(
  location: Pick<Location, "hash">,
  history?: Pick<History, "replaceState">,
): string | null {
  const params = new URLSearchParams(location.hash.replace(/^#/, ""));
  const token = params.get("token");
  if (token && history) history.replaceState(null, "", window.location.pathname);
  return token && token.length > 0 ? token : null;
}
