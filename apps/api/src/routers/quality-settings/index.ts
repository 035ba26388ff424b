import { qualitySettingsSchema } from "@kuulo/domain/quality";
import { getQualitySettings, updateQualitySettings } from "../../services/quality/settings.js";
import { router } from "../../trpc/init.js";
import { requirePermission } from "../../trpc/procedures.js";

/** The switch itself works while quality review is off (that is how it is turned on). */
export const qualitySettingsRouter = router({
  get: requirePermission("self.read").query(({ ctx }) => getQualitySettings({ ctx })),
  update: requirePermission("quality.configure")
    .input(qualitySettingsSchema)
    .mutation(({ ctx, input }) => updateQualitySettings({ ctx, input })),
});
