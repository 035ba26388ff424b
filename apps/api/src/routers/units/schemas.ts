import { freeText } from "@kuulo/domain/privacy";
import { z } from "zod";

/** A code is typed by a person too: guarded (R4), then held to its shape. */
export const UnitCode = freeText({ min: 2, max: 32 }).pipe(
  z
    .string()
    .toUpperCase()
    .regex(/^[A-Z0-9][A-Z0-9_-]{1,31}$/, "2–32 characters: A–Z, digits, dash or underscore"),
);
export const UnitName = freeText({ max: 120 });
