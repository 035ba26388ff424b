import type { RouterOutputs } from "@kuulo/api";
import { createContext, use } from "react";

export type Me = RouterOutputs["auth"]["me"];

export const MeContext = createContext<Me | null>(null);

/** The signed-in person, their permissions and grants; only inside <AuthGate>. */
export function useMe(): Me {
  const me = use(MeContext);
  if (!me) throw new Error("useMe outside <AuthGate>");
  return me;
}
