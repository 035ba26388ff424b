#!/usr/bin/env bash
# Checks the committed demo set: every manifest file exists, is 8 kHz stereo, 20-60 s long,
# has speech on both channels, the manifest holds only the R3 staff fields, total audio <= 4 MB.
set -euo pipefail
export LC_ALL=C.UTF-8

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
fail=0
bad() { echo "FAIL $*" >&2; fail=1; }

allowed='file,sourceRecordingId,firstName,lastName,username,phoneNumber,callStartedAt,unitCode'
total=0
printf '%-14s %-28s %4s %6s %8s %9s %8s %8s\n' file encoding ch rate seconds bytes rmsL rmsR
while IFS= read -r line; do
  keys="$(sed -E 's/"([A-Za-z]+)":"[^"]*",?/\1,/g; s/^\{//; s/,?\}$//' <<<"$line")"
  [[ "$keys" == "$allowed" ]] || bad "manifest keys '$keys' (only R3 fields allowed): $line"
  file="$(sed -E 's/^\{"file":"([^"]+)".*/\1/' <<<"$line")"
  path="$here/$file"
  [[ -f "$path" ]] || { bad "$file missing"; continue; }
  bytes="$(stat -c %s "$path")"; total=$((total + bytes))

  # Decode compressed formats to WAV so sox can measure them; report the container's own rate.
  case "$file" in
    *.wav) pcm="$path"; encoding="$(soxi -e "$path")"; rate="$(soxi -r "$path")" ;;
    *.mp3) pcm="$tmp/d.wav"; lame --quiet --decode "$path" "$pcm"; encoding=MP3; rate="$(soxi -r "$pcm")" ;;
    *.opus) pcm="$tmp/d.wav"; opusdec --quiet --rate 8000 "$path" "$pcm"; encoding=Opus
      rate="$(opusinfo "$path" | sed -nE 's/.*Original sample rate: ([0-9]+).*/\1/p')" ;;
    *) bad "$file: unexpected extension"; continue ;;
  esac
  channels="$(soxi -c "$pcm")"; seconds="$(soxi -D "$pcm")"
  rms_left="$(sox "$pcm" -n remix 1 stat 2>&1 | awk '/RMS +amplitude/ { print $3 }')"
  rms_right="$(sox "$pcm" -n remix 2 stat 2>&1 | awk '/RMS +amplitude/ { print $3 }')"
  printf '%-14s %-28s %4s %6s %8.1f %9s %8.4f %8.4f\n' \
    "$file" "$encoding" "$channels" "$rate" "$seconds" "$bytes" "$rms_left" "$rms_right"

  [[ "$channels" == 2 ]] || bad "$file: $channels channels, expected 2"
  [[ "$rate" == 8000 ]] || bad "$file: rate $rate, expected 8000"
  awk -v s="$seconds" 'BEGIN { exit !(s >= 20 && s <= 60) }' || bad "$file: ${seconds}s not in 20-60"
  awk -v l="$rms_left" -v r="$rms_right" 'BEGIN { exit !(l > 0.005 && r > 0.005) }' ||
    bad "$file: a channel is silent (L=$rms_left R=$rms_right)"
done <"$here/manifest.jsonl"

echo "total audio bytes: $total"
((total <= 4000000)) || bad "total audio $total bytes > 4 MB"
((fail == 0)) && echo "OK"
exit "$fail"
