import { z } from "zod";

export const UnitCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9_-]{1,31}$/, "2–32 characters: A–Z, digits, dash or underscore");
export const UnitName = z.string().trim().min(1, "Required").max(120);
