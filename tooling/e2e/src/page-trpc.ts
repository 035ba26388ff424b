import type { Page } from "playwright-core";

/** Calls a tRPC procedure from inside a signed-in page (same origin, session cookie), as the SPAs do. */
export async function trpcCall<T>(
  page: Page,
  path: string,
  input: unknown,
  kind: "query" | "mutation",
): Promise<T> {
  return page.evaluate(
    async ({ path, input, kind }) => {
      const url =
        kind === "query"
          ? `/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input ?? {}))}`
          : `/trpc/${path}`;
      const response = await fetch(url, {
        method: kind === "query" ? "GET" : "POST",
        headers: { "content-type": "application/json" },
        credentials: "same-origin",
        ...(kind === "mutation" ? { body: JSON.stringify(input) } : {}),
      });
      const body = await response.json();
      if (!response.ok) throw new Error(`${path}: ${response.status} ${JSON.stringify(body)}`);
      return body.result.data;
    },
    { path, input, kind },
  ) as Promise<T>;
}
