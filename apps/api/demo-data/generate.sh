#!/usr/bin/env bash
# Regenerates the Kuulo demo recordings (call-*.wav/mp3/opus) and manifest.jsonl from dialogues/*.txt.
# Needs: espeak-ng (Finnish voice), sox, lame (MP3), opusenc (opus-tools).
# Deterministic: same tool versions + same inputs => byte-identical outputs.
set -euo pipefail
export LC_ALL=C.UTF-8

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dialogues="$here/dialogues"
out="$here"
manifest="$here/manifest.jsonl"
rate=8000

for tool in espeak-ng sox lame opusenc; do
  command -v "$tool" >/dev/null || { echo "generate.sh: missing tool '$tool'" >&2; exit 1; }
done

# Staff (the only staff data the register allows): key|firstName|lastName|username|phone|unit|voice|pitch|wpm
staff_table='
aino|Aino|Virtanen|aino.virtanen|+358401234501|HKI-MYYNTI|fi+f2|55|160
mikko|Mikko|Korhonen|mikko.korhonen|+358401234502|HKI-ASPA|fi+m3|40|155
jussi|Jussi|Mäkelä|jussi.makela|+358401234503|HKI-ASPA|fi+m1|50|162
laura|Laura|Nieminen|laura.nieminen|+358401234504|TRE-ASPA|fi+f4|60|158
sanna|Sanna|Heikkinen|sanna.heikkinen|+358401234505|TRE-ASPA|fi+f3|48|152
'

# Calls: id|format|staff|callStartedAt|customerVoice|customerPitch|customerWpm
# format: pcm16 / ulaw / alaw => .wav, mp3 => .mp3, opus => .opus (Ogg Opus)
call_table='
001|ulaw|aino|2026-10-05T09:14:00+03:00|fi+m4|35|150
002|mp3|mikko|2026-10-07T10:02:00+03:00|fi+f5|62|165
003|opus|laura|2026-10-13T13:41:00+03:00|fi+m2|45|155
004|mp3|aino|2026-10-16T08:37:00+03:00|fi+f1|58|160
005|opus|jussi|2026-10-21T14:22:00+03:00|fi+m6|30|158
006|pcm16|sanna|2026-10-28T11:05:00+02:00|fi+m7|42|160
007|mp3|laura|2026-11-03T09:48:00+02:00|fi+m5|38|150
008|ulaw|mikko|2026-11-09T15:10:00+02:00|fi+f3|66|162
009|mp3|jussi|2026-11-11T10:26:00+02:00|fi+m4|35|150
010|opus|sanna|2026-11-17T12:53:00+02:00|fi+f5|62|165
011|opus|aino|2026-11-20T13:30:00+02:00|fi+m2|45|155
012|alaw|mikko|2026-11-25T11:19:00+02:00|fi+m5|38|150
'

# Gaps between turns in seconds, cycled so the rhythm varies but stays reproducible.
gaps=(0.45 0.70 0.35 0.90 0.55 0.40 0.65)

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out"
: >"$manifest"

staff_field() { # staff_field <key> <column 2..9>
  awk -F'|' -v k="$1" -v c="$2" '$1 == k { print $c }' <<<"$staff_table"
}

# One turn -> 8 kHz stereo 16-bit segment with the speech on one channel, silence on the other.
synth_turn() { # synth_turn <voice> <pitch> <wpm> <left|right> <text> <dest>
  local voice="$1" pitch="$2" wpm="$3" side="$4" text="$5" dest="$6" remix
  if [[ "$side" == left ]]; then remix=(remix 1 0); else remix=(remix 0 1); fi
  espeak-ng -v "$voice" -p "$pitch" -s "$wpm" -w "$tmp/raw.wav" -- "$text"
  # Telephone band (300-3400 Hz) and a little headroom so the mix never clips.
  sox -R -D "$tmp/raw.wav" -r "$rate" -b 16 -e signed-integer "$dest" \
    sinc 300-3400 gain -n -3 "${remix[@]}"
}

while IFS='|' read -r id format who started cvoice cpitch cwpm; do
  [[ -z "$id" ]] && continue
  script="$dialogues/call-$id.txt"
  [[ -f "$script" ]] || { echo "generate.sh: missing $script" >&2; exit 1; }
  avoice="$(staff_field "$who" 7)"; apitch="$(staff_field "$who" 8)"; awpm="$(staff_field "$who" 9)"

  parts=()
  sox -R -n -r "$rate" -c 2 -b 16 "$tmp/lead.wav" trim 0 0.30
  parts+=("$tmp/lead.wav")
  turn=0
  while IFS= read -r line || [[ -n "$line" ]]; do
    [[ -z "$line" ]] && continue
    speaker="${line%%:*}"; text="${line#*:}"; text="${text# }"
    seg="$tmp/turn-$(printf '%02d' "$turn").wav"
    case "$speaker" in
      A) synth_turn "$avoice" "$apitch" "$awpm" left "$text" "$seg" ;;
      C) synth_turn "$cvoice" "$cpitch" "$cwpm" right "$text" "$seg" ;;
      *) echo "generate.sh: $script: line must start with 'A:' or 'C:': $line" >&2; exit 1 ;;
    esac
    gap="$tmp/gap-$turn.wav"
    sox -R -n -r "$rate" -c 2 -b 16 "$gap" trim 0 "${gaps[$((turn % ${#gaps[@]}))]}"
    parts+=("$seg" "$gap")
    turn=$((turn + 1))
  done <"$script"
  sox -R -D "${parts[@]}" "$tmp/mix.wav"

  case "$format" in
    pcm16) file="call-$id.wav"; sox -R -D "$tmp/mix.wav" -e signed-integer -b 16 "$out/$file" ;;
    ulaw) file="call-$id.wav"; sox -R -D "$tmp/mix.wav" -e u-law -b 8 "$out/$file" ;;
    alaw) file="call-$id.wav"; sox -R -D "$tmp/mix.wav" -e a-law -b 8 "$out/$file" ;;
    mp3) file="call-$id.mp3"; lame --quiet -m s -b 24 --noreplaygain "$tmp/mix.wav" "$out/$file" ;;
    opus) file="call-$id.opus"
      opusenc --quiet --serial "$((10#$id))" --bitrate 20 "$tmp/mix.wav" "$out/$file" ;;
    *) echo "generate.sh: unknown format '$format' for call $id" >&2; exit 1 ;;
  esac

  printf '{"file":"%s","sourceRecordingId":"demo-%04d","firstName":"%s","lastName":"%s","username":"%s","phoneNumber":"%s","callStartedAt":"%s","unitCode":"%s"}\n' \
    "$file" "$((10#$id))" "$(staff_field "$who" 2)" "$(staff_field "$who" 3)" \
    "$(staff_field "$who" 4)" "$(staff_field "$who" 5)" "$started" "$(staff_field "$who" 6)" \
    >>"$manifest"
  echo "generated $file"
done <<<"$call_table"
