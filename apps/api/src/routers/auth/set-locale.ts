import { LOCALES } from "@kuulo/domain/register";
import { z } from "zod";
import { setLocale } from "../../services/auth/set-locale.js";
import { requirePermission } from "../../trpc/procedures.js";

export const SetLocaleInput = z.object({
  locale: z.enum(LOCALES),
});

export const setLocaleProcedure = requirePermission("self.update")
  .input(SetLocaleInput)
  .mutation(({ ctx, input }) => setLocale({ ctx, input }));
