#!/usr/bin/env bash
# The kiosk with a clinic's own intake.conf in the clinic's folder: it asks
# the reworded question in the clinic's words and the clinic's added
# question (a pacemaker) where the file puts it, and the draft stores the
# answer under the clinic's key.
source "$(dirname "$0")/../lib/common.sh"
source "$(dirname "$0")/../lib/tmux.sh"

shipped="$(dirname "$MI")/../share/massage-intake"
clinic="$XDG_CONFIG_HOME/massage-intake"
mkdir -p "$clinic"
awk '/^\[question skin_condition\]/ {
	print "[question pacemaker]"
	print "group = Health and safety"
	print "kind  = yesno"
	print "label = Pacemaker"
	print "text  = Do you have a pacemaker fitted?"
	print "help  = A small device under the skin that keeps your heart beating regularly."
	print ""
}
{ print }' "$shipped/intake.conf" |
	sed 's/^text  = Do you have a fever, or do you feel feverish today?$/text  = Have you felt hot and shivery today?/' \
		>"$clinic/intake.conf"

run bash -c "echo 2468 | '$MI' set-pin"
expect_rc 0 "set-pin from stdin"

tmux_start kiosk kiosk
tmux_expect "Welcome! Before your massage" "welcome page"
tmux_type "Maya Ortiz"; tmux_keys Enter
tmux_type "1988-03-14"; tmux_keys Enter y
tmux_expect "continue later with your name" "the resume code is shown"
tmux_keys Enter
tmux_expect "What is your phone number?" "first question"
tmux_keys Enter
tmux_expect "e-mail" "e-mail question"
tmux_keys Enter
tmux_expect "Where do you feel pain" "body map"
tmux_keys Enter
tmux_expect "no pain" "pain scale"
tmux_keys 4 Enter
tmux_type "20"; tmux_keys Enter
tmux_expect "How did the pain start?" "onset"
tmux_keys 1 Enter
tmux_keys Enter Enter
tmux_expect "in your legs" "leg symptoms"
tmux_keys Enter
tmux_expect "Is weakness in your legs getting worse" "weakness"
tmux_keys n
tmux_expect "urine or stool" "bladder"
tmux_keys n
tmux_expect "numbness between your legs" "saddle numbness"
tmux_keys n
tmux_expect "Have you felt hot and shivery today?" "the clinic's rewording of the fever question"
mi_test_count=$((mi_test_count + 1))
tmux_screen | grep -q "feel feverish today" && fail "the shipped wording is still shown"
tmux_keys n
for _ in 1 2 3 4 5; do tmux_keys n; done
tmux_expect "thin or weak bones" "osteoporosis"
tmux_keys 1 Enter
for _ in 1 2 3; do tmux_keys n; done
tmux_expect "blood clot" "the blood clot question"
tmux_keys n
tmux_expect "surgery in the last year" "surgery"
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
