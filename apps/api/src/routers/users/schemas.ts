import { ROLES } from "@kuulo/domain/access";
import { z } from "zod";

export const UserId = z.object({ userId: z.uuid("Not a user id") });

export const Username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{1,63}$/, "2–64 characters: letters a–z, digits, dot, dash or underscore");

export const PersonName = z.string().trim().min(1, "Required").max(100);

export const GrantInput = z.object({ role: z.enum(ROLES), unitId: z.uuid("Not a unit id").nullable() });
