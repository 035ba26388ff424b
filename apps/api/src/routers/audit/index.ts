import { router } from "../../trpc/init.js";
import { exportAuditProcedure } from "./export.js";
import { findAuditEventsProcedure } from "./find.js";
import { getAuditEventProcedure } from "./get.js";
import { findAuditNamesProcedure } from "./names.js";
import { verifyAuditProcedure } from "./verify.js";

export const auditRouter = router({
  find: findAuditEventsProcedure,
  get: getAuditEventProcedure,
  names: findAuditNamesProcedure,
  verify: verifyAuditProcedure,
  export: exportAuditProcedure,
});
