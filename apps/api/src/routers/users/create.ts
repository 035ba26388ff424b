import { z } from "zod";
import { createUser } from "../../services/users/create.js";
import { requirePermission } from "../../trpc/procedures.js";
import { GrantInput, PersonName, Username } from "./schemas.js";

export const CreateUserInput = z.object({
  organisationId: z.uuid("Not an organisation id"),
  username: Username,
  firstName: PersonName,
  lastName: PersonName,
  email: z.email("Not an e-mail address").nullish(),
  grants: z.array(GrantInput).max(20).default([]),
});

export const createUserProcedure = requirePermission("user.create")
  .input(CreateUserInput)
  .mutation(({ ctx, input }) => createUser({ ctx, input }));
