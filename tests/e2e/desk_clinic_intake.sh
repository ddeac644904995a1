#!/usr/bin/env bash
# The front desk with a clinic's own intake.conf and rules.conf in the
# clinic's folder: the therapist runs a new client's intake at the desk; the
# reworded question is asked in the clinic's words, the clinic's added
# question (a pacemaker) where the file puts it; a yes turns the banner to
# the clinic's rule's level at once; the finished intake's visit page shows
# the answer, the outcome and the flag.
source "$(dirname "$0")/../lib/common.sh"
source "$(dirname "$0")/../lib/tmux.sh"
source "$(dirname "$0")/../lib/clinic.sh"

clinic_intake "Do you have a pacemaker fitted?" "Have you felt hot and shivery today?"
clinic_pacemaker_rule

run bash -c "echo 2468 | '$MI' set-pin"
expect_rc 0 "set-pin from stdin"

tmux_start desk --db "$MASSAGE_INTAKE_DB"
tmux_sign_in 2468
tmux_expect "front desk: clients" "main screen"
tmux_type "n"
tmux_expect "New client" "new client form"
tmux_type "Maya Ortiz"; tmux_keys Enter
tmux_type "1988-03-14"; tmux_keys Enter y
clinic_walk_to_surgery "Have you felt hot and shivery today?"
tmux_keys Enter
tmux_expect "Do you have a pacemaker fitted?" "the clinic's added question, where the file puts it"
tmux_expect "Health and safety" "in the clinic's group"
tmux_expect_gone "[~ MODIFY]" "no modify banner before the answer"
tmux_keys y
tmux_expect "[~ MODIFY]" "the clinic's rule fires at the desk as soon as the answer is given"
tmux_expect "rash, or inflamed or broken skin" "the shipped questions go on after it"
tmux_keys n
tmux_expect "blood pressure" "blood pressure"
tmux_keys 1 Enter 1 Enter
tmux_keys Enter
tmux_type "none"; tmux_keys Enter
tmux_expect "Which medicines" "medications"
tmux_keys Enter Enter
tmux_expect "What pressure" "pressure"
tmux_keys 2 Enter
tmux_expect "focus on" "focus areas"
tmux_keys Enter Enter Enter
tmux_expect "What would you like from this session" "goals"
tmux_keys Space Enter
tmux_keys Enter
tmux_expect "Please check your answers" "review page"
tmux_keys c
tmux_expect "Type your full name to sign" "consent"
tmux_type "Maya Ortiz"; tmux_keys Enter
tmux_expect "Visit 1 - Maya Ortiz" "the finished intake opens its visit page"
tmux_expect "[~ MODIFY] go ahead but adapt" "the visit page gives the outcome the clinic's rule set"
tmux_expect "[~ MODIFY] pacemaker" "the visit page lists the clinic's flag"
tmux_expect "Pacemaker: no electrotherapy" "with the clinic's note for the therapist"
# The answer, in the page's list of every answer further down.
for _ in 1 2 3 4 5 6 7 8; do
	tmux_wait_for "Pacemaker: Yes" 1 && break
	tmux_keys NPage
done
tmux_expect "Pacemaker: Yes" "the visit page lists the clinic's answer by its label"
finish
