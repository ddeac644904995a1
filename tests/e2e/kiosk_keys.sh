#!/usr/bin/env bash
# No key leaves the kiosk (Ctrl-C, Ctrl-Z, Ctrl-\, Esc, q); F12 with a wrong
# PIN stays, F12 with the right PIN leaves with status 0.
source "$(dirname "$0")/../lib/common.sh"
source "$(dirname "$0")/../lib/tmux.sh"

run bash -c "echo 2468 | '$MI' set-pin"
expect_rc 0 "set-pin from stdin"

tmux_start keys kiosk
tmux_expect "Welcome! Before your massage" "welcome page"
for key in C-c C-z 'C-\' Escape; do
	tmux_keys "$key"
	tmux_expect "This screen stays open" "$key is handled"
	mi_test_count=$((mi_test_count + 1))
	tmux_dead && fail "$key left the kiosk"
done
tmux_type "q"
tmux_expect "Your full name:      q" "q is typed, not a way out"
mi_test_count=$((mi_test_count + 1))
tmux_dead && fail "q left the kiosk"

# Inside the intake as well.
tmux_keys BSpace
tmux_type "Ann Lee"; tmux_keys Enter
tmux_type "1990-02-03"; tmux_keys Enter y
tmux_expect "continue later with your name" "the resume code is shown"
tmux_keys Enter
tmux_expect "What is your phone number?" "intake started"
tmux_keys C-c C-z 'C-\'
tmux_expect "This screen stays open" "Ctrl keys in the intake are handled"
tmux_type "q"; tmux_keys Enter
tmux_expect "phone number with digits" "q is refused as a phone number, not a way out"
mi_test_count=$((mi_test_count + 1))
tmux_dead && fail "a key left the kiosk during the intake"

tmux_keys F12
tmux_expect "Therapist PIN:" "F12 asks for the PIN"
tmux_type "1357"; tmux_keys Enter
tmux_expect "Wrong PIN." "a wrong PIN is refused"
mi_test_count=$((mi_test_count + 1))
tmux_dead && fail "a wrong PIN left the kiosk"
mi_test_count=$((mi_test_count + 1))
tmux_screen | grep -q 1357 && fail "the PIN is shown while typed"
tmux_type "2468"; tmux_keys Enter
tmux_expect_exit 0 "the right PIN leaves the kiosk"

finish
