import type { DbOrTx } from "@kuulo/db/client";
import { type Disclosure, disclosureRecordings, exportPackages, users } from "@kuulo/db/schema";
import { type DisclosureKind, type DisclosureStatus, isDisclosureActive } from "@kuulo/domain/disclosure";
import { inArray } from "drizzle-orm";

export interface PersonRef {
  id: string;
  username: string;
  /** First and last name, as people read who prepared or approved a disclosure. */
  name: string;
}

export interface ExportPackageView {
  id: string;
  sha256: string;
  sizeBytes: number;
  createdAt: Date;
  /** When the current one-time link stops working (null: no live link). */
  linkExpiresAt: Date | null;
  downloadedAt: Date | null;
}

export interface DisclosureView {
  id: string;
  kind: DisclosureKind;
  status: DisclosureStatus;
  /** True only while the disclosure grants access right now (training: approved and inside the window). */
  activeNow: boolean;
  fields: Record<string, unknown>;
  recipientCountry: string;
  validFrom: Date | null;
  validUntil: Date | null;
  preparedBy: PersonRef | null;
  approvedBy: PersonRef | null;
  approvedAt: Date | null;
  externalUser: PersonRef | null;
  createdAt: Date;
  revokedAt: Date | null;
  closedAt: Date | null;
  recordingIds: string[];
  exportPackage: ExportPackageView | null;
}

/** Builds the views of several disclosures with their recordings, people and package in three queries. */
export async function toDisclosureViews(
  db: DbOrTx,
  rows: Disclosure[],
  now: Date,
): Promise<DisclosureView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const links = await db
    .select()
    .from(disclosureRecordings)
    .where(inArray(disclosureRecordings.disclosureId, ids));
  const packages = await db.select().from(exportPackages).where(inArray(exportPackages.disclosureId, ids));
  const personIds = [
    ...new Set(
      rows.flatMap((row) => [row.preparedBy, row.approvedBy, row.externalUserId]).filter((id) => id !== null),
    ),
  ] as string[];
  const people =
    personIds.length === 0
      ? []
      : await db
          .select({
            id: users.id,
            username: users.username,
            firstName: users.firstName,
            lastName: users.lastName,
          })
          .from(users)
          .where(inArray(users.id, personIds));
  const person = (id: string | null): PersonRef | null => {
    const found = id ? people.find((p) => p.id === id) : undefined;
    if (!found) return null;
    const name = [found.firstName, found.lastName].filter(Boolean).join(" ");
    return { id: found.id, username: found.username, name: name || found.username };
  };
  return rows.map((row) => {
    const pkg = packages.find((p) => p.disclosureId === row.id);
    return {
      id: row.id,
      kind: row.kind,
      status: row.status,
      activeNow: isDisclosureActive(row, now),
      fields: row.fields,
      recipientCountry: row.recipientCountry,
      validFrom: row.validFrom,
      validUntil: row.validUntil,
      preparedBy: person(row.preparedBy),
      approvedBy: person(row.approvedBy),
      approvedAt: row.approvedAt,
      externalUser: person(row.externalUserId),
      createdAt: row.createdAt,
      revokedAt: row.revokedAt,
      closedAt: row.closedAt,
      recordingIds: links.filter((link) => link.disclosureId === row.id).map((link) => link.recordingId),
      exportPackage: pkg
        ? {
            id: pkg.id,
            sha256: pkg.sha256,
            sizeBytes: pkg.sizeBytes,
            createdAt: pkg.createdAt,
            linkExpiresAt:
              pkg.downloadedAt || pkg.expiresAt.getTime() <= now.getTime() ? null : pkg.expiresAt,
            downloadedAt: pkg.downloadedAt,
          }
        : null,
    };
  });
}

export async function toDisclosureView(db: DbOrTx, row: Disclosure, now: Date): Promise<DisclosureView> {
  const [view] = await toDisclosureViews(db, [row], now);
  if (!view) throw new Error("view of a disclosure was not built");
  return view;
}
