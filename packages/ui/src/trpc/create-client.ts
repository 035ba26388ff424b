import type { AppRouter } from "@kuulo/api";
import { createTRPCClient, httpBatchLink } from "@trpc/client";

export interface KuuloClientOptions {
  /** Where the tRPC endpoint is mounted; same origin as the SPA. */
  url?: string;
}

/** Same-origin JSON over a batching link: the API refuses non-JSON bodies and foreign origins (CSRF). */
export function createKuuloTrpcClient(options: KuuloClientOptions = {}) {
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: options.url ?? "/trpc",
        // The API refuses batches of more than KUULO_TRPC_MAX_BATCH (default 20) calls.
        maxItems: 20,
        headers: () => ({ "content-type": "application/json" }),
        fetch: (input, init) => fetch(input, { ...init, credentials: "same-origin" }),
      }),
    ],
  });
}
