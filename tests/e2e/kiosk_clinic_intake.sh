#!/usr/bin/env bash
# The kiosk with a clinic's own intake.conf in the clinic's folder: it asks
# the reworded question in the clinic's words and the clinic's added
# question (a pacemaker) where the file puts it, and the draft stores the
# answer under the clinic's key.
source "$(dirname "$0")/../lib/common.sh"
source "$(dirname "$0")/../lib/tmux.sh"
source "$(dirname "$0")/../lib/clinic.sh"

clinic_intake "Do you have a pacemaker fitted?" "Have you felt hot and shivery today?"

run bash -c "echo 2468 | '$MI' set-pin"
expect_rc 0 "set-pin from stdin"

tmux_start kiosk kiosk
tmux_expect "Welcome! Before your massage" "welcome page"
tmux_type "Maya Ortiz"; tmux_keys Enter
tmux_type "1988-03-14"; tmux_keys Enter y
tmux_expect "continue later with your name" "the resume code is shown"
tmux_keys Enter
clinic_walk_to_surgery "Have you felt hot and shivery today?"
# 36 with the shipped file: the clinic's question counts among them.
tmux_expect "question 24 of 37" "the clinic's question counts among the questions"
tmux_keys Enter
tmux_expect "Do you have a pacemaker fitted?" "the clinic's added question, where the file puts it"
tmux_expect "Intake - Health and safety" "in the clinic's group"
tmux_keys y
tmux_expect "rash, or inflamed or broken skin" "the shipped questions go on after it"

tmux_keys F12
tmux_type "2468"; tmux_keys Enter
tmux_expect_exit 0 "the PIN leaves the kiosk"

run "$MI" show 1
expect_rc 0 "show the draft"
expect_out_has "  pacemaker: yes" "the draft holds the clinic's answer"
expect_out_has "  fever: no" "the reworded question's answer is under its key"
expect_out_has "  recent surgery weeks: none" "the answer before it"

finish
