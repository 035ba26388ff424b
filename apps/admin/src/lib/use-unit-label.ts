import { useTranslation } from "react-i18next";
import type { useDirectory } from "./use-directory.js";

/** "All units" for an unscoped grant, else the unit's name (its code when the name is not visible). */
export function useUnitLabel(directory: ReturnType<typeof useDirectory>) {
  const { t } = useTranslation();
  return (grant: { unitId: string | null; unitCode: string | null }) =>
    grant.unitId === null
      ? t("grants.allUnits")
      : (directory.unit(grant.unitId)?.name ?? grant.unitCode ?? grant.unitId);
}
