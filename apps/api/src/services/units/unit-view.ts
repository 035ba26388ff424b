import type { Unit } from "@kuulo/db/schema";

export interface UnitView {
  id: string;
  organisationId: string;
  code: string;
  name: string;
  parentId: string | null;
  createdAt: string;
}

export const toUnitView = (unit: Unit): UnitView => ({
  id: unit.id,
  organisationId: unit.organisationId,
  code: unit.code,
  name: unit.name,
  parentId: unit.parentId,
  createdAt: unit.createdAt.toISOString(),
});
