#!/usr/bin/env bash
# Every class of bad answers input through `screen`: exit 65, one sentence
# on stderr that starts with "massage-intake:" and names the key or line.
source "$(dirname "$0")/../lib/common.sh"

# refused JSON NEEDLE: screens JSON from a file and expects exit 65 with NEEDLE.
refused() {
	printf '%s' "$1" >"$T/in.json"
	run "$MI" screen "$T/in.json"
	expect_rc 65 "refuse: $1"
	expect_err_has "massage-intake: $T/in.json: " "file named for: $1"
	expect_err_has "$2" "names the problem for: $1"
	[[ $(printf '%s' "$err" | wc -l) -le 1 ]] || fail "more than one line for: $1 ($err)"
	[[ -z $out ]] || fail "stdout not empty for: $1 ($out)"
}

refused '{"fevr": true}' 'unknown key "fevr"'
refused '{"client": {"name": "A", "nick": "B"}}' 'unknown key "client.nick"'
refused '{"fever": "yes"}' '"fever" must be true or false'
refused '{"pain_intensity": "high"}' '"pain_intensity" must be a whole number'
refused '{"pain_intensity": 11}' '"pain_intensity" must be a whole number from 0 to 10, not 11'
refused '{"age": -4}' '"age"'
refused '{"onset": "slowly"}' '"onset" must be one of gradual, sudden, injury'
refused '{"leg_symptoms": ["tingly"]}' '"leg_symptoms" item 1 must be one of'
refused '{"medications": "warfarin"}' '"medications" must be a list'
refused '{"worse_with": "bell\u0007"}' '"worse_with" contains a control character'
refused '{"client": {"name": "x\u202Ey"}}' '"client.name" contains an invisible text-direction control'
refused '{"client": {"birth_date": "30/11/1979"}}' '"client.birth_date" must be a real date'
refused '' 'empty'
refused '   ' 'empty'
refused '[]' 'must be one JSON object, not a list'
refused '{"fever": true' 'not valid JSON'
refused '{"fever": true,}' 'not valid JSON'
refused '{"fever": true, "fever": false}' 'given twice'
printf '{"worse_with": "caf\xe9"}' >"$T/latin1.json"
run "$MI" screen "$T/latin1.json"
expect_rc 65 "latin-1 text"
expect_err_has "not valid UTF-8" "latin-1 text named"

long=$(head -c 2001 /dev/zero | tr '\0' 'x')
refused "{\"past_injuries\": \"$long\"}" '"past_injuries" is 2001 bytes long; the limit is 2000 bytes'
refused "$(printf '%.0s[' {1..5000})" 'nested deeper than'
head -c 400000 /dev/zero | tr '\0' ' ' >"$T/huge.json"
run "$MI" screen "$T/huge.json"
expect_rc 65 "huge file"
expect_err_has "larger than" "huge file named"

# Valid but awkward text is accepted unchanged.
cat >"$T/ok.json" <<'JSON'
{"client": {"name": "Zoë O'Brien \"Zed\" Αλέξης مريم 李"}, "worse_with": "'); DROP TABLE clients; --"}
JSON
run "$MI" screen --json "$T/ok.json"
expect_rc 0 "awkward but valid text"

# Missing file: 66.
run "$MI" screen "$T/does-not-exist.json"
expect_rc 66 "missing file"
expect_err_has "does-not-exist.json" "missing file named"

# --jsonl names the line.
{
	echo '{"fever": false}'
	echo '{"fever": true}'
	echo '{"fever": "no"}'
	echo '{"fever": false}'
} >"$T/batch.jsonl"
run "$MI" screen --jsonl "$T/batch.jsonl"
expect_rc 65 "jsonl with a bad line"
expect_err_has "line 3" "jsonl names the line"
expect_err_has '"fever"' "jsonl names the key"

# A birth date after today (MASSAGE_INTAKE_TODAY) is refused by screen and
# intake as it is by the desk and the kiosk; so is an age that disagrees
# with the birth date. Nothing is stored.
future='{"client": {"name": "Ana Lind", "birth_date": "2026-11-24"}, "fever": false}'
refused "$future" '"client.birth_date" is after today'
printf '%s' "$future" >"$T/future.json"
run "$MI" intake --answers "$T/future.json"
expect_rc 65 "intake with a future birth date"
expect_err_has "\"client.birth_date\" is after today" "intake with a future birth date"
mi_test_count=$((mi_test_count + 1))
[[ ! -e $MASSAGE_INTAKE_DB ]] || [[ $(sqlite3 "$MASSAGE_INTAKE_DB" "SELECT count(*) FROM visits") -eq 0 ]] ||
	fail "an intake with a future birth date was stored"
refused '{"client": {"name": "Ana Lind", "birth_date": "2026-11-23"}, "age": 1}' '"age" does not match "client.birth_date"'
printf '{"fever": false}\n%s\n' "$future" >"$T/future.jsonl"
run "$MI" screen --jsonl "$T/future.jsonl"
expect_rc 65 "jsonl with a future birth date"
expect_err_has "line 2: \"client.birth_date\" is after today" "jsonl names the line of the future birth date"
printf '%s' '{"client": {"name": "Ana Lind", "birth_date": "1980-11-23"}, "age": 46}' >"$T/age.json"
run "$MI" screen "$T/age.json"
expect_rc 0 "an age that matches the birth date"

# No refusal quotes the text it refuses (it may be health information):
# through screen, screen --jsonl and intake, and note's options.
# refused_quietly RC ARGS...: the program refuses ARGS with exit RC and
# does not quote the word SECRETWORD.
refused_quietly() {
	local want=$1
	shift
	run "$MI" "$@"
	expect_rc "$want" "$*"
	mi_test_count=$((mi_test_count + 1))
	[[ $err != *SECRETWORD* ]] || fail "$* quotes the refused text: $err"
}
for doc in '{"onset": "SECRETWORD"}' '{"fever": "SECRETWORD"}' '{"goals": ["SECRETWORD"]}' \
	'{"client": {"name": "A", "birth_date": "SECRETWORD"}}' '{"worse_with": SECRETWORD}' \
	'{"worse_with": "SECRETWORD\x"}' '{"worse_with": "SECRETWORD' '"SECRETWORD"' \
	'{"client": {"name": "A", "email": "SECRETWORD"}}'; do
	printf '%s' "$doc" >"$T/secret.json"
	printf '%s\n' "$doc" >"$T/secret.jsonl"
	refused_quietly 65 screen "$T/secret.json"
	refused_quietly 65 screen --jsonl "$T/secret.jsonl"
	refused_quietly 65 intake --answers "$T/secret.json"
done
"$MI" intake --answers "$MI_FIXTURES/examples/01-proceed-chronic-tightness.json" >/dev/null || fail "setup intake"
for option in --pressure --goal --area --technique; do
	refused_quietly 64 note 1 "$option" SECRETWORD
done
refused_quietly 64 note 1 --reponse=SECRETWORD
refused_quietly 64 note 1 --response ok SECRETWORD
refused_quietly 65 note 1 --therapist-notes "$(printf 'SECRETWORD\a')"
for command in clients intake audit; do
	refused_quietly 64 "$command" SECRETWORD
done

# Bad command lines: 64.
run "$MI" screen --frobnicate
expect_rc 64 "unknown option"
run "$MI" screen "$T/ok.json" "$T/ok.json"
expect_rc 64 "two input files"

finish
