#!/usr/bin/env bash
# The kiosk works with TERM linux, vt100 and screen-256color (no function
# keys needed: Ctrl-T opens the staff PIN prompt), and NO_COLOR turns colour off.
source "$(dirname "$0")/../lib/common.sh"
source "$(dirname "$0")/../lib/tmux.sh"

run bash -c "echo 2468 | '$MI' set-pin"
expect_rc 0 "set-pin from stdin"

for term in linux vt100 screen-256color; do
	MI_TMUX_TERM=$term
	tmux_start "term-$term" kiosk
	tmux_expect "Welcome! Before your massage" "$term: welcome page"
	tmux_type "Eva Novak-$term"; tmux_keys Enter   # a new client each time
	tmux_type "1980-04-30"; tmux_keys Enter y
	tmux_expect "continue later with your name" "$term: the resume code is shown"
	tmux_keys Enter
	tmux_expect "What is your phone number?" "$term: first question"
	tmux_keys Enter Enter
	tmux_expect "Where do you feel pain" "$term: body map"
	tmux_keys Down Space Enter
	tmux_expect "How strong is your pain" "$term: arrows and Space work"
	tmux_keys Escape
	tmux_expect "SHOULDERS" "$term: Escape goes back and the answer is kept"
	tmux_keys C-t
	tmux_expect "Therapist PIN:" "$term: Ctrl-T asks for the PIN"
	tmux_type "2468"; tmux_keys Enter
	tmux_expect_exit 0 "$term: the PIN leaves the kiosk"
	tmux -L "$mi_tmux_socket" kill-server
done

MI_TMUX_TERM=xterm-256color
tmux_start colour kiosk
tmux_expect "Welcome" "colour: welcome page"
mi_test_count=$((mi_test_count + 1))
tmux -L "$mi_tmux_socket" capture-pane -e -p -t t | grep -q $'\e\\[3[0-7]m\|\e\\[38;5' ||
	fail "without NO_COLOR the title is in colour"

export NO_COLOR=1
tmux_start nocolour kiosk
tmux_expect "Welcome" "NO_COLOR: welcome page"
mi_test_count=$((mi_test_count + 1))
tmux -L "$mi_tmux_socket" capture-pane -e -p -t t | grep -q $'\e\\[3[0-7]m\|\e\\[38;5' &&
	fail "NO_COLOR still shows colour"

finish
