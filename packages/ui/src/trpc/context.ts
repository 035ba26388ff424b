import type { AppRouter } from "@kuulo/api";
import { createTRPCContext } from "@trpc/tanstack-react-query";

/** One typed tRPC context for both SPAs: `useTRPC()` gives `queryOptions` / `mutationOptions`. */
export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();
