import { router } from "../../trpc/init.js";
import { qualityCalibrationsRouter } from "./calibrations.js";
import { qualityCoachingRouter } from "./coaching.js";
import { qualityDisputesRouter } from "./disputes.js";
import { qualityEvaluationsRouter } from "./evaluations.js";
import { qualityFormsRouter } from "./forms.js";
import { qualityMomentsRouter } from "./moments.js";
import { qualityReportsRouter } from "./reports.js";
import { qualitySamplingRouter } from "./sampling.js";

/** Quality review and coaching: every procedure refuses while the installation has it off. */
export const qualityRouter = router({
  forms: qualityFormsRouter,
  evaluations: qualityEvaluationsRouter,
  moments: qualityMomentsRouter,
  disputes: qualityDisputesRouter,
  calibrations: qualityCalibrationsRouter,
  sampling: qualitySamplingRouter,
  reports: qualityReportsRouter,
  coaching: qualityCoachingRouter,
});
