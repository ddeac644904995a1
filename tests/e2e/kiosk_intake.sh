#!/usr/bin/env bash
# A complete kiosk intake from the welcome page to the thank-you page, then
# the stored visit checked with `show`. The kiosk was started the day
# before (it runs overnight): the visit and the consent carry the day they
# were made, not the day the kiosk started.
source "$(dirname "$0")/../lib/common.sh"
source "$(dirname "$0")/../lib/tmux.sh"

run "$MI" kiosk </dev/null
expect_rc 64 "kiosk without a PIN"
expect_err_has 'massage-intake set-pin' "kiosk without a PIN names set-pin"

run bash -c "echo 2468 | '$MI' set-pin"
expect_rc 0 "set-pin from stdin"

# Test only: the program reads "today" from this file at each use.
export MASSAGE_INTAKE_TODAY_FILE="$T/today"
echo 2026-11-22 >"$T/today"
tmux_start kiosk kiosk
tmux_expect "Welcome! Before your massage" "welcome page"
echo 2026-11-23 >"$T/today"   # midnight passes
tmux_type "Maya Ortiz"; tmux_keys Enter
tmux_type "14/03/1988"; tmux_keys Enter
tmux_expect "14 March 1988: is that right?" "the birth date is shown back in words"
tmux_keys y
tmux_expect "continue later with your name" "the resume code is shown"
tmux_keys Enter
tmux_kiosk_maya_questions
tmux_expect "555-0142" "review page lists an answer"
mi_test_count=$((mi_test_count + 1))
tmux_screen | grep -q "URGENT\|refer\|proceed" && fail "the client sees a screening level"
tmux_keys c
tmux_expect "Type your full name to sign" "consent"
tmux_type "Maya Ortiz"; tmux_keys Enter
tmux_expect "Thank you! Your answers are saved." "thank-you page"
tmux_keys Enter
tmux_expect "Welcome! Before your massage" "back to the welcome page"
tmux_expect_gone "Maya" "the welcome page shows nobody's data"

# Leave with the PIN: a clean exit (under the sanitizers: no leak either).
tmux_keys F12
tmux_type "2468"; tmux_keys Enter
tmux_expect_exit 0 "the PIN leaves the kiosk"

run "$MI" show 1
expect_rc 0 "show the stored visit"
expect_out_has "Maya Ortiz" "the visit is Maya's"
expect_out_has "ibuprofen as needed" "the medication is stored"
expect_out_has "proceed" "the outcome is stored"
expect_out_has "1988-03-14" "the birth date typed as 14/03/1988 is stored as a date"
run "$MI" show 1 --json
expect_rc 0 "show --json"
mi_test_count=$((mi_test_count + 1))
[[ $(jq -r '.date + " " + .answers.consent.date' <<<"$out") == "2026-11-23 2026-11-23" ]] ||
	fail "the visit and the consent are not dated the day they were made: $(jq -c '{date, consent: .answers.consent}' <<<"$out")"
mi_test_count=$((mi_test_count + 1))
[[ $(jq -r '.answers.pain_duration_weeks' <<<"$out") == 78 ]] ||
	fail "\"a year and a half\" is not stored as 78 weeks: $(jq -c '.answers.pain_duration_weeks' <<<"$out")"

finish
