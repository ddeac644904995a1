#!/usr/bin/env bash
# intake --answers FILE --visit VISIT: the safety questions a stored visit
# left unanswered, answered later, are added to it and the visit is screened
# again, as the desk's a does; an answer already given is never changed.
source "$(dirname "$0")/../lib/common.sh"

run "$MI" intake --answers "$MI_FIXTURES/examples/05-incomplete-safety-questions.json"
expect_rc 0 "storing an intake with safety questions unanswered"
visit=$out
run "$MI" show "$visit"
expect_out_has "outcome: proceed" "stored as proceed"

echo '{"fever": false, "night_pain": false}' >"$T/some.json"
run "$MI" intake --answers "$T/some.json" --visit "$visit" --json
expect_rc 0 "two missing answers added"
mi_test_count=$((mi_test_count + 1))
[[ $(jq -r '"\(.visit) \(.outcome) \(.unanswered)"' <<<"$out") == "$visit proceed 5" ]] ||
	fail "the result names the visit, its outcome and what is still unanswered: $out"
run "$MI" show "$visit"
expect_out_has "fever: no" "the answer is stored with the visit"

echo '{"fever": true}' >"$T/again.json"
run "$MI" intake --answers "$T/again.json" --visit "$visit"
expect_rc 65 "an answer already given is not changed"
expect_err_has '"fever" was already answered' "the refusal names the question"
run "$MI" show "$visit"
expect_out_has "fever: no" "the client's answer stays"

echo '{"bladder_bowel_change": true}' >"$T/urgent.json"
run "$MI" intake --answers "$T/urgent.json" --visit "$visit"
expect_rc 0 "an urgent answer added"
expect_out_has "urgent" "the new outcome is printed"
run "$MI" show "$visit"
expect_out_has "outcome: urgent" "the visit is stored urgent"
run "$MI" review
expect_out_has "$visit" "an urgent visit waits for review"

run "$MI" intake --answers "$T/urgent.json" --visit 999
expect_rc 67 "an unknown visit"
run "$MI" intake --answers "$T/urgent.json" --visit one
expect_rc 64 "a visit that is not a number"
run "$MI" audit
mi_test_count=$((mi_test_count + 1))
[[ $(grep -cE " rescreen +visits +$visit\$" <<<"$out") == 2 ]] ||
	fail "each change is logged as rescreen: $out"
finish
