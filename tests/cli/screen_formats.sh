#!/usr/bin/env bash
# screen: standard input, --jsonl streaming, and the JSON of every example
# matching what --json gives for the same file.
source "$(dirname "$0")/../lib/common.sh"
EX="$MI_FIXTURES/examples"

run bash -c "\"$MI\" screen - <\"$EX/02-modify-blood-thinner.json\""
expect_rc 0 "stdin with -"
expect_out_has "outcome: modify" "stdin with - outcome"
run bash -c "\"$MI\" screen --json <\"$EX/04-urgent-bladder-change.json\""
expect_rc 0 "stdin without a file"
expect_out_has '"outcome": "urgent"' "stdin without a file outcome"

# --jsonl: one compact object per line, blank lines skipped, order kept.
for f in "$EX"/0*.json; do jq -c . "$f"; echo; done >"$T/all.jsonl"
run "$MI" screen --jsonl "$T/all.jsonl"
expect_rc 0 "--jsonl exit"
[[ $(wc -l <<<"$out") -eq 5 ]] || fail "--jsonl gives $(wc -l <<<"$out") lines, expected 5"
outcomes=$(jq -r .outcome <<<"$out" | tr '\n' ' ')
mi_test_count=$((mi_test_count + 1))
[[ $outcomes == "proceed modify refer urgent proceed " ]] || fail "--jsonl outcomes in order: $outcomes"
i=0
for f in "$EX"/0*.json; do
	i=$((i + 1))
	want=$("$MI" screen --json "$f")
	got=$(sed -n "${i}p" <<<"$out")
	mi_test_count=$((mi_test_count + 1))
	[[ $got == "$want" ]] || fail "--jsonl line $i differs from --json of $f"
done

run bash -c "\"$MI\" screen --jsonl - <\"$T/all.jsonl\""
expect_rc 0 "--jsonl from stdin"
[[ $(wc -l <<<"$out") -eq 5 ]] || fail "--jsonl from stdin gives $(wc -l <<<"$out") lines"

# A bad line stops with its number; the lines before it were answered.
{ jq -c . "$EX/01-proceed-chronic-tightness.json"; jq -c . "$EX/02-modify-blood-thinner.json"
  echo '{"fever": "maybe"}'; jq -c . "$EX/04-urgent-bladder-change.json"; } >"$T/bad.jsonl"
run "$MI" screen --jsonl "$T/bad.jsonl"
expect_rc 65 "--jsonl bad line"
expect_err_has "line 3: " "--jsonl names the line"
expect_err_has '"fever"' "--jsonl names the key"
[[ $(wc -l <<<"$out") -eq 2 ]] || fail "--jsonl printed $(wc -l <<<"$out") results before the bad line, expected 2"

# A line longer than the document limit is refused without reading it all.
{ jq -c . "$EX/01-proceed-chronic-tightness.json"; head -c 300000 /dev/zero | tr '\0' ' '; echo; } >"$T/long.jsonl"
run "$MI" screen --jsonl "$T/long.jsonl"
expect_rc 65 "--jsonl long line"
expect_err_has "line 2: longer than" "--jsonl long line named"

# Many lines in one process, memory flat: 20,000 intakes.
jq -c . "$EX/03-refer-radicular-weakness.json" >"$T/one.jsonl"
yes "$(cat "$T/one.jsonl")" | head -n 20000 >"$T/many.jsonl"
run "$MI" screen --jsonl "$T/many.jsonl"
expect_rc 0 "--jsonl 20000 lines"
mi_test_count=$((mi_test_count + 1))
[[ $(wc -l <<<"$out") -eq 20000 ]] || fail "--jsonl 20000 lines gave $(wc -l <<<"$out")"

run "$MI" screen --jsonl "$T/missing.jsonl"
expect_rc 66 "--jsonl missing file"
run "$MI" screen "$T/missing.json"
expect_rc 66 "missing file"

finish
