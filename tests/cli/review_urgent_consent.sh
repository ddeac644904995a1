#!/usr/bin/env bash
# review lists urgent and refer intakes first, as the desk's queue does, and
# an urgent or refer intake waits for review whoever entered it;
# show flags a consent that is missing, not agreed or signed with a name
# that is not the client's, as the desk's visit page does.
source "$(dirname "$0")/../lib/common.sh"
EX="$MI_FIXTURES/examples"

# check STATUS DESCRIPTION: counts one assertion; fails when STATUS is not 0.
check() {
	mi_test_count=$((mi_test_count + 1))
	[[ $1 -eq 0 ]] || fail "$2"
}

# intake_with FILTER: stores the example 01 changed by the jq FILTER.
intake_with() {
	jq "$1" "$EX/01-proceed-chronic-tightness.json" >"$T/answers.json" || fail "jq $1"
	"$MI" intake --answers "$T/answers.json" >/dev/null || fail "intake with $1"
}

# ---- review: urgent, then refer, then the rest, oldest first in each ------
"$MI" intake --answers "$EX/01-proceed-chronic-tightness.json" >/dev/null || fail "setup 1"
intake_with '.recent_trauma = true' # visit 2: refer
"$MI" intake --answers "$EX/02-modify-blood-thinner.json" >/dev/null || fail "setup 3"
"$MI" intake --answers "$EX/04-urgent-bladder-change.json" >/dev/null || fail "setup 4"
# Urgent and refer intakes wait for review from any source (here intake
# --answers); the proceed and modify ones need none from the command line.
run "$MI" review --json
check "$([[ $(jq -c '[.[] | [.visit, .source, .reviewed]]' <<<"$out") == \
	'[[4,"cli",false],[2,"cli",false]]' ]]; echo $?)" \
	"urgent and refer command-line intakes wait for review: $out"
run "$MI" review 1 --mark
expect_rc 65 "marking a proceed command-line intake"
expect_err_has "not entered at the kiosk and is not urgent or refer" "it needs no review"
sqlite3 "$MASSAGE_INTAKE_DB" "UPDATE visits SET source = 'kiosk', reviewed = 0 WHERE id IN (1, 3);" ||
	fail "could not make visits 1 and 3 kiosk intakes"
run "$MI" review --json
expect_rc 0 "review --json"
check "$([[ $(jq -c '[.[] | [.visit, .outcome]]' <<<"$out") == \
	'[[4,"urgent"],[2,"refer"],[1,"proceed"],[3,"modify"]]' ]]; echo $?)" \
	"review --json lists urgent, refer, then the others oldest first: $out"
run "$MI" review
expect_rc 0 "review"
check "$([[ $(awk 'NR > 1 {print $1}' <<<"$out" | paste -sd,) == "4,2,1,3" ]]; echo $?)" \
	"review lists 4, 2, 1, 3: $out"

run "$MI" review 4 --mark
expect_rc 0 "marking the urgent command-line intake reviewed"
expect_out_has "visit 4 marked as reviewed" "review 4 --mark"
run "$MI" review --json
check "$([[ $(jq -c '[.[].visit]' <<<"$out") == "[2,1,3]" ]]; echo $?)" \
	"the reviewed urgent intake leaves the queue: $out"

# ---- show: the consent ---------------------------------------------------
run "$MI" show 1
expect_rc 0 "show of a signed consent"
expect_out_has "consent: signed" "show 1 says the consent is signed"
run "$MI" show 1 --json
check "$([[ $(jq -c '.consent' <<<"$out") == '{"state":"signed","problem":null}' ]]; echo $?)" \
	"show --json of a signed consent: $out"

intake_with '.consent.agreed = false' # visit 5
run "$MI" show 5
expect_rc 0 "show of a consent not agreed"
expect_out_has "consent: ! The client did not agree to the treatment." "show 5 flags it"
run "$MI" show 5 --json
check "$([[ $(jq -r '.consent.state' <<<"$out") == not_agreed ]]; echo $?)" \
	"show --json of a consent not agreed: $out"

intake_with '.consent.name = "Someone Else"' # visit 6
run "$MI" show 6
expect_out_has "consent: ! The consent is not signed with the client's name." "show 6 flags it"
run "$MI" show 6 --json
check "$([[ $(jq -r '.consent.state' <<<"$out") == other_name ]]; echo $?)" \
	"show --json of a consent signed by someone else: $out"

intake_with '.consent.name = "  maya   ORTIZ "' # visit 7: the same name
run "$MI" show 7
expect_out_has "consent: signed" "case and spacing do not count"

# No consent at all: the stored answers lose it (an intake needs one).
sqlite3 "$MASSAGE_INTAKE_DB" "UPDATE visits SET answers = json_remove(answers, '\$.consent') WHERE id = 1;" ||
	fail "could not remove the consent"
run "$MI" show 1
expect_out_has "consent: ! No consent: the client did not sign." "show flags a missing consent"
run "$MI" show 1 --json
check "$([[ $(jq -r '.consent.state' <<<"$out") == missing ]]; echo $?)" \
	"show --json of a missing consent: $out"

finish
