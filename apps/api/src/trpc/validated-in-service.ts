import { z } from "zod";

/** Input schemas that only type the input because the service validates it with a domain schema. */
const serviceSchemas = new WeakMap<object, z.ZodType>();

const isObject = (value: unknown) => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Types an object input that the service parses with `schema` (it needs the clock, or names the field
 * and rule itself). Remembered, so the R4 free-text test walks `schema` instead of an opaque custom.
 */
export function validatedInService<T>(schema: z.ZodType, message: string): z.ZodType<T> {
  const input = z.custom<T>(isObject, { message });
  serviceSchemas.set(input, schema);
  return input;
}

/** The domain schema a service validates this input with, if it is one made by validatedInService. */
export const serviceSchemaOf = (input: object): z.ZodType | undefined => serviceSchemas.get(input);
