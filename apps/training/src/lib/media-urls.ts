/**
 * The only ways the app reaches audio: streamed inline by the API to this session (R8), never a
 * download. `playlist` tells the API which training path authorises the listen (R2).
 */
export function audioUrl(recordingId: string, via?: { playlistId?: string | null }): string {
  const base = `/media/recordings/${encodeURIComponent(recordingId)}/audio`;
  return via?.playlistId ? `${base}?playlist=${encodeURIComponent(via.playlistId)}` : base;
}

export function peaksUrl(recordingId: string): string {
  return `/media/recordings/${encodeURIComponent(recordingId)}/peaks`;
}
