import { type QueryClient, QueryClientProvider } from "@tanstack/react-query";
import type { i18n } from "i18next";
import { createContext, type ReactNode, use } from "react";
import { I18nextProvider } from "react-i18next";
import { TRPCProvider } from "../trpc/context.js";
import type { createKuuloTrpcClient } from "../trpc/create-client.js";
import type { SessionStore } from "./session-store.js";

const SessionContext = createContext<SessionStore | null>(null);

export interface KuuloProvidersProps {
  i18n: i18n;
  queryClient: QueryClient;
  trpcClient: ReturnType<typeof createKuuloTrpcClient>;
  session: SessionStore;
  children: ReactNode;
}

export function KuuloProviders({ i18n, queryClient, trpcClient, session, children }: KuuloProvidersProps) {
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
          <SessionContext value={session}>{children}</SessionContext>
        </TRPCProvider>
      </QueryClientProvider>
    </I18nextProvider>
  );
}

export function useSessionStore(): SessionStore {
  const store = use(SessionContext);
  if (!store) throw new Error("useSessionStore outside <KuuloProviders>");
  return store;
}
