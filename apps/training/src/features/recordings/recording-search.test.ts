import { describe, expect, it } from "vitest";
import { parseRecordingSearch, toRecordingQuery } from "./recording-search.js";

const UUID = "0b8c8f8e-6a55-4d1c-9a51-5b1f9c1b2a3d";

describe("recording search in the address", () => {
  it("keeps well-formed filters and the order", () => {
    expect(
      parseRecordingSearch({
        staff: UUID,
        from: "2026-11-01",
        to: "2026-11-30",
        min: 30,
        max: "120",
        sort: "longest",
      }),
    ).toEqual({ staff: UUID, from: "2026-11-01", to: "2026-11-30", min: 30, max: 120, sort: "longest" });
  });

  it("drops malformed values and the default order", () => {
    expect(
      parseRecordingSearch({
        staff: "1 or 1=1",
        from: "yesterday",
        to: "2026-13-45",
        min: -5,
        max: 1.5,
        sort: "newest",
      }),
    ).toEqual({});
    expect(parseRecordingSearch({ sort: "loudest" })).toEqual({});
  });

  it("turns it into the API's query: local days to instants, seconds to milliseconds, sort to order", () => {
    const query = toRecordingQuery({ from: "2026-11-01", to: "2026-11-01", min: 30, sort: "shortest" });
    expect(query.order).toBe("shortest");
    expect(query.durationMinMs).toBe(30_000);
    expect(query.durationMaxMs).toBeUndefined();
    expect(Date.parse(query.to ?? "") - Date.parse(query.from ?? "")).toBe(
      new Date(2026, 10, 2).getTime() - new Date(2026, 10, 1).getTime(),
    );
    expect(toRecordingQuery({}).order).toBe("desc");
    expect(toRecordingQuery({ sort: "oldest" }).order).toBe("asc");
  });
});
