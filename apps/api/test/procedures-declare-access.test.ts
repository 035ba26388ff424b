import { isPermission, PUBLIC } from "@kuulo/domain/access";
import { describe, expect, it } from "vitest";
import { appRouter } from "../src/routers/app-router.js";

const procedures = Object.entries(
  appRouter._def.procedures as unknown as Record<string, { _def: { meta?: { access?: string } } }>,
);

describe("every procedure declares its access", () => {
  it("finds the procedures", () => {
    expect(procedures.length).toBeGreaterThan(30);
  });

  it.each(procedures)("%s declares a known permission or public", (_path, procedure) => {
    const access = procedure._def.meta?.access;
    expect(access, "missing meta.access (use requirePermission or publicProcedure)").toBeDefined();
    expect(access === PUBLIC || isPermission(access ?? "")).toBe(true);
  });

  it("only sign-in, sign-out, the one-time link and the privacy notice are public", () => {
    const publicOnes = procedures.filter(([, p]) => p._def.meta?.access === PUBLIC).map(([path]) => path);
    expect(publicOnes.sort()).toEqual([
      "auth.setPasswordWithToken",
      "auth.signIn",
      "auth.signOut",
      "register.privacyNotice",
    ]);
  });
});
