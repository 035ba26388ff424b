import { queryOptions } from "@tanstack/react-query";
import { type MediaVia, peaksUrl } from "../../lib/media-urls.js";

/** `GET /media/recordings/:id/peaks`: min/max pairs in −100…100, `buckets` pairs in all. */
export interface PeaksFile {
  version: 1;
  buckets: number;
  data: number[];
}

/** wavesurfer draws channel 0 above the axis and channel 1 below: maxima up, minima down, in −1…1. */
export function peaksToChannels(file: PeaksFile): [Float32Array, Float32Array] {
  const pairs = Math.floor(file.data.length / 2);
  const top = new Float32Array(pairs);
  const bottom = new Float32Array(pairs);
  for (let index = 0; index < pairs; index += 1) {
    const min = file.data[index * 2] ?? 0;
    const max = file.data[index * 2 + 1] ?? 0;
    top[index] = Math.max(-1, Math.min(1, max / 100));
    bottom[index] = Math.max(-1, Math.min(1, min / 100));
  }
  return [top, bottom];
}

export function isPeaksFile(value: unknown): value is PeaksFile {
  if (typeof value !== "object" || value === null) return false;
  const candidate = value as Partial<PeaksFile>;
  return candidate.version === 1 && Array.isArray(candidate.data);
}

/** A learner who may hear only a clip gets only the clip's part of the waveform: the key names the item. */
export const peaksQuery = (recordingId: string, via?: MediaVia) =>
  queryOptions({
    queryKey: ["recording-peaks", recordingId, via?.playlistId ?? null, via?.itemId ?? null],
    queryFn: async ({ signal }) => {
      const response = await fetch(peaksUrl(recordingId, via), { credentials: "same-origin", signal });
      if (!response.ok) throw new Error(`peaks: HTTP ${response.status}`);
      const body: unknown = await response.json();
      if (!isPeaksFile(body)) throw new Error("peaks: unexpected format");
      return peaksToChannels(body);
    },
    // Peaks never change for a recording; one fetch per session is enough.
    staleTime: Number.POSITIVE_INFINITY,
    retry: 1,
  });
