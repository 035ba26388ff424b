import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../trpc/context.js";

/** Re-asked each minute (and when the window regains focus), so the badge follows new work. */
const REFRESH_MS = 60_000;

export function useInboxCount(app: "admin" | "training"): number {
  const trpc = useTRPC();
  const count = useQuery({ ...trpc.inbox.count.queryOptions(), refetchInterval: REFRESH_MS });
  return count.data?.[app] ?? 0;
}
