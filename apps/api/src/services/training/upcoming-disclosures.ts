import { disclosures } from "@kuulo/db/schema";
import { and, asc, eq, gt, isNull } from "drizzle-orm";
import type { AuthedContext } from "../shared/service-context.js";

export interface UpcomingDisclosure {
  disclosureId: string;
  validFrom: string;
  validUntil: string | null;
}

/**
 * The caller's approved training disclosures whose window has not opened yet: only when they open,
 * nothing of their content (that waits for the window, R6a), so the page can say "opens on …".
 */
export async function upcomingDisclosures({
  ctx,
}: {
  ctx: AuthedContext;
}): Promise<{ disclosures: UpcomingDisclosure[] }> {
  const rows = await ctx.db
    .select({ id: disclosures.id, validFrom: disclosures.validFrom, validUntil: disclosures.validUntil })
    .from(disclosures)
    .where(
      and(
        eq(disclosures.externalUserId, ctx.auth.user.id),
        eq(disclosures.kind, "training"),
        eq(disclosures.status, "active"),
        isNull(disclosures.revokedAt),
        gt(disclosures.validFrom, ctx.clock.now()),
      ),
    )
    .orderBy(asc(disclosures.validFrom));
  return {
    disclosures: rows.flatMap((row) =>
      row.validFrom
        ? [
            {
              disclosureId: row.id,
              validFrom: row.validFrom.toISOString(),
              validUntil: row.validUntil?.toISOString() ?? null,
            },
          ]
        : [],
    ),
  };
}
