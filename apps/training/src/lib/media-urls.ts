/**
 * The only ways the app reaches audio: streamed inline by the API to this session (R8), never a
 * download. `playlistId` tells the API which training path authorises the listen (R2); `itemId` which
 * item's clip a learner who reaches the call only through playlists gets (R10), audio and waveform alike.
 */
export interface MediaVia {
  playlistId?: string | null;
  itemId?: string | null;
}

function mediaUrl(recordingId: string, kind: "audio" | "peaks", via?: MediaVia): string {
  const base = `/media/recordings/${encodeURIComponent(recordingId)}/${kind}`;
  const query = new URLSearchParams();
  if (via?.playlistId) query.set("playlist", via.playlistId);
  if (via?.itemId) query.set("item", via.itemId);
  const text = query.toString();
  return text ? `${base}?${text}` : base;
}

export const audioUrl = (recordingId: string, via?: MediaVia): string => mediaUrl(recordingId, "audio", via);

export const peaksUrl = (recordingId: string, via?: MediaVia): string => mediaUrl(recordingId, "peaks", via);
