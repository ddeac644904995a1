#!/usr/bin/env bash
# The front desk learns of kiosk intakes by itself: with no key pressed, the
# waiting count follows within 5 s, and while an urgent intake is not
# reviewed a banner shows on every desk page; the review queue lists it
# first with its symbol. The kiosk runs as another process on the same
# database.
source "$(dirname "$0")/../lib/common.sh"
source "$(dirname "$0")/../lib/tmux.sh"

run bash -c "echo 2468 | '$MI' set-pin"
expect_rc 0 "set-pin from stdin"

tmux_start desk --db "$MASSAGE_INTAKE_DB"
desk=$mi_tmux_socket
tmux_sign_in 2468
tmux_expect "front desk: clients" "main screen"
tmux_expect "0 intakes waiting for review" "nothing waits yet"

tmux_start kiosk kiosk
kiosk=$mi_tmux_socket
# A first client starts and leaves: a draft with nothing alarming.
tmux_expect "Welcome! Before your massage" "kiosk welcome page"
tmux_identify "Ada Calm" "1990-04-05"
tmux_expect "continue later with your name" "Ada's code"
tmux_keys Enter
tmux_expect "What is your phone number?" "Ada's first question"
tmux_keys Escape
tmux_expect "Saved for later" "Ada leaves her intake for later"
tmux_keys Enter

mi_tmux_socket=$desk
tmux_expect "1 intake waiting for review" "the count follows a kiosk draft with no key pressed" 5

# A second client answers yes to the bladder question.
mi_tmux_socket=$kiosk
tmux_expect "Welcome! Before your massage" "welcome page again"
tmux_identify "Lee Park" "1955-06-07"
tmux_kiosk_to_bladder
tmux_keys y
tmux_expect "emergency department now" "the client is told to seek care now"

# The desk, untouched, shows the urgent intake within 5 s.
mi_tmux_socket=$desk
tmux_expect "!! URGENT: Lee Park - not reviewed" "the urgent banner with no key pressed" 5
tmux_expect "2 intakes waiting for review" "the count with no key pressed" 5

# The review queue: urgent first, though it came last.
tmux_type "r"
tmux_expect "Review queue" "review queue"
tmux_expect "!! URGENT: Lee Park - not reviewed" "the banner on the review queue"
mi_test_count=$((mi_test_count + 1))
first=$(tmux_screen | grep -E '^ +[0-9]+ +20' | head -1)
[[ $first == *"Lee Park"*"[!! URGENT]"* ]] || fail "the urgent intake is not first with its symbol: $(tmux_screen)"
mi_test_count=$((mi_test_count + 1))
tmux_screen | grep -E '^ +[0-9]+ +20' | sed -n 2p | grep -q "Ada Calm" ||
	fail "the calm draft is not after the urgent one: $(tmux_screen)"

# Lee finishes the safety questions at the kiosk: the queue follows.
mi_tmux_socket=$kiosk
tmux_keys Enter                      # closes the notice
for answer in n n n n n n n "1 Enter" n n n n Enter n "1 Enter" "1 Enter" Enter; do
	# shellcheck disable=SC2086
	tmux_keys $answer
	sleep 0.15
done
tmux_expect "Please get care now" "Lee's intake ends on the get-care-now page"

mi_tmux_socket=$desk
tmux_expect "kiosk, finished" "the queue shows the finished intake with no key pressed" 5
tmux_keys Enter
tmux_expect "Visit " "the urgent visit opens"
tmux_expect "!! URGENT: Lee Park - not reviewed" "the banner on the visit page"
tmux_type "m"
tmux_expect "Marked as reviewed." "marked as reviewed"
tmux_expect_gone "!! URGENT: Lee Park" "the banner goes once the intake is reviewed"
tmux_keys Escape
tmux_expect "Review queue" "back to the queue"
tmux_expect "Ada Calm" "the draft still waits"
mi_test_count=$((mi_test_count + 1))
tmux_screen | grep -q "Lee Park" && fail "the reviewed intake is still queued: $(tmux_screen)"

finish
