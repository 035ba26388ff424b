import type { DbOrTx } from "@kuulo/db/client";
import { roleGrants, users } from "@kuulo/db/schema";
import { can, ROLE_PERMISSIONS, ROLES } from "@kuulo/domain/access";
import { and, eq, ilike, inArray, isNull, or, sql } from "drizzle-orm";
import type { AuthedContext } from "../shared/service-context.js";
import { loadRecordingFor, type QualityRecording } from "./quality-access.js";

// Narrows the SQL to grants that could allow evaluating; `can()` below still decides each person.
const EVALUATING_ROLES = ROLES.filter(
  (role) => (ROLE_PERMISSIONS[role]["evaluation.create"]?.length ?? 0) > 0,
);

export interface ReviewerCandidate {
  userId: string;
  name: string;
}

/**
 * Who may answer a calibration of this call: active people, not the call's own staff member, who hold
 * `evaluation.create` in the call's unit. Both the lead's name search and `create` decide through this.
 */
export async function eligibleReviewers(
  db: DbOrTx,
  recording: Pick<QualityRecording, "unitId" | "organisationId" | "staffMemberId">,
  filter: { userIds: string[] } | { search: string | undefined; limit: number },
): Promise<ReviewerCandidate[]> {
  const grantInUnit = and(
    isNull(roleGrants.revokedAt),
    inArray(roleGrants.role, EVALUATING_ROLES),
    or(eq(roleGrants.unitId, recording.unitId), isNull(roleGrants.unitId)),
  );
  const words = "search" in filter ? (filter.search ?? "").split(/\s+/).filter(Boolean) : [];
  const people = await db
    .select({
      id: users.id,
      firstName: users.firstName,
      lastName: users.lastName,
      organisationId: users.organisationId,
      staffMemberId: users.staffMemberId,
    })
    .from(users)
    .where(
      and(
        eq(users.organisationId, recording.organisationId),
        eq(users.status, "active"),
        "userIds" in filter ? inArray(users.id, filter.userIds) : undefined,
        ...words.map((word) =>
          or(ilike(users.firstName, `%${escapeLike(word)}%`), ilike(users.lastName, `%${escapeLike(word)}%`)),
        ),
        sql`exists (select 1 from ${roleGrants} where ${roleGrants.userId} = ${users.id} and ${grantInUnit})`,
      ),
    )
    .orderBy(users.lastName, users.firstName, users.id)
    // The call's own person is filtered below: one spare row keeps the page full.
    .limit("limit" in filter ? filter.limit + 1 : filter.userIds.length);
  if (people.length === 0) return [];
  const grants = await db
    .select({ userId: roleGrants.userId, role: roleGrants.role, unitId: roleGrants.unitId })
    .from(roleGrants)
    .where(
      and(
        inArray(
          roleGrants.userId,
          people.map((p) => p.id),
        ),
        isNull(roleGrants.revokedAt),
      ),
    );
  const eligible = people.filter(
    (person) =>
      person.staffMemberId !== recording.staffMemberId &&
      can(
        {
          kind: "user",
          userId: person.id,
          organisationId: person.organisationId,
          grants: grants
            .filter((g) => g.userId === person.id)
            .map((g) => ({ role: g.role, unitId: g.unitId })),
          staffMemberId: person.staffMemberId,
          disclosureIds: [],
        },
        "evaluation.create",
        { unitId: recording.unitId, organisationId: recording.organisationId },
      ),
  );
  return eligible
    .slice(0, "limit" in filter ? filter.limit : undefined)
    .map((person) => ({ userId: person.id, name: `${person.firstName} ${person.lastName}` }));
}

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The lead's name search for reviewers of a call (the lead may pick themself). */
export async function findCalibrationReviewers({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: { recordingId: string; search?: string; limit: number };
}): Promise<ReviewerCandidate[]> {
  const recording = await loadRecordingFor(ctx, "evaluation.calibrate", input.recordingId);
  return eligibleReviewers(ctx.db, recording, { search: input.search, limit: input.limit });
}
