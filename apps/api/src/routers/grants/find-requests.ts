import { findListeningRequests } from "../../services/grants/find-listening-requests.js";
import { requirePermission } from "../../trpc/procedures.js";

export const findRequestsProcedure = requirePermission("grant.approve").query(({ ctx }) =>
  findListeningRequests({ ctx }),
);
