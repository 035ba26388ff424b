export interface ListenGrounds {
  playlistId: string | null;
  disclosureId: string | null;
  role: string | null;
  relation: string | null;
  unitId: string | null;
}

const text = (value: unknown): string | null =>
  typeof value === "string" && value.length > 0 ? value : null;

/**
 * Reads why a listen was allowed from a recording.listen audit row's details. Accepted shapes (see
 * coord/API-SHARED.md): { playlistId?, playlistItemId?, disclosureId?, role?, relation? } or
 * { via: { role?, unitId?, relation? } } as returned by decide(), or { via: "own" | "assigned" | … }.
 */
export function listenGrounds(details: Record<string, unknown>): ListenGrounds {
  const via = details.via;
  const viaObject = typeof via === "object" && via !== null ? (via as Record<string, unknown>) : {};
  return {
    playlistId: text(details.playlistId),
    disclosureId: text(details.disclosureId),
    role: text(details.role) ?? text(viaObject.role),
    relation: text(details.relation) ?? text(via) ?? text(viaObject.relation),
    unitId: text(details.unitId) ?? text(viaObject.unitId),
  };
}
