#!/usr/bin/env bash
# Medications as clients write them, through the binary: what screen
# prints (text and JSON) and what show prints for a stored visit, with
# what each medicine was read as and the ones not recognised.
source "$(dirname "$0")/../lib/common.sh"
EX="$MI_FIXTURES/examples"

# answers MEDICATIONS_JSON_LIST > FILE: the blood-thinner example with
# these medications.
answers() {
	jq --argjson m "$1" '.medications = $m' "$EX/02-modify-blood-thinner.json"
}

answers '["eloquis 5mg twice a day", "my heart pill", "stopped warfarin", "no blood thinners"]' >"$T/a.json"
run "$MI" screen "$T/a.json"
expect_rc 0 "screen text"
expect_out_has "outcome: modify" "a misspelt blood thinner is still flagged"
expect_out_has "medicine: \"eloquis\" read as Eliquis (apixaban), anticoagulant" "what it was read as"
expect_out_has "medicine: warfarin, anticoagulant, may have been stopped: ask" "stopped"
expect_out_has "not recognised: my heart pill (ask the client)" "the unknown medicine"

run "$MI" screen --json "$T/a.json"
expect_rc 0 "screen --json"
mi_test_count=$((mi_test_count + 1))
[[ $(jq -c '.unrecognised_medications' <<<"$out") == '["my heart pill"]' ]] ||
	fail "unrecognised_medications: $(jq -c '.unrecognised_medications' <<<"$out")"
mi_test_count=$((mi_test_count + 1))
[[ $(jq -c '[.medications_read[] | [.written, .name, .class, .fuzzy, .stopped]]' <<<"$out") == \
	'[["eloquis","Eliquis","anticoagulant",true,false],["warfarin","warfarin","anticoagulant",false,true]]' ]] ||
	fail "medications_read: $(jq -c '.medications_read' <<<"$out")"
mi_test_count=$((mi_test_count + 1))
[[ $(jq -r 'keys_unsorted | join(" ")' <<<"$out") == "outcome flags unanswered medications_read unrecognised_medications" ]] ||
	fail "the keys are $(jq -r 'keys_unsorted | join(" ")' <<<"$out")"
mi_test_count=$((mi_test_count + 1))
[[ $(jq -r '[.flags[].rule] | join(" ")' <<<"$out") == "anticoagulant" ]] ||
	fail "flags: $(jq -c '.flags' <<<"$out")"

# Symbols and spaces from a phone keyboard, a dose that belongs to another drug.
printf '%s' '["Plavix® 75mg", "amlodipine 5mg, aspirin, atorvastatin 40mg", "Temodar 140mg"]' >"$T/m.json"
answers "$(cat "$T/m.json")" >"$T/b.json"
run "$MI" screen --json "$T/b.json"
expect_rc 0 "screen --json symbols"
mi_test_count=$((mi_test_count + 1))
[[ $(jq -r '.outcome + " " + ([.flags[].rule] | join(","))' <<<"$out") == "refer cancer_treatment,antiplatelet" ]] ||
	fail "symbols and doses: $(jq -c '[.outcome, [.flags[].rule]]' <<<"$out")"

# show: the stored visit, screened with the loaded rules.
run "$MI" intake --answers "$T/a.json"
expect_rc 0 "intake"
visit=$out
run "$MI" show "$visit"
expect_rc 0 "show"
expect_out_has "read from: \"eloquis\" read as Eliquis (apixaban), anticoagulant; warfarin, anticoagulant, may have been stopped: ask" "show: the flag's medicines"
expect_out_has "medicines read:" "show: the medicines"
expect_out_has "not recognised: my heart pill (ask the client)" "show: the unknown medicine"
run "$MI" show "$visit" --json
expect_rc 0 "show --json"
mi_test_count=$((mi_test_count + 1))
[[ $(jq -c '.unrecognised_medications' <<<"$out") == '["my heart pill"]' ]] ||
	fail "show --json unrecognised: $(jq -c '.unrecognised_medications' <<<"$out")"
mi_test_count=$((mi_test_count + 1))
[[ $(jq -r '.flags[0].read_from' <<<"$out") == *'"eloquis" read as Eliquis'* ]] ||
	fail "show --json read_from: $(jq -c '.flags' <<<"$out")"

finish
