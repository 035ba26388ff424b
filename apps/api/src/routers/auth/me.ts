import { me } from "../../services/auth/me.js";
import { requirePermission } from "../../trpc/procedures.js";

/** Any session stage may ask who it is, so the SPA can route to the second-factor or enrolment step. */
export const meProcedure = requirePermission("self.read", {
  stages: ["full", "second_factor", "enrolment"],
}).query(({ ctx }) => me({ ctx }));
