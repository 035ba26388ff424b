import { router } from "../../trpc/init.js";
import { approveProcedure } from "./approve.js";
import { closeProcedure } from "./close.js";
import { createAccessRequestProcedure } from "./create-access-request.js";
import { createDownloadLinkProcedure } from "./create-download-link.js";
import { createStatutoryProcedure } from "./create-statutory.js";
import { createTrainingProcedure } from "./create-training.js";
import { findDisclosuresProcedure } from "./find.js";
import { findExternalTrainersProcedure } from "./find-external-trainers.js";
import { getDisclosureProcedure } from "./get.js";
import { revokeProcedure } from "./revoke.js";

export const disclosuresRouter = router({
  find: findDisclosuresProcedure,
  get: getDisclosureProcedure,
  createTraining: createTrainingProcedure,
  createStatutory: createStatutoryProcedure,
  createAccessRequest: createAccessRequestProcedure,
  findExternalTrainers: findExternalTrainersProcedure,
  approve: approveProcedure,
  revoke: revokeProcedure,
  close: closeProcedure,
  createDownloadLink: createDownloadLinkProcedure,
});
