import { customType } from "drizzle-orm/pg-core";

/**
 * bytea as a Uint8Array. PGlite returns Uint8Array and postgres.js returns Buffer (a Uint8Array subclass),
 * so callers see one type on both drivers.
 */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
  toDriver: (value) => value,
  fromDriver: (value) => value,
});
