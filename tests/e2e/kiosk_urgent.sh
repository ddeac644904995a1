#!/usr/bin/env bash
# An urgent answer at the kiosk: the client is told in plain words to seek
# care now and tell the desk, with no level, rule id or clinical term shown.
source "$(dirname "$0")/../lib/common.sh"
source "$(dirname "$0")/../lib/tmux.sh"

run bash -c "echo 2468 | '$MI' set-pin"
expect_rc 0 "set-pin from stdin"

tmux_start urgent kiosk
tmux_expect "Welcome! Before your massage" "welcome page"
tmux_type "Lee Park"; tmux_keys Enter
tmux_type "1955-06-07"; tmux_keys Enter
tmux_expect "continue later with your name" "the resume code is shown"
tmux_keys Enter
tmux_expect "What is your phone number?" "phone"
tmux_keys Enter Enter Enter          # phone, e-mail, no area ticked
tmux_expect "How strong is your pain" "pain"
tmux_keys 5 Enter
tmux_type "2"; tmux_keys Enter
tmux_keys 2 Enter Enter Enter Enter  # sudden, worse, better, no leg symptoms
tmux_expect "Is weakness in your legs getting worse" "weakness"
tmux_keys n
tmux_expect "urine or stool" "bladder question"
mi_test_count=$((mi_test_count + 1))
tmux_screen | grep -qi "emergency" && fail "an alarm is shown before any urgent answer"
tmux_keys y
tmux_expect "emergency department now" "the client is told to seek care now"
tmux_expect "front desk and go to" "the client is told to tell the desk"
mi_test_count=$((mi_test_count + 1))
tmux_screen | grep -qE "URGENT|REFER|refer|cauda|bladder_bowel|\[!" &&
	fail "the client sees a level, a rule id or jargon: $(tmux_screen)"
tmux_keys n                          # ignored: the notice needs Enter
tmux_keys Enter
tmux_expect "Please seek urgent medical care now, and tell the front desk." "a reminder stays on top"
tmux_expect "numbness between your legs" "the intake goes on"

finish
