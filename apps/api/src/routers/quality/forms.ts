import {
  createForm,
  getForm,
  listForms,
  publishFormVersion,
  retireFormVersion,
  saveFormDraft,
} from "../../services/quality/forms.js";
import { router } from "../../trpc/init.js";
import { qualityProcedure } from "./quality-procedure.js";
import { CreateFormInput, FormId, FormVersionId, SaveDraftInput } from "./schemas.js";

export const qualityFormsRouter = router({
  list: qualityProcedure("quality_form.read").query(({ ctx }) => listForms({ ctx })),
  get: qualityProcedure("quality_form.read")
    .input(FormId)
    .query(({ ctx, input }) => getForm({ ctx, input })),
  create: qualityProcedure("quality_form.manage")
    .input(CreateFormInput)
    .mutation(({ ctx, input }) => createForm({ ctx, input })),
  saveDraft: qualityProcedure("quality_form.manage")
    .input(SaveDraftInput)
    .mutation(({ ctx, input }) => saveFormDraft({ ctx, input })),
  publish: qualityProcedure("quality_form.manage")
    .input(FormVersionId)
    .mutation(({ ctx, input }) => publishFormVersion({ ctx, input })),
  retire: qualityProcedure("quality_form.manage")
    .input(FormVersionId)
    .mutation(({ ctx, input }) => retireFormVersion({ ctx, input })),
});
