import { isUnauthenticated, readDomainError, useTRPCClient } from "@kuulo/ui";
import { useQuery } from "@tanstack/react-query";

/** Shape the dashboard expects from `stats.dashboard` (recordings issue); days are ISO dates. */
export interface DashboardStats {
  recordingsPerDay: { day: string; count: number }[];
  listensPerDay: { day: string; count: number }[];
  storage: { usedBytes: number; recordings: number };
  dueForPurge: { day: string; count: number }[];
}

interface MaybeStatsClient {
  stats?: { dashboard?: { query: () => Promise<DashboardStats> } };
}

/**
 * `stats.dashboard` belongs to the recordings work and may not exist yet. Until the API answers it,
 * those charts are not drawn at all (no invented figures); NOT_FOUND means "not there".
 */
export function useDashboardStats() {
  const client = useTRPCClient() as unknown as MaybeStatsClient;
  return useQuery({
    queryKey: ["stats.dashboard"],
    queryFn: async (): Promise<DashboardStats | null> => {
      const dashboard = client.stats?.dashboard;
      if (!dashboard) return null;
      try {
        return await dashboard.query();
      } catch (error) {
        if (isUnauthenticated(error)) throw error;
        if (readDomainError(error)?.code === "NOT_FOUND") return null;
        throw error;
      }
    },
    staleTime: 60_000,
  });
}
