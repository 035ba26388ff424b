import { DomainError } from "@kuulo/domain/errors";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FIXTURES, makeWav, readFixture } from "../../test/fixtures/audio/audio-fixtures.js";
import { analyseAudio } from "./analyse-audio.js";

const CLIENT_ERRORS = ["VALIDATION", "UNSUPPORTED_MEDIA", "PAYLOAD_TOO_LARGE"];
const fixtures = Object.values(FIXTURES).map(readFixture);

/** Either the input is valid audio, or it is refused with a 4xx DomainError naming the audio field. */
async function acceptsOrRefusesCleanly(bytes: Uint8Array): Promise<"accepted" | "refused"> {
  try {
    await analyseAudio(bytes, { limits: { maxDurationMs: 60_000 }, peakBuckets: 50 });
    return "accepted";
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    expect(CLIENT_ERRORS).toContain(error.code);
    expect(error.field).toBe("audio");
    return "refused";
  }
}

describe("audio parser fuzzing", () => {
  it("refuses every truncation of every fixture at each twentieth", async () => {
    for (const bytes of fixtures) {
      for (let k = 0; k < 20; k++) {
        const cut = bytes.subarray(0, Math.floor((bytes.length * k) / 20));
        expect(await acceptsOrRefusesCleanly(cut), `cut at ${k}/20 of ${bytes.length}`).toBe("refused");
      }
    }
  });

  it("random bytes are refused", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 0, maxLength: 4096 }), async (bytes) => {
        expect(await acceptsOrRefusesCleanly(bytes)).toBe("refused");
      }),
      { numRuns: 300 },
    );
  });

  it("random bytes behind each format's magic are refused", async () => {
    const magics = ["RIFF\x00\x10\x00\x00WAVEfmt ", "OggS\x00\x02", "ID3\x03\x00\x00", "\xff\xfb\x90\x64"];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...magics),
        fc.uint8Array({ maxLength: 2048 }),
        async (magic, tail) => {
          const bytes = new Uint8Array([...Array.from(magic, (c) => c.charCodeAt(0)), ...tail]);
          expect(await acceptsOrRefusesCleanly(bytes)).toBe("refused");
        },
      ),
      { numRuns: 200 },
    );
  });

  it("fixtures with overwritten bytes (2^32-1 sizes, NUL runs, random) never crash", async () => {
    const mutation = fc.record({
      fixture: fc.nat({ max: fixtures.length - 1 }),
      at: fc.nat(),
      kind: fc.constantFrom("max-u32", "nul-run", "random"),
      random: fc.uint8Array({ minLength: 1, maxLength: 16 }),
    });
    await fc.assert(
      fc.asyncProperty(mutation, async ({ fixture, at, kind, random }) => {
        const bytes = fixtures[fixture]!.slice();
        const offset = at % Math.min(bytes.length, 512); // headers live at the start
        const patch =
          kind === "max-u32"
            ? [0xff, 0xff, 0xff, 0xff]
            : kind === "nul-run"
              ? new Array(64).fill(0)
              : [...random];
        bytes.set(patch.slice(0, bytes.length - offset), offset);
        await acceptsOrRefusesCleanly(bytes);
      }),
      { numRuns: 80 },
    );
  }, 300_000); // each run encodes a fixture: slow on a busy machine, and nothing here depends on time

  it("forged WAV headers with extreme field values are refused or decoded, never crash", async () => {
    const u16 = fc.constantFrom(0, 1, 2, 3, 6, 7, 8, 16, 0xfffe, 0xffff);
    const u32 = fc.constantFrom(0, 1, 7999, 8000, 48000, 48001, 0x7fffffff, 0xffffffff);
    await fc.assert(
      fc.asyncProperty(u16, u16, u32, u16, u32, async (tag, channels, sampleRate, bits, declaredDataSize) => {
        await acceptsOrRefusesCleanly(
          makeWav({ tag, channels, sampleRate, bits, declaredDataSize, data: new Uint8Array(64) }),
        );
      }),
      { numRuns: 150 },
    );
  });
});
