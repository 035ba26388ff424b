import { formatUnit, useMe } from "@kuulo/ui";
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
      seen.set(grant.unitId, {
        id: grant.unitId,
        label: formatUnit({ name: grant.unitName, code: grant.unitCode }),
      });
    }
    return [...seen.values()];
  }, [me]);
}
