import { z } from "zod";
import { updateUser } from "../../services/users/update.js";
import { requirePermission } from "../../trpc/procedures.js";
import { PersonName } from "./schemas.js";

export const UpdateUserInput = z.object({
  userId: z.uuid("Not a user id"),
  firstName: PersonName.optional(),
  lastName: PersonName.optional(),
  email: z.email("Not an e-mail address").nullish(),
});

export const updateUserProcedure = requirePermission("user.update")
  .input(UpdateUserInput)
  .mutation(({ ctx, input }) => updateUser({ ctx, input }));
