# clinic.sh - a clinic's own data files in its folder
# ($XDG_CONFIG_HOME/massage-intake), made from the shipped ones. Source
# after common.sh.
#   clinic_intake PACEMAKER_TEXT FEVER_TEXT
#       intake.conf: the shipped questions with the fever question reworded
#       as FEVER_TEXT and a yes/no question "pacemaker" (PACEMAKER_TEXT, in
#       the group Health and safety) added before the skin question
#   clinic_pacemaker_rule
#       rules.conf: the shipped rules and a modify rule reading pacemaker
#   clinic_walk_to_surgery FEVER_TEXT
#       (tmux.sh) at the first question of an intake, the kiosk's or the
#       desk's: answers it and the next ones (no phone, e-mail or area; pain
#       4 for 20 weeks, slowly; no leg symptoms and every red flag no, the
#       fever question asked as FEVER_TEXT) up to the surgery question

mi_shipped="$(dirname "$MI")/../share/massage-intake"
mi_clinic="$XDG_CONFIG_HOME/massage-intake"

clinic_intake() {
	mkdir -p "$mi_clinic"
	awk -v text="$1" '/^\[question skin_condition\]/ {
		print "[question pacemaker]"
		print "group = Health and safety"
		print "kind  = yesno"
		print "label = Pacemaker"
		print "text  = " text
		print "help  = A small device under the skin that keeps your heart beating regularly."
		print ""
	}
	{ print }' "$mi_shipped/intake.conf" |
		sed "s/^text  = Do you have a fever, or do you feel feverish today?\$/text  = $2/" \
			>"$mi_clinic/intake.conf"
	grep -qF "text  = $2" "$mi_clinic/intake.conf" || fail "the test's rewording did not apply"
}

clinic_pacemaker_rule() {
	mkdir -p "$mi_clinic"
	cp "$mi_shipped/rules.conf" "$mi_clinic/rules.conf"
	cat >>"$mi_clinic/rules.conf" <<'RULE'

[rule pacemaker]
level   = modify
when    = pacemaker
message = You told us you have a pacemaker. Your therapist will not use heat
	packs or any electrical device near your chest.
note    = Pacemaker: no electrotherapy, no heat over the device.
source  = Clinic policy
RULE
}

clinic_walk_to_surgery() {
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
	tmux_keys Enter Enter                 # worse with / better with: skipped
	tmux_expect "in your legs" "leg symptoms"
	tmux_keys Enter                       # none
	tmux_expect "Is weakness in your legs getting worse" "weakness"
	tmux_keys n
	tmux_expect "urine or stool" "bladder"
	tmux_keys n
	tmux_expect "numbness between your legs" "saddle numbness"
	tmux_keys n
	tmux_expect "$1" "the clinic's rewording of the fever question"
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
}
