#!/usr/bin/env bash
# The example intakes through the built binary: outcome, flags and the
# unanswered list, as clinical-policy.md decides them (today 2026-11-23).
source "$(dirname "$0")/../lib/common.sh"
EX="$MI_FIXTURES/examples"

# flag_lines: the flag lines of the last text output, as "LEVEL RULE".
flag_lines() {
	sed -n '2,$p' <<<"$out" | grep -E '^(urgent|refer|modify) ' | awk '{print $1, $2}'
}

# expect_flags "LEVEL RULE;LEVEL RULE" DESCRIPTION: exactly these flags, in order.
expect_flags() {
	mi_test_count=$((mi_test_count + 1))
	local want got
	want=$(tr ';' '\n' <<<"$1" | sed '/^$/d')
	got=$(flag_lines)
	[[ "$got" == "$want" ]] || fail "$2: flags [$got], expected [$want]"
}

run "$MI" screen "$EX/01-proceed-chronic-tightness.json"
expect_rc 0 "01 exit"
expect_out_has "outcome: proceed" "01 outcome"
expect_flags "" "01 (ibuprofen is not a flag)"
expect_out_lacks "unanswered" "01 answers every question (age from the birth date)"

run "$MI" screen "$EX/02-modify-blood-thinner.json"
expect_rc 0 "02 exit"
expect_out_has "outcome: modify" "02 outcome"
expect_flags "modify anticoagulant" "02 flags (Xarelto 20mg; pain of 20 weeks at 75 is not new)"
expect_out_has "medicine: Xarelto (rivaroxaban), anticoagulant" "02 says how Xarelto was read"
expect_out_has "medicine: atorvastatin, known" "02 atorvastatin is a known medicine"

# Weakness in one leg, not getting worse: refer (leg_weakness), with the
# nerve-root modify flag. Worsening, the same weakness is urgent
# (progressive_weakness).
run "$MI" screen "$EX/03-refer-radicular-weakness.json"
expect_rc 0 "03 exit"
expect_out_has "outcome: refer" "03 outcome"
expect_flags "refer leg_weakness;modify nerve_root_signs" "03 flags"
sed 's/"weakness_worsening": false/"weakness_worsening": true/' \
	"$EX/03-refer-radicular-weakness.json" >"$T/03-worsening.json"
run "$MI" screen "$T/03-worsening.json"
expect_out_has "outcome: urgent" "03 with the weakness getting worse"
expect_flags "urgent progressive_weakness;refer leg_weakness;modify nerve_root_signs" \
	"03 with the weakness getting worse: flags"

run "$MI" screen "$EX/04-urgent-bladder-change.json"
expect_rc 0 "04 exit"
expect_out_has "outcome: urgent" "04 outcome"
expect_flags "urgent bladder_bowel_change;urgent bilateral_leg_symptoms;modify new_pain_over_50" "04 flags"
expect_out_has "Please tell the front desk" "04 tells the client what to do"

run "$MI" screen "$EX/05-incomplete-safety-questions.json"
expect_rc 0 "05 exit"
expect_out_has "outcome: proceed" "05 outcome"
expect_out_has "unanswered: age, bladder_bowel_change, saddle_numbness, fever, unexplained_weight_loss, cancer_history, night_pain" "05 unanswered in SPEC order"

# The same through --json.
run "$MI" screen --json "$EX/02-modify-blood-thinner.json"
expect_rc 0 "02 --json exit"
[[ $(wc -l <<<"$out") -eq 1 ]] || fail "02 --json is not one line"
expect_out_has '{"outcome": "modify", "flags": [{"rule": "anticoagulant", "level": "modify", "message": "' "02 --json shape"
expect_out_has '"source": "' "02 --json has the source"
expect_out_has '], "unanswered": [], "medications_read": [{"item": 0, "written": "Xarelto", ' "02 --json unanswered, then the medicines"
expect_out_has '"unrecognised_medications": []}' "02 --json nothing unrecognised"

run "$MI" screen --json "$EX/05-incomplete-safety-questions.json"
expect_out_has '{"outcome": "proceed", "flags": [], "unanswered": ["age", "bladder_bowel_change", "saddle_numbness", "fever", "unexplained_weight_loss", "cancer_history", "night_pain"], "medications_read": [{"item": 0, "written": "ibuprofen", "name": "ibuprofen", "substance": "ibuprofen", "atc": "M01AE01", "class": "nsaid", "fuzzy": false, "stopped": false}], "unrecognised_medications": []}' "05 --json"

# The age from the birth date depends on today: Walter (born 1951) is 75.
MASSAGE_INTAKE_TODAY=2026-11-23 run "$MI" screen --json "$EX/04-urgent-bladder-change.json"
expect_out_has '"rule": "new_pain_over_50"' "04 age from birth date at today"
MASSAGE_INTAKE_TODAY=2020-05-08 run "$MI" screen --json "$EX/04-urgent-bladder-change.json"
expect_out_lacks 'new_pain_over_50' "04 was 49 on 2020-05-08"

finish
