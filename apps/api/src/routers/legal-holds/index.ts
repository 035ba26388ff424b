import { router } from "../../trpc/init.js";
import { findLegalHoldsProcedure } from "./find.js";
import { placeLegalHoldProcedure } from "./place.js";
import { releaseLegalHoldProcedure } from "./release.js";

export const legalHoldsRouter = router({
  find: findLegalHoldsProcedure,
  place: placeLegalHoldProcedure,
  release: releaseLegalHoldProcedure,
});
