import { ROLES } from "@kuulo/domain/access";
import { z } from "zod";

/** Mirrors the API's input rules (users/schemas.ts) so most mistakes show before a round trip. */
export const userNamesSchema = z.object({
  firstName: z.string().trim().min(1).max(100),
  lastName: z.string().trim().min(1).max(100),
  email: z.union([z.literal(""), z.email().max(254)]),
});
export type UserNames = z.infer<typeof userNamesSchema>;

export const ALL_UNITS = "*";

export const newUserSchema = userNamesSchema.extend({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9._-]{1,63}$/),
  organisationId: z.string().min(1),
  role: z.union([z.literal(""), z.enum(ROLES)]),
  unitId: z.string(),
});
export type NewUser = z.infer<typeof newUserSchema>;
