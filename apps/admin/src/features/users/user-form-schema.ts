import { z } from "zod";

/** Mirrors the API's user input rules so most mistakes show before a round trip. */
export const userDetailsSchema = z.object({
  username: z
    .string()
    .trim()
    .min(2)
    .max(64)
    .regex(/^[a-z0-9._-]+$/i),
  firstName: z.string().trim().min(1).max(100),
  lastName: z.string().trim().min(1).max(100),
  email: z.union([z.literal(""), z.email().max(254)]),
});
export type UserDetails = z.infer<typeof userDetailsSchema>;

export const newUserSchema = userDetailsSchema.extend({ organisationId: z.string().min(1) });
export type NewUser = z.infer<typeof newUserSchema>;
