import { formatUnit } from "@kuulo/ui";
import { useTranslation } from "react-i18next";
import type { useDirectory } from "./use-directory.js";

/** "All units" for an unscoped grant, else "name (code)" (the code alone when the name is not visible). */
export function useUnitLabel(directory: ReturnType<typeof useDirectory>) {
  const { t } = useTranslation();
  return (grant: { unitId: string | null; unitCode: string | null }) =>
    grant.unitId === null
      ? t("grants.allUnits")
      : formatUnit({
          name: directory.unit(grant.unitId)?.name,
          code: grant.unitCode ?? directory.unit(grant.unitId)?.code,
        });
}
