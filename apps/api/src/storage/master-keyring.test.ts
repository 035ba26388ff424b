import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { generateMasterKeyBase64, MasterKeyring, rewrapKey } from "./master-keyring.js";

const spec = (id: string) => ({ id, keyBase64: generateMasterKeyBase64() });

describe("MasterKeyring", () => {
  it("wraps with the current key and unwraps the same data key", () => {
    const ring = MasterKeyring.create(spec("k2026"));
    const dataKey = randomBytes(32);
    const wrapped = ring.wrap(dataKey);
    expect(MasterKeyring.keyIdOf(wrapped)).toBe("k2026");
    expect(Buffer.from(wrapped).includes(dataKey)).toBe(false);
    expect(ring.unwrap(wrapped).equals(dataKey)).toBe(true);
  });

  it.each([
    ["too short", { id: "k", keyBase64: Buffer.alloc(16).toString("base64") }, "master_key.length"],
    ["not base64", { id: "k", keyBase64: "not base64 at all!" }, "master_key.length"],
    ["bad id", { id: "a b", keyBase64: generateMasterKeyBase64() }, "master_key.id"],
  ])("refuses a master key that is %s", (_name, bad, reason) => {
    expect(() => MasterKeyring.create(bad)).toThrow(expect.objectContaining({ code: "VALIDATION", reason }));
  });

  it("refuses a duplicated key id", () => {
    const a = spec("same");
    expect(() => MasterKeyring.create(a, [spec("same")])).toThrow(/configured twice/);
  });

  it("fails to unwrap with another master key, or a tampered wrapped key", () => {
    const ring = MasterKeyring.create(spec("k1"));
    const impostor = MasterKeyring.create({ id: "k1", keyBase64: generateMasterKeyBase64() });
    const wrapped = ring.wrap(randomBytes(32));
    expect(() => impostor.unwrap(wrapped)).toThrow(expect.objectContaining({ reason: "storage.integrity" }));
    const tampered = Uint8Array.from(wrapped);
    tampered[tampered.length - 20]! ^= 1;
    expect(() => ring.unwrap(tampered)).toThrow(/failed authentication/);
  });

  it("rotates: rewrap moves a data key to the new key, after which the old key can be retired", () => {
    const old = spec("k2025");
    const next = spec("k2026");
    const dataKey = randomBytes(32);
    const wrappedOld = MasterKeyring.create(old).wrap(dataKey);
    const during = MasterKeyring.create(next, [old]);
    expect(during.unwrap(wrappedOld).equals(dataKey)).toBe(true);
    const { wrappedKey, keyId } = rewrapKey(wrappedOld, during);
    expect(keyId).toBe("k2026");
    const after = MasterKeyring.create(next);
    expect(after.unwrap(wrappedKey).equals(dataKey)).toBe(true);
    expect(() => after.unwrap(wrappedOld)).toThrow(/k2025 is not configured/);
  });
});
