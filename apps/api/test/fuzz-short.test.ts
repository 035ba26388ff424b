import { describe, expect, it } from "vitest";
import { fuzzAudio } from "../fuzz/fuzz-audio.js";
import { fuzzIngest } from "../fuzz/fuzz-ingest.js";

/**
 * The CI-sized slice of `pnpm fuzz` (apps/api/fuzz/): the same mutations of the demo calls, a seed
 * per run of the suite, a few thousand inputs through the sniffers and a few dozen through HTTP ingest.
 * The long run and its figures: BENCHMARKS.md, "Fuzzing".
 */
const runSeed = 20261206;

describe("fuzzing the audio door (short run)", () => {
  it("sniffs and decodes 1,500 mutated demo calls in five formats: every one accepted or refused with a 4xx", async () => {
    const report = await fuzzAudio({ runSeed, count: 1_500 });
    expect(report.crashes).toEqual([]);
    expect(report.inputs).toBe(1_500);
    for (const tally of Object.values(report.byFormat)) expect(tally.inputs).toBeGreaterThan(0);
    // Both outcomes occur, so the run exercises the accepting paths as well as the refusals.
    expect(report.accepted).toBeGreaterThan(0);
    expect(report.refused).toBeGreaterThan(0);
  });

  it("uploads 24 mutated demo calls through HTTP ingest: 201 or 4xx, and no refusal leaves anything behind", async () => {
    const report = await fuzzIngest({ runSeed, count: 24 });
    expect(report.crashes).toEqual([]);
    expect(report.uploads).toBe(24);
    expect(report.leftovers).toEqual({
      tempEntries: 0,
      orphanObjects: 0,
      missingObjects: 0,
      recordingRowsBeyondCreated: 0,
      orphanStaffMembers: 0,
    });
  });
});
