#!/usr/bin/env bash
# security_escapes.sh - no raw control character, escape sequence, bidi
# control (U+202A-U+202E, U+2066-U+2069) or invalid UTF-8 reaches stdout or
# stderr of any command: typed input holding them is refused; hostile
# command-line arguments and file names are neutralised in messages; values
# written straight into the database (past input validation) are
# neutralised in text, JSON (which stays valid) and PDF output.
source "$(dirname "$0")/../lib/common.sh"
EX="$MI_FIXTURES/examples"
# C0 controls but tab and newline, DEL, C1 (as UTF-8), bidi controls, and
# bytes that are never valid UTF-8.
BAD=$'[\x01-\x08\x0b-\x1f\x7f\xc0\xc1\xf5-\xff]|\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]'
H=$'x\e]2;PWNED\a\e[31m\u202e\u2066\r\xc2\x9b\xff'

# expect_clean DESCRIPTION: the last run's stdout and stderr hold nothing bad.
expect_clean() {
	mi_test_count=$((mi_test_count + 1))
	local found
	found=$(printf '%s\n%s' "$out" "$err" | LC_ALL=C grep -naP "$BAD" | head -n 3 | cat -A)
	[[ -z $found ]] || fail "$1: raw control or bidi bytes in the output: $found"
}

# ---- typed input holding them is refused, the message stays clean
printf '{"client": {"name": "A\\u202eB"}}' >"$T/bidi.json"
printf '{"client": {"name": "A"}, "worse_with": "a\\u001b]2;x\\u0007b"}' >"$T/esc.json"
printf '{"client": {"name": "A"}, "medications": ["warfarin\\u2066"]}' >"$T/isolate.json"
printf '{"client": {"name": "A"}, "k\\u001b]2;x\\u0007": 1}' >"$T/key.json"
for f in bidi esc isolate key; do
	for cmd in screen "intake --answers"; do
		# shellcheck disable=SC2086
		run "$MI" $cmd "$T/$f.json"
		expect_rc 65 "$cmd $f.json"
		expect_clean "$cmd $f.json"
	done
done
run "$MI" screen "$T/bidi.json"
expect_err_has "text-direction control" "a bidi control is named"
run "$MI" clients
expect_out_has "no clients yet" "refused intakes stored nothing"
printf '{"client": {"name": "A"}}\n{"client": {"name": "B\\u202e"}}\n' >"$T/two.jsonl"
run "$MI" screen --jsonl "$T/two.jsonl"
expect_rc 65 "screen --jsonl with a bidi control"
expect_err_has "line 2" "screen --jsonl names the line"
expect_clean "screen --jsonl with a bidi control"

run "$MI" intake --answers "$EX/02-modify-blood-thinner.json"
expect_rc 0 "a clean intake"
for opt in --response --therapist-notes --aftercare --goals-other --areas-other; do
	run "$MI" note 1 "$opt" "$H"
	expect_rc 65 "note $opt with escapes"
	expect_clean "note $opt with escapes"
	run "$MI" note 1 "$opt" $'left \u202eside'
	expect_rc 65 "note $opt with a bidi control"
done

# ---- hostile arguments and file names are neutralised in messages
mkdir -p "$T/dir$H"
printf '{"client": {"name": "A"}}' >"$T/dir$H/answers$H.json"
printf 'version = 1\n[rule x]\nlevel = urgent\nwhen = fever\nmessage = a\xe2\x80\xaeb\nnote = n\nsource = s\n' >"$T/bidi-rules.conf"
cases=(
	"$H"
	"show $H"
	"history $H"
	"aftercare $H"
	"clients --$H"
	"audit --limit $H"
	"screen $T/missing$H.json"
	"screen $T/dir$H/answers$H.json"
	"intake --answers $T/missing$H.json"
	"--rules $T/missing$H.conf rules"
	"--rules $T/bidi-rules.conf rules"
	"--data $T/missing$H rules"
	"--db $T/missing$H/x.db show 1"
	"backup $T/missing$H/copy.db"
	"aftercare 1 -o $T/missing$H/a.txt"
)
for c in "${cases[@]}"; do
	IFS=' ' read -r -a args <<<"$c"
	run "$MI" "${args[@]}"
	expect_clean "massage-intake $(printf '%q' "$c")"
	mi_test_count=$((mi_test_count + 1))
	[[ $rc -ne 70 && $rc -lt 128 ]] || fail "$(printf '%q' "$c"): exit $rc"
done
run "$MI" screen "$T/missing$H.json"
expect_rc 66 "a missing file with escapes in its name"
expect_err_has "PWNED" "the file name is still shown"

# ---- values written straight into the database, past input validation
run "$MI" note 1 --goal reduce_spasm --goals-other g --area low_back --areas-other a \
	--technique friction --pressure light --response r --therapist-notes t --aftercare ac
expect_rc 0 "notes to overwrite"
run "$MI" intake --answers "$EX/03-refer-radicular-weakness.json"
expect_rc 0 "a second client"
db="$T/hostile.db"
cp "$MASSAGE_INTAKE_DB" "$db"
sqlite3 "$db" "CREATE TEMP TABLE h(v TEXT);
	INSERT INTO h VALUES ('Eve' || char(27) || ']2;PWNED' || char(7) || char(27) || '[31m'
		|| char(8238) || char(8294) || char(13) || char(155) || char(127) || 'Z'
		|| CAST(x'ff' AS TEXT));
	UPDATE clients SET name = (SELECT v FROM h), phone = (SELECT v FROM h),
		email = (SELECT v FROM h), birth_date = (SELECT v FROM h);
	UPDATE visits SET goals_other = (SELECT v FROM h), rules_version = (SELECT v FROM h),
		who = (SELECT v FROM h);
	UPDATE visit_flags SET rule_id = (SELECT v FROM h);
	UPDATE visit_goals SET goal = (SELECT v FROM h);
	UPDATE session_areas SET area = (SELECT v FROM h);
	UPDATE session_techniques SET technique = (SELECT v FROM h);
	UPDATE session_notes SET areas_other = (SELECT v FROM h), response = (SELECT v FROM h),
		therapist_notes = (SELECT v FROM h), who = (SELECT v FROM h);
	UPDATE aftercare_notes SET text = (SELECT v FROM h), who = (SELECT v FROM h);
	UPDATE audit_log SET who = (SELECT v FROM h), action = (SELECT v FROM h),
		table_name = (SELECT v FROM h);
	INSERT INTO settings VALUES ('clinic_name', (SELECT v FROM h), 'x');" ||
	fail "writing hostile values into the copy"
for c in "clients" "clients --search eve" "show 1" "show 2" "history 1" "history 2" "audit" \
	"aftercare 1" "aftercare 2"; do
	# shellcheck disable=SC2086
	run "$MI" --db "$db" $c
	expect_rc 0 "$c on hostile stored values"
	expect_clean "$c on hostile stored values"
done
run "$MI" --db "$db" show 1
expect_out_has $'Eve\uFFFD]2;PWNED' "show: the name is shown, neutralised"
for c in "clients --json" "show 1 --json" "show 2 --json" "history 1 --json" "audit --json"; do
	# shellcheck disable=SC2086
	run "$MI" --db "$db" $c
	expect_rc 0 "$c on hostile stored values"
	expect_clean "$c on hostile stored values"
	mi_test_count=$((mi_test_count + 1))
	jq -e . >/dev/null <<<"$out" || fail "$c: not valid JSON: $out"
done
run "$MI" --db "$db" clients --json
mi_test_count=$((mi_test_count + 1))
[[ $(jq -r '.[0].name' <<<"$out") == $'Eve\uFFFD]2;PWNED\uFFFD\uFFFD[31m'* ]] ||
	fail "clients --json: the name is not neutralised as expected: $(jq -r '.[0].name' <<<"$out")"
run "$MI" --db "$db" aftercare 1 --format pdf -o "$T/hostile.pdf"
expect_rc 0 "aftercare PDF on hostile stored values"
out=$(pdftotext -enc UTF-8 "$T/hostile.pdf" - | tr -d '\f') err=""
expect_clean "the PDF's text"

# Stored answers that break the rules are refused when read back, in one
# clean sentence, instead of being shown.
sqlite3 "$db" "UPDATE visits SET answers = json_set(answers, '\$.worse_with',
	'a' || char(27) || ']2;PWNED' || char(7) || char(8238)) WHERE id = 1"
run "$MI" --db "$db" show 1
expect_rc 74 "show of stored answers with escapes"
expect_clean "show of stored answers with escapes"

finish
