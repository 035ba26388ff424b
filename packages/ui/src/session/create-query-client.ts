import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { isUnauthenticated, readDomainError } from "../trpc/domain-error.js";
import type { SessionStore } from "./session-store.js";

const NO_RETRY_CODES = new Set(["UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "VALIDATION", "RATE_LIMITED"]);

/** Any UNAUTHENTICATED answer while signed in means the session ended server-side (idle, cap, revoked). */
export function createKuuloQueryClient(session: SessionStore): QueryClient {
  const onError = (error: unknown) => {
    if (isUnauthenticated(error) && session.get() === "signed_in") session.set("expired");
  };
  return new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: true,
        retry: (failureCount, error) => {
          const code = readDomainError(error)?.code;
          if (code && NO_RETRY_CODES.has(code)) return false;
          return failureCount < 2;
        },
      },
    },
  });
}
