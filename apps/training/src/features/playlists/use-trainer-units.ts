import { useMe } from "@kuulo/ui";
import { useMemo } from "react";

export interface TrainerUnit {
  id: string;
  label: string;
}

/** Units where the signed-in person may curate and assign: their trainer grants with a unit. */
export function useTrainerUnits(): TrainerUnit[] {
  const me = useMe();
  return useMemo(() => {
    const seen = new Map<string, TrainerUnit>();
    for (const grant of me.grants) {
      if (grant.role !== "trainer" || !grant.unitId) continue;
      const label = [grant.unitCode, grant.unitName].filter(Boolean).join(" – ") || grant.unitId;
      seen.set(grant.unitId, { id: grant.unitId, label });
    }
    return [...seen.values()];
  }, [me]);
}
