import type { RouterOutputs } from "@kuulo/api";
import { useCan, useTRPC } from "@kuulo/ui";
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";

export type Unit = RouterOutputs["units"]["find"][number];
export type Organisation = RouterOutputs["organisations"]["find"][number];

const NO_UNITS: Unit[] = [];
const NO_ORGANISATIONS: Organisation[] = [];

/** Units and organisations by id, for labels and filters; asked only when the person may read them. */
export function useDirectory() {
  const trpc = useTRPC();
  const can = useCan();
  const units = useQuery({
    ...trpc.units.find.queryOptions({}),
    enabled: can("unit.read"),
    staleTime: 60_000,
  });
  const organisations = useQuery({
    ...trpc.organisations.find.queryOptions(),
    enabled: can("organisation.read"),
    staleTime: 60_000,
  });
  return useMemo(() => {
    const unitList = units.data ?? NO_UNITS;
    const organisationList = organisations.data ?? NO_ORGANISATIONS;
    const unitsById = new Map(unitList.map((unit) => [unit.id, unit]));
    const organisationsById = new Map(
      organisationList.map((organisation) => [organisation.id, organisation]),
    );
    return {
      units: unitList,
      organisations: organisationList,
      unit: (id: string | null | undefined) => (id ? unitsById.get(id) : undefined),
      organisation: (id: string | null | undefined) => (id ? organisationsById.get(id) : undefined),
    };
  }, [units.data, organisations.data]);
}
