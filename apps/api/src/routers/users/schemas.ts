import { ROLES } from "@kuulo/domain/access";
import { freeText } from "@kuulo/domain/privacy";
import { z } from "zod";

export const UserId = z.object({ userId: z.uuid("Not a user id") });

/** Chosen by an administrator: guarded (R4), then held to its shape. */
export const Username = freeText({ min: 2, max: 64 }).pipe(
  z
    .string()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9._-]{1,63}$/, "2–64 characters: letters a–z, digits, dot, dash or underscore"),
);

export const PersonName = freeText({ max: 100 });

export const GrantInput = z.object({ role: z.enum(ROLES), unitId: z.uuid("Not a unit id").nullable() });
