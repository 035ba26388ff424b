import { describe, expect, it } from "vitest";
import { element, float, sizeVint, uintBytes, WEBM_ID } from "./ebml.js";

describe("EBML writing", () => {
  it("writes unsigned integers big-endian in the fewest bytes, or padded to a fixed width", () => {
    expect([...uintBytes(0)]).toEqual([0]);
    expect([...uintBytes(255)]).toEqual([255]);
    expect([...uintBytes(256)]).toEqual([1, 0]);
    expect([...uintBytes(5, 4)]).toEqual([0, 0, 0, 5]);
    expect([...uintBytes(WEBM_ID.cluster)]).toEqual([0x1f, 0x43, 0xb6, 0x75]);
  });

  it("writes a size in the fewest bytes, never as the all-ones 'unknown size'", () => {
    expect([...sizeVint(0)]).toEqual([0x80]);
    expect([...sizeVint(126)]).toEqual([0xfe]);
    expect([...sizeVint(127)]).toEqual([0x40, 0x7f]);
    expect([...sizeVint(16_382)]).toEqual([0x7f, 0xfe]);
    expect([...sizeVint(16_383)]).toEqual([0x20, 0x3f, 0xff]);
  });

  it("writes an element as its id, its size and its data", () => {
    expect([...element(WEBM_ID.timestamp, uintBytes(3))]).toEqual([0xe7, 0x81, 3]);
    expect([...element(WEBM_ID.cues)]).toEqual([0x1c, 0x53, 0xbb, 0x6b, 0x80]);
    const duration = float(WEBM_ID.duration, 1500, 8);
    expect([...duration.subarray(0, 3)]).toEqual([0x44, 0x89, 0x88]);
    expect(new DataView(duration.buffer, duration.byteOffset + 3).getFloat64(0)).toBe(1500);
  });
});
