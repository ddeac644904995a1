#!/usr/bin/env bash
# Wrong PINs at the kiosk start a wait; killing and restarting the kiosk
# does not end it: even the right PIN is refused until it is over.
source "$(dirname "$0")/../lib/common.sh"
source "$(dirname "$0")/../lib/tmux.sh"

run bash -c "echo 2468 | '$MI' set-pin"
expect_rc 0 "set-pin from stdin"

tmux_start wait kiosk
tmux_expect "Welcome! Before your massage" "welcome page"
tmux_keys F12
tmux_expect "Therapist PIN:" "the PIN page"
for _ in 1 2 3 4 5; do
	tmux_type "1357"; tmux_keys Enter
done
tmux_expect "Too many wrong PINs: try again in" "five wrong PINs start a wait"
# A sixth after the first wait: ten seconds, time enough to restart.
tmux_expect "You may try the PIN again." "the first wait ends" 15
tmux_type "1357"; tmux_keys Enter
tmux_expect "try again in 10 s" "a sixth wrong PIN waits longer"

kill -9 "$(tmux_pid)"
mi_test_count=$((mi_test_count + 1))
tmux_wait_dead || fail "the kiosk did not die"
tmux_restart kiosk
tmux_expect "Welcome! Before your massage" "welcome page after the restart"
tmux_keys F12
tmux_expect "Too many wrong PINs: try again in" "the wait goes on after the restart"
tmux_type "2468"; tmux_keys Enter
sleep 0.5
mi_test_count=$((mi_test_count + 1))
tmux_dead && fail "the right PIN was taken during the wait"

# Once the wait is over, the right PIN leaves the kiosk.
tmux_expect "You may try the PIN again." "the wait ends" 20
tmux_type "2468"; tmux_keys Enter
tmux_expect_exit 0 "the right PIN after the wait"
run "$MI" audit
expect_out_has "unlock failed" "the wrong PINs are audited"
finish
