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
tmux_expect "What is your phone number?" "first question after the welcome page"
tmux_type "555-0142"; tmux_keys Enter
tmux_expect "e-mail" "e-mail question"
tmux_keys Enter
tmux_expect "Where do you feel pain" "body map"
tmux_keys Down Down Down Down Space Down Space Enter
tmux_expect "no pain" "pain scale shows its words"
tmux_keys 4 Enter
tmux_type "a year and a half"; tmux_keys Enter
tmux_expect "About 78 weeks: is that right?" "the duration is shown back in weeks"
tmux_keys y
tmux_expect "How did the pain start?" "onset"
tmux_keys 1 Enter
tmux_type "sitting at my desk all day"; tmux_keys Enter
tmux_type "walking, hot shower"; tmux_keys Enter
tmux_expect "in your legs" "leg symptoms"
tmux_keys Enter
# No leg symptoms: "both legs?" is skipped.
tmux_expect "Is weakness in your legs getting worse" "weakness follows leg symptoms"
mi_test_count=$((mi_test_count + 1))
tmux_screen | grep -q "BOTH legs" && fail "the both-legs follow-up is asked without leg symptoms"
tmux_keys n
tmux_expect "urine or stool" "the bladder question follows"
for _ in 1 2 3 4 5 6 7 8; do tmux_keys n; done
tmux_expect "thin or weak bones" "osteoporosis"
tmux_keys 1 Enter
for _ in 1 2 3 4; do tmux_keys n; done
tmux_expect "surgery in the last year" "surgery"
tmux_keys Enter
tmux_keys n
tmux_expect "blood pressure" "blood pressure"
tmux_keys 1 Enter 1 Enter
tmux_keys Enter
tmux_type "none"; tmux_keys Enter
tmux_expect "Which medicines" "medications"
tmux_type "ibuprofen as needed"; tmux_keys Enter Enter
tmux_expect "What pressure" "pressure"
tmux_keys 3 Enter
tmux_expect "focus on" "focus areas"
tmux_keys Down Down Down Down Space Enter
tmux_keys Enter
tmux_keys Enter
tmux_expect "What would you like from this session" "goals"
tmux_keys Space Enter
tmux_keys Enter
tmux_expect "Please check your answers" "review page"
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
