#!/usr/bin/env bash
# export_copy.sh - `export`: the command line, FHIR to files and standard
# output, --all --jsonl, a client's own copy as JSON and PDF, and the audit
# entry written before anything is (an export that cannot be logged is not
# done).
source "$(dirname "$0")/../lib/common.sh"
EX="$MI_FIXTURES/examples"

# Bad command lines.
run "$MI" export --help
expect_rc 0 "export --help"
expect_out_has "Usage: massage-intake export --fhir VISIT" "export --help"
for args in "" "--fhir abc" "--fhir 1 --all" "--all --format json" "--client 1 --format pdf --jsonl" \
	"--client 1 --format xml" "--client 1 --paper a4" "--client 1 --format pdf --paper a5" \
	"--questionnaire --jsonl" "--bogus" "--all extra" "--fhir"; do
	# shellcheck disable=SC2086
	run "$MI" export $args
	expect_rc 64 "export $args"
	expect_err_has "massage-intake: " "export $args"
done
run "$MI" export --fhir 1
expect_rc 66 "export before any database"

for f in "$EX"/0[1-3]*.json; do
	run "$MI" intake --answers "$f"
	expect_rc 0 "intake $(basename "$f")"
done
# Walter comes back: a second visit for client 2.
run "$MI" intake --answers "$EX/02-modify-blood-thinner.json"
expect_rc 0 "second visit"
walter_second=$out
run "$MI" note "$walter_second" --pressure light --response "relaxed, a little sore" \
	--therapist-notes "tender left QL, check next time" --aftercare "Drink water and walk gently."
expect_rc 0 "note"
# Closed (signed), then changed (an amendment), with a plan.
run "$MI" note "$walter_second" --close
expect_rc 0 "the visit closed"
run "$MI" note "$walter_second" --response "sore the next day" --plan maintenance_4_weeks
expect_rc 0 "an amendment and a plan"
before=$(sqlite3 "$MASSAGE_INTAKE_DB" "SELECT count(*) FROM audit_log")
run "$MI" export --fhir 99
expect_rc 67 "export of a missing visit"
expect_err_has "there is no visit 99" "export of a missing visit"
run "$MI" export --client 99 --format json
expect_rc 67 "copy of a missing client"
mi_test_count=$((mi_test_count + 1))
[[ $(sqlite3 "$MASSAGE_INTAKE_DB" "SELECT count(*) FROM audit_log") -eq $before ]] ||
	fail "a refused export left an audit entry"

# FHIR to standard output and to files; every one logged.
run "$MI" export --fhir 1
expect_rc 0 "export --fhir to standard output"
mi_test_count=$((mi_test_count + 1))
[[ $(jq -r '.resourceType + " " + .type' <<<"$out") == "Bundle transaction" ]] || fail "export --fhir: not a Bundle"
expect_logged "export fhir visits 1" "export --fhir"
run "$MI" export --client 2 -o "$T/walter.json"
expect_rc 0 "export --client"
mi_test_count=$((mi_test_count + 1))
[[ $(jq length "$T/walter.json") -eq 2 ]] || fail "export --client 2: expected an array of 2 Bundles"
mi_test_count=$((mi_test_count + 1))
[[ $(stat -c %a "$T/walter.json") == 600 ]] || fail "the export file is not mode 0600"
expect_logged "export fhir clients 2" "export --client"
run "$MI" export --all --jsonl
expect_rc 0 "export --all --jsonl"
mi_test_count=$((mi_test_count + 1))
[[ $(grep -c . <<<"$out") -eq 4 ]] || fail "export --all --jsonl: expected 4 lines: $out"
mi_test_count=$((mi_test_count + 1))
jq -e -s 'all(.[]; .resourceType == "Bundle")' <<<"$out" >/dev/null || fail "export --all --jsonl: a line is not a Bundle"
expect_logged "export fhir database -" "export --all"
run "$MI" export --all
mi_test_count=$((mi_test_count + 1))
[[ $(jq length <<<"$out") -eq 4 ]] || fail "export --all: expected an array of 4 Bundles"
# The same Patient identifier in both of Walter's Bundles, never his name.
mi_test_count=$((mi_test_count + 1))
[[ $(jq -r '[.[].entry[0].request.ifNoneExist] | unique | length' "$T/walter.json") -eq 1 ]] ||
	fail "Walter's two Bundles do not create the Patient on the same identifier"
mi_test_count=$((mi_test_count + 1))
! jq -r '.[].entry[0].request.ifNoneExist' "$T/walter.json" | grep -q Walter || fail "the identifier holds the name"

# The audit entry comes first: an export whose file cannot be made is
# still logged as attempted, and nothing is left behind.
run "$MI" export --fhir 1 -o "$T/no/such/folder/x.json"
expect_rc 73 "export to a folder that does not exist"
expect_logged "export fhir visits 1" "export to a folder that does not exist"
run "$MI" export --client 1 --format json -o "$T/no/such/folder/x.json"
expect_rc 73 "copy to a folder that does not exist"
expect_logged "export copy clients 1" "copy to a folder that does not exist"

# The client's copy as JSON: everything held, and answers that read back.
run "$MI" export --client 2 --format json -o "$T/copy.json"
expect_rc 0 "export --client --format json"
expect_logged "export copy clients 2" "client copy"
mi_test_count=$((mi_test_count + 1))
[[ $(jq -r '.client.name' "$T/copy.json") == "Walter Brandt" ]] || fail "copy: no client name"
mi_test_count=$((mi_test_count + 1))
[[ $(jq '.visits | length' "$T/copy.json") -eq 2 ]] || fail "copy: not both visits"
mi_test_count=$((mi_test_count + 1))
[[ $(jq -r '.visits[1].session_notes.therapist_notes' "$T/copy.json") == "tender left QL, check next time" ]] ||
	fail "copy: the therapist's notes are missing"
mi_test_count=$((mi_test_count + 1))
[[ $(jq -r '.visits[1].aftercare_notes' "$T/copy.json") == "Drink water and walk gently." ]] ||
	fail "copy: the aftercare notes are missing"
mi_test_count=$((mi_test_count + 1))
[[ $(jq -r '.visits[0].flags[0].rule + " " + .visits[0].flags[0].level' "$T/copy.json") == "anticoagulant modify" ]] ||
	fail "copy: the flags are missing"
mi_test_count=$((mi_test_count + 1))
[[ -n $(jq -r '.visits[0].flags[0].message' "$T/copy.json") ]] || fail "copy: a flag has no message"
mi_test_count=$((mi_test_count + 1))
jq -e '.visits[1].signed_notes.by == "cli" and (.visits[1].signed_notes.at | length) > 0
	and .visits[1].signed_notes.amendments[0].field == "response"
	and .visits[1].signed_notes.amendments[0].before == "relaxed, a little sore"
	and .visits[1].signed_notes.amendments[0].after == "sore the next day"
	and .visits[1].plan.id == "maintenance_4_weeks" and .visits[1].plan.plan == "maintenance:28"
	and (.visits[1].consent_text.sha256 | test("^[0-9a-f]{64}$"))
	and .visits[1].consent_text.version != null
	and .visits[0].signed_notes == null and .visits[0].plan == null' "$T/copy.json" >/dev/null ||
	fail "copy: the signature, the amendment, the plan or the consent text: $(jq -c '.visits[1] | {signed_notes, plan, consent_text}' "$T/copy.json")"
jq '.visits[0].answers' "$T/copy.json" >"$T/answers-back.json"
run "$MI" screen --json "$T/answers-back.json"
expect_rc 0 "the copy's answers read back as an answers file"
expect_out_has "\"outcome\": \"modify\"" "the copy's answers screen the same"

# The same as a PDF.
run "$MI" export --client 2 --format pdf --paper letter -o "$T/copy.pdf"
expect_rc 0 "export --client --format pdf"
expect_logged "export copy clients 2" "client copy PDF"
text=$(pdftotext "$T/copy.pdf" - 2>/dev/null | tr -s ' \n' ' ')
for want in "Everything we hold about you" "Walter Brandt" "1951-07-02" "Visit of 2026-11-23 (number 2)" \
	"Visit of 2026-11-23 (number 4)" "Xarelto 20mg once a day" "tender left QL" "Drink water and walk gently" \
	"anticoagulant (modify)" "Pain now (0-10): 4" "Notes signed by: cli" \
	"response by cli" "before: relaxed, a little sore" "maintenance, a session every 4 weeks" \
	"Consent text agreed: version"; do
	mi_test_count=$((mi_test_count + 1))
	grep -qF -- "$want" <<<"$text" || fail "copy PDF lacks '$want'"
done
mi_test_count=$((mi_test_count + 1))
[[ $(pdfinfo "$T/copy.pdf" | sed -n 's/^Page size: *\([0-9]*\) x.*/\1/p') == 612 ]] || fail "copy PDF is not on letter paper"
mi_test_count=$((mi_test_count + 1))
[[ $(pdfinfo "$T/copy.pdf" | sed -n 's/^Pages: *//p') -ge 2 ]] || fail "copy PDF of two visits fits one page?"
mi_test_count=$((mi_test_count + 1))
pdffonts "$T/copy.pdf" | tail -n +3 | awk '{print $(NF-4)}' | grep -qv yes && fail "copy PDF has a font not embedded"

# No name or health detail in the audit log from any of it.
dump=$(sqlite3 "$MASSAGE_INTAKE_DB" "SELECT * FROM audit_log")
for word in Walter Brandt Xarelto anticoagulant tender "Drink water"; do
	mi_test_count=$((mi_test_count + 1))
	! grep -qiF -- "$word" <<<"$dump" || fail "the audit log holds '$word'"
done

# An export that cannot be logged (another program holds the write lock
# beyond the 5-second wait) writes nothing.
hold_open "$MASSAGE_INTAKE_DB" "BEGIN IMMEDIATE;"
run "$MI" export --client 2 --format json -o "$T/locked-copy.json"
expect_rc 75 "copy while the database is locked"
mi_test_count=$((mi_test_count + 1))
[[ ! -e "$T/locked-copy.json" ]] || fail "a copy that could not be logged was written"
mi_test_count=$((mi_test_count + 1))
[[ -z $(find "$T" -maxdepth 1 -name '.locked-copy.json.*') ]] || fail "a temporary file was left behind"
release "ROLLBACK;"

finish
