import { DomainError, REASON_CODES } from "@kuulo/domain/errors";
import { freeText } from "@kuulo/domain/privacy";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { appRouter } from "../../src/routers/app-router.js";
import { createCallerFactory, router } from "../../src/trpc/init.js";
import { publicProcedure, requirePermission } from "../../src/trpc/procedures.js";
import { contextFor, createTestApp, type TestApp } from "../helpers/test-app.js";

/** A router shaped like the recordings one, to prove the gate at procedure level (R10). */
const probeRouter = router({
  listen: requirePermission("recording.listen").query(() => "audio"),
  boom: publicProcedure.query(() => {
    throw new Error("connection refused at 10.0.0.5:5432 password=hunter2");
  }),
  domain: publicProcedure.query(() => {
    throw new DomainError("CONFLICT", "Already there", { field: "code", reason: "unit.code_taken" });
  }),
  strict: publicProcedure
    .input(z.object({ nested: z.object({ count: z.number().int() }) }))
    .query(() => "ok"),
  note: publicProcedure
    .input(z.object({ note: freeText({ max: 50 }), id: z.uuid().optional() }))
    .query(() => "ok"),
});
const probe = createCallerFactory(probeRouter);
const app = createCallerFactory(appRouter);

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

async function refusal(promise: Promise<unknown>): Promise<TRPCError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("requirePermission at procedure level (R10)", () => {
  it("refuses recording.listen to an administrator and allows a trainer", async () => {
    const admin = probe(await contextFor(t, await t.signIn("admin")));
    const error = await refusal(admin.listen());
    expect(error.code).toBe("FORBIDDEN");
    expect(error.cause).toMatchObject({ code: "FORBIDDEN", rule: "R10", reason: "permission.missing" });
    const trainer = probe(await contextFor(t, await t.signIn("kouluttaja")));
    expect(await trainer.listen()).toBe("audio");
  });

  it("refuses anonymous callers as UNAUTHENTICATED", async () => {
    const anonymous = probe(await contextFor(t));
    expect((await refusal(anonymous.listen())).code).toBe("UNAUTHORIZED");
  });

  it("works the same through createCaller on the real router", async () => {
    const employee = app(await contextFor(t, await t.signIn("mikko.korhonen")));
    expect((await refusal(employee.users.find({ limit: 10 }))).code).toBe("FORBIDDEN");
    const me = await employee.auth.me();
    expect(me.user.username).toBe("mikko.korhonen");
  });
});

describe("one error mapper", () => {
  it("hides unknown errors behind INTERNAL 'Internal error'", async () => {
    const caller = probe(await contextFor(t));
    const error = await refusal(caller.boom());
    expect(error.code).toBe("INTERNAL_SERVER_ERROR");
    expect(error.message).toBe("Internal error");
    expect(JSON.stringify(error.cause)).not.toContain("hunter2");
  });

  it("maps DomainError codes to transport codes and keeps field/reason", async () => {
    const caller = probe(await contextFor(t));
    const error = await refusal(caller.domain());
    expect(error.code).toBe("CONFLICT");
    expect(error.cause).toMatchObject({ code: "CONFLICT", field: "code", reason: "unit.code_taken" });
  });

  it("turns input schema failures into VALIDATION naming the nested field", async () => {
    const caller = probe(await contextFor(t));
    const error = await refusal(caller.strict({ nested: { count: 1.5 } }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.cause).toMatchObject({
      code: "VALIDATION",
      field: "nested.count",
      reason: "validation.invalid_type",
    });
  });

  it("gives every input schema failure a registered reason, the schema's own (R4) when it has one", async () => {
    const caller = probe(await contextFor(t));
    const phone = await refusal(caller.note({ note: "soita 040 123 4567" }));
    expect(phone.cause).toMatchObject({ field: "note", rule: "R4", reason: "personal_data.phone" });
    const empty = await refusal(caller.note({ note: "" }));
    expect(empty.cause).toMatchObject({ field: "note", reason: "validation.too_small" });
    const id = await refusal(caller.note({ note: "ok", id: "not-an-id" }));
    expect(id.cause).toMatchObject({ field: "id", reason: "validation.invalid_format" });
    for (const error of [phone, empty, id]) {
      expect(REASON_CODES).toContain((error.cause as DomainError).reason);
    }
  });

  it("sends stable codes without stack traces or SQL over HTTP", async () => {
    const response = await t.call("users.create", { username: "x" }, { cookie: await t.signIn("admin") });
    expect(response.status).toBe(400);
    expect(response.body.error?.data.domain).toMatchObject({ code: "VALIDATION", field: "organisationId" });
    const text = JSON.stringify(response.body);
    expect(text).not.toContain("stack");
    expect(text).not.toMatch(/select|insert|\.ts:\d+/i);
    const unknown = await t.app.inject({ method: "GET", url: "/trpc/nope.nothing" });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.data.domain.code).toBe("NOT_FOUND");
  });
});
