import {
  DISCLOSURE_KINDS,
  DISCLOSURE_STATUSES,
  type DisclosureKind,
  type DisclosureStatus,
} from "@kuulo/domain/disclosure";

/** The disclosures list keeps its filters in the URL, so a reload or a shared link shows the same list. */
export interface DisclosuresSearch {
  kind?: DisclosureKind;
  status?: DisclosureStatus;
}

/** Anything malformed in the URL is dropped rather than sent to the API. */
export function parseDisclosuresSearch(search: Record<string, unknown>): DisclosuresSearch {
  const result: DisclosuresSearch = {};
  if (DISCLOSURE_KINDS.includes(search.kind as DisclosureKind)) result.kind = search.kind as DisclosureKind;
  if (DISCLOSURE_STATUSES.includes(search.status as DisclosureStatus)) {
    result.status = search.status as DisclosureStatus;
  }
  return result;
}
