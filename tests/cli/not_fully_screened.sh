#!/usr/bin/env bash
# A visit that reads proceed while safety questions are unanswered is "not
# fully screened" wherever an outcome is shown: show (text and --json),
# review and history (text and --json); a fully answered one is not. A
# birth date given later for the missing age goes on a client record that
# has none, logged; a different one on record is left and both are shown.
source "$(dirname "$0")/../lib/common.sh"

check() { # STATUS MESSAGE: counts a check, failing when STATUS is not 0
	mi_test_count=$((mi_test_count + 1))
	[[ $1 == 0 ]] || fail "$2"
}

run "$MI" intake --answers "$MI_FIXTURES/examples/05-incomplete-safety-questions.json"
expect_rc 0 "storing an intake with safety questions (and the birth date) unanswered"
visit=$out
run "$MI" intake --answers "$MI_FIXTURES/examples/01-proceed-chronic-tightness.json"
expect_rc 0 "storing a fully answered intake"
full=$out
# As if both were filled in at the kiosk: they wait for review.
sqlite3 "$MASSAGE_INTAKE_DB" "UPDATE visits SET source = 'kiosk', reviewed = 0" ||
	fail "could not make them kiosk intakes"

run "$MI" show "$visit"
expect_out_has "outcome: proceed [? NOT FULLY SCREENED] deep tissue not cleared" "show says it is not fully screened"
expect_out_has "safety questions not answered:" "show lists what is missing"
expect_out_has "What is your date of birth? (age)" "the age by the birth date's question"
run "$MI" show "$full"
expect_out_has "outcome: proceed" "a fully answered visit"
expect_out_lacks "NOT FULLY SCREENED" "a fully answered visit is screened"

run "$MI" show "$visit" --json
expect_rc 0 "show --json"
check "$([[ $(jq -c '[.fully_screened, (.unanswered | index("age") != null), .outcome]' \
	<<<"$out") == '[false,true,"proceed"]' ]]; echo $?)" \
	"show --json: fully_screened false, the unanswered keys, the outcome as it was: $out"
run "$MI" show "$full" --json
check "$([[ $(jq -c '[.fully_screened, .unanswered]' <<<"$out") == '[true,[]]' ]]; echo $?)" \
	"show --json of a fully answered visit: $out"

run "$MI" review
expect_rc 0 "review"
check "$(grep -E "^$visit .*proceed, not fully screened\$" <<<"$out" >/dev/null; echo $?)" \
	"review says the visit is not fully screened: $out"
check "$(grep -E "^$full .* proceed\$" <<<"$out" >/dev/null; echo $?)" \
	"review shows the fully answered one as proceed: $out"
run "$MI" review --json
check "$([[ $(jq -c "[.[] | select(.visit == $visit or .visit == $full) |
	[.visit, .outcome, .fully_screened]]" <<<"$out") == "[[$visit,\"proceed\",false],[$full,\"proceed\",true]]" ]]
	echo $?)" "review --json: fully_screened beside the outcome: $out"

client=$(sqlite3 "$MASSAGE_INTAKE_DB" "SELECT client_id FROM visits WHERE id = $visit")
run "$MI" history "$client"
expect_rc 0 "history"
expect_out_has "proceed, not fully screened" "history says the visit is not fully screened"
run "$MI" history "$client" --json
check "$([[ $(jq -c '[.visits[] | [.outcome, .fully_screened]]' <<<"$out") == '[["proceed",false]]' ]]
	echo $?)" "history --json: fully_screened: $out"

# The birth date given later: the record had none, so it gets it.
echo '{"client": {"birth_date": "1980-02-03"}}' >"$T/born.json"
run "$MI" intake --answers "$T/born.json" --visit "$visit" --json
expect_rc 0 "the birth date added"
check "$([[ $(jq -c .birth_date <<<"$out") == '{"given":"1980-02-03","recorded":true,"on_record":null}' ]]
	echo $?)" "the result says the record got the birth date: $out"
run "$MI" history "$client"
expect_out_has "born 1980-02-03" "the client record has the birth date"
run "$MI" audit
check "$(grep -E " birth date +clients +$client\$" <<<"$out" >/dev/null; echo $?)" \
	"the record's change is logged: $out"

# A later visit of the same client (found by name and birth date) that
# left the birth date out: another date given is kept on the visit only.
jq 'del(.client.birth_date)' \
	"$MI_FIXTURES/examples/05-incomplete-safety-questions.json" >"$T/again.json"
sqlite3 "$MASSAGE_INTAKE_DB" "UPDATE clients SET birth_date = NULL WHERE id = $client"
run "$MI" intake --answers "$T/again.json"
expect_rc 0 "a second intake of the client without a birth date"
second=$out
sqlite3 "$MASSAGE_INTAKE_DB" "UPDATE clients SET birth_date = '1980-02-03' WHERE id = $client"
echo '{"client": {"birth_date": "1981-02-03"}}' >"$T/other.json"
run "$MI" intake --answers "$T/other.json" --visit "$second"
expect_rc 0 "another birth date given"
expect_out_has "birth date given 1981-02-03, on the client's record 1980-02-03" "both are shown"
run "$MI" history "$client"
expect_out_has "born 1980-02-03" "the record keeps its birth date"
finish
