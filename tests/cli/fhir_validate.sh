#!/usr/bin/env bash
# fhir_validate.sh - every FHIR export validated offline against R4 with
# FHIR.js (installed by scripts/install-deps --test) and the project's own
# checks (tests/fhir/validate.js): a Bundle for each example (one with
# signed and amended notes, a plan and its consent text), for a draft,
# for a kiosk draft with no client yet, --all --jsonl, --client, and the
# Questionnaire. Broken Bundles (tests/fixtures/fhir) must be refused, each
# for its own reason.
source "$(dirname "$0")/../lib/common.sh"
EX="$MI_FIXTURES/examples"
V="$MI_SOURCE_DIR/tests/fhir/validate.js"

mi_test_count=$((mi_test_count + 1))
if ! command -v node >/dev/null; then
	fail "node is missing: run scripts/install-deps --test"
	finish
	exit 1
fi

# validate FILE... : runs the validator, keeping its output in $out.
validate() {
	run node "$V" "$T/q.json" "$@"
}

run "$MI" export --questionnaire -o "$T/q.json"
expect_rc 0 "export --questionnaire"

declare -A visit
for f in "$EX"/*.json; do
	name=$(basename "$f" .json)
	run "$MI" intake --answers "$f"
	expect_rc 0 "intake $name"
	visit[$name]=$out
done

# A draft at the desk for a known client, and a kiosk draft whose client is
# not known yet, saved one answer at a time as the UI saves them.
sqlite3 "$MASSAGE_INTAKE_DB" <<'SQL' || fail "could not add the drafts"
INSERT INTO visits (id, client_id, date, state, created, updated, who, source, reviewed)
VALUES (100, 1, '2026-11-23', 'draft', '2026-11-23T10:00:00Z', '2026-11-23T10:05:00Z', 'desk', 'desk', 1),
       (101, NULL, '2026-11-23', 'draft', '2026-11-23T11:00:00Z', '2026-11-23T11:02:00Z', 'kiosk', 'kiosk', 0);
INSERT INTO draft_answers (visit_id, key, value, saved_at) VALUES
 (100, 'pain_intensity', '6', '2026-11-23T10:01:00Z'),
 (100, 'pain_locations', '["low_back"]', '2026-11-23T10:01:00Z'),
 (100, 'leg_symptoms', '["numbness_tingling"]', '2026-11-23T10:02:00Z'),
 (100, 'leg_symptoms_both_sides', 'false', '2026-11-23T10:03:00Z'),
 (100, 'recent_surgery_weeks', 'null', '2026-11-23T10:04:00Z'),
 (101, 'client.name', '"Kiosk Person"', '2026-11-23T11:01:00Z'),
 (101, 'fever', 'false', '2026-11-23T11:02:00Z');
SQL

# One visit with everything beside its intake: notes signed and amended, a
# follow-up plan; another reassessed. Every stored intake has its consent.
v=${visit[02-modify-blood-thinner]}
run bash -c "printf '[response]\nRelaxed.\n[therapist-notes]\nBruises <easily> & often.\n' |
	'$MI' note $v --from-file -"
expect_rc 0 "notes"
run "$MI" note "$v" --close
expect_rc 0 "the visit closed, its notes signed"
run "$MI" note "$v" --response "Sore the next day." --plan series_3_weekly
expect_rc 0 "an amendment and a plan"
run "$MI" note "${visit[01-proceed-chronic-tightness]}" --plan reassess
expect_rc 0 "a reassessment"

files=()
for name in "${!visit[@]}"; do
	run "$MI" export --fhir "${visit[$name]}" -o "$T/$name.fhir.json"
	expect_rc 0 "export --fhir $name"
	files+=("$T/$name.fhir.json")
done
run "$MI" export --fhir 100 -o "$T/draft.json"
expect_rc 0 "export --fhir of a draft"
mi_test_count=$((mi_test_count + 1))
[[ -z $out ]] || fail "export -o printed: $out"
mi_test_count=$((mi_test_count + 1))
grep -q '"status": "in-progress"' "$T/draft.json" || fail "a draft's response is not in-progress"
mi_test_count=$((mi_test_count + 1))
grep -q '"status": "preliminary"' "$T/draft.json" || fail "a draft's pain Observation is not preliminary"
run "$MI" export --fhir 101 -o "$T/kiosk-draft.json"
expect_rc 0 "export --fhir of a kiosk draft without a client"
mi_test_count=$((mi_test_count + 1))
! grep -q '"Patient"' "$T/kiosk-draft.json" || fail "a draft without a client got a Patient"
run "$MI" export --all --jsonl -o "$T/all.ndjson"
expect_rc 0 "export --all --jsonl"
mi_test_count=$((mi_test_count + 1))
[[ $(wc -l <"$T/all.ndjson") -eq 7 ]] || fail "export --all --jsonl: expected 7 lines, got $(wc -l <"$T/all.ndjson")"
run "$MI" export --client 1 -o "$T/client1.json"
expect_rc 0 "export --client"
files+=("$T/draft.json" "$T/kiosk-draft.json" "$T/all.ndjson" "$T/client1.json")

for type in Composition Provenance CarePlan Consent; do
	mi_test_count=$((mi_test_count + 1))
	grep -q "\"resourceType\": \"$type\"" "$T/02-modify-blood-thinner.fhir.json" ||
		fail "the closed, amended, planned visit has no $type"
done
mi_test_count=$((mi_test_count + 1))
grep -q '"scheduledPeriod"' "$T/01-proceed-chronic-tightness.fhir.json" ||
	fail "a reassessment is a CarePlan activity with its period"

validate "${files[@]}"
expect_rc 0 "every export passes FHIR.js and the project's checks"
[[ $rc -eq 0 ]] || echo "$out" >&2
mi_test_count=$((mi_test_count + 1))
[[ $(grep -c '^ok ' <<<"$out") -eq $((${#files[@]} + 1)) ]] || fail "not every file was validated: $out"

# The broken fixtures: refused, each for its own reason.
FX="$MI_FIXTURES/fhir"
validate "$FX/valid.json"
expect_rc 0 "the fixtures' valid Bundle passes"
declare -A reason=(
	[missing-status]="FHIR.js: QuestionnaireResponse.status: Missing property"
	[decimal-integer]="valueInteger 7.5 is not a whole number"
	[unknown-linkid]="item shoe_size: the linkId is not in the Questionnaire"
	[wrong-value-type]="item fever: valueString for an item of type boolean"
	[unasked-follow-up]="item leg_symptoms_both_sides: answered, but its enableWhen is false"
	[unknown-code]="item onset: https://massage-intake.example/fhir/CodeSystem/onset#slowly is not one of its answerOptions"
	[dangling-reference]="Observation.derivedFrom does not lead to a QuestionnaireResponse"
)
for name in "${!reason[@]}"; do
	validate "$FX/$name.json"
	expect_rc 1 "$name is refused"
	expect_out_has "${reason[$name]}" "$name is refused for its reason"
done
mi_test_count=$((mi_test_count + 1))
[[ $(ls "$FX"/*.json | wc -l) -eq $((${#reason[@]} + 1)) ]] || fail "a fixture in $FX has no expected reason"

finish
