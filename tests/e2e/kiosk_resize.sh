#!/usr/bin/env bash
# A window under 80x24 shows "please enlarge" and recovers; the question and
# the text being typed survive the resize.
source "$(dirname "$0")/../lib/common.sh"
source "$(dirname "$0")/../lib/tmux.sh"

run bash -c "echo 2468 | '$MI' set-pin"
expect_rc 0 "set-pin from stdin"

tmux_start resize kiosk
tmux_expect "Welcome! Before your massage" "welcome page"
tmux_type "Ruth Kim"; tmux_keys Enter
tmux_type "1975-12-01"; tmux_keys Enter y
tmux_expect "continue later with your name" "the resume code is shown"
tmux_keys Enter
tmux_expect "What is your phone number?" "phone"
tmux_type "555 01"
# Keys that arrive while the window is too small are ignored on purpose:
# resize only once the typed text is on the screen.
tmux_expect "555 01" "the typed text is shown"

tmux_resize 60 20
tmux_expect "please enlarge the window" "a 60x20 window asks to be enlarged"
tmux_keys Enter                 # ignored while too small
tmux_resize 80 24
tmux_expect "What is your phone number?" "the question is back at 80x24"
tmux_expect "555 01" "the typed text is kept"
tmux_type "23"; tmux_keys Enter
tmux_expect "e-mail" "the answer goes on after the resize"

tmux_resize 120 40
tmux_expect "e-mail" "a larger window works"

finish
