import { describe, expect, it } from "vitest";
import { canonicalJson } from "./canonical-json.js";
import { GENESIS_HASH, hashAuditEvent } from "./hash-audit-event.js";

describe("canonicalJson", () => {
  it.each([
    [
      "sorts keys at every depth",
      { b: 1, a: { d: [{ z: 1, y: 2 }], c: null } },
      '{"a":{"c":null,"d":[{"y":2,"z":1}]},"b":1}',
    ],
    [
      "writes Dates as ISO-8601 UTC",
      { at: new Date(Date.UTC(2026, 10, 29, 10, 0, 0, 5)) },
      '{"at":"2026-11-29T10:00:00.005Z"}',
    ],
    ["drops undefined members like JSON.stringify", { a: undefined, b: 1 }, '{"b":1}'],
    ["writes undefined array items as null", [1, undefined], "[1,null]"],
    ["keeps non-ASCII text as is", { name: "Meikäläinen" }, '{"name":"Meikäläinen"}'],
  ])("%s", (_, value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });

  it.each([
    ["NaN", { n: Number.NaN }, "numbers must be finite"],
    ["Infinity", [Number.POSITIVE_INFINITY], "numbers must be finite"],
    ["an invalid Date", { at: new Date("nope") }, "invalid Date"],
    ["a bigint", { n: 1n }, "bigint is not JSON"],
  ])("refuses %s", (_, value, message) => {
    expect(() => canonicalJson(value)).toThrow(message);
  });
});

describe("hashAuditEvent", () => {
  // Frozen: changing the hashed content or its encoding would break every chain already written.
  it("is sha256(prev_hash ‖ canonical content) and stays stable", () => {
    const hash = hashAuditEvent(GENESIS_HASH, {
      seq: 1,
      occurredAt: new Date(Date.UTC(2026, 10, 29, 10, 0, 0)),
      actorType: "user",
      actorId: "u1",
      actorLabel: "maija",
      action: "user.create",
      targetType: "user",
      targetId: "u2",
      outcome: "success",
      ip: "10.0.0.1",
      details: { roles: ["trainer"] },
    });
    // = sha256sum of GENESIS_HASH followed by {"action":"user.create","actorId":"u1",…,"targetType":"user"}
    expect(hash).toBe("137d0db469f21ccb39587fe19d903439e849a9588cf8c8b14f08c1af981364d2");
  });
});
