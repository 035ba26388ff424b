export interface UnitLike {
  name?: string | null;
  code?: string | null;
}

/**
 * A unit as people read it in both apps: its name with the code in brackets,
 * "Helsinki, customer service (HKI-ASPA)"; the code alone when the name is not visible.
 */
export function formatUnit(unit: UnitLike): string {
  const name = unit.name?.trim();
  const code = unit.code?.trim();
  if (name && code) return `${name} (${code})`;
  return name || code || "–";
}
