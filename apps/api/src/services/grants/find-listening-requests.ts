import type { AuthedContext } from "../shared/service-context.js";
import {
  approverCovers,
  type ListeningRequestView,
  loadListeningRequestViews,
  pendingOnly,
} from "./listening-request-view.js";

/** Pending listening-right requests within the approver's scope, oldest first. */
export async function findListeningRequests({
  ctx,
}: {
  ctx: AuthedContext;
}): Promise<ListeningRequestView[]> {
  const views = await loadListeningRequestViews(ctx.db, pendingOnly());
  const visible: ListeningRequestView[] = [];
  for (const view of views) {
    if (
      await approverCovers(ctx, ctx.db, {
        kind: view.kind,
        unitId: view.unit?.id ?? null,
        userId: view.user.id,
      })
    )
      visible.push(view);
  }
  return visible;
}
