#!/usr/bin/env bash
# Two therapists and a front-desk person each sign in at the desk: the
# audit log names each of them, the front-desk person cannot change session
# notes, nor read the therapist's ones, nor set a plan; the due list follows
# the series a therapist set at the desk, visit after visit; and at the idle lock the person signed in unlocks with their PIN
# while another may sign in instead. The kiosk's F12 takes any active
# therapist's PIN, never a front-desk one.
source "$(dirname "$0")/../lib/common.sh"
source "$(dirname "$0")/../lib/tmux.sh"

run "$MI" intake --answers "$MI_FIXTURES/examples/01-proceed-chronic-tightness.json"
expect_rc 0 "storing the example intake"
visit=$out
run bash -c "echo 2468 | '$MI' therapist add Anna"
expect_rc 0 "Anna, the owner"
run bash -c "printf '2468\n1357\n' | '$MI' --as Anna therapist add Bruno"
expect_rc 0 "Bruno, a therapist"
run bash -c "printf '2468\n1122\n' | '$MI' --as Anna therapist add Carla --role front-desk"
expect_rc 0 "Carla, front desk"
run bash -c "printf '1357\n[response]\nRelaxed on the table.\n[therapist-notes]\nWatch the left hip.\n' |
	'$MI' --as Bruno note $visit --from-file -"
expect_rc 0 "Bruno writes the response and a therapist's note"
run "$MI" settings lock_timeout_seconds 10
expect_rc 0 "the shortest lock timeout"

# Pages down the visit page until text shows (at most four pages).
page_down_to() {
	for _ in 1 2 3 4; do
		tmux_screen | grep -qF -- "$1" && return
		tmux_keys PageDown
		sleep 0.3
	done
}

who_did() {
	sqlite3 "$MASSAGE_INTAKE_DB" \
		"SELECT count(*) FROM audit_log WHERE who = '$1' AND action = '$2'"
}

# Anna (first in the list) writes a session note at the desk, and reads
# Bruno's.
tmux_start anna --db "$MASSAGE_INTAKE_DB"
tmux_expect "Sign in — pick your name" "the desk starts with a sign-in"
mi_test_count=$((mi_test_count + 1))
tmux_screen | grep -q "Maya" && fail "a client shows before anyone signs in"
tmux_expect "Carla" "the names are listed"
tmux_sign_in 2468
tmux_expect "Signed in as Anna (therapist)." "Anna is signed in"
tmux_keys Enter
tmux_expect "Maya Ortiz" "the client page"
tmux_keys Enter
tmux_expect "p print" "the visit page"
# The first item of the session notes: the areas worked.
tmux_keys Tab
tmux_keys Space
tmux_keys s
tmux_expect "saved" "Anna saves a session note"
tmux_keys c
tmux_expect "Closed: the notes are signed by you." "Anna closes the visit"
page_down_to "Watch the left hip"
tmux_expect "Watch the left hip" "a therapist reads the therapist's notes at the desk"
# The plans intake.conf offers, in its order: reassess, then a weekly series.
tmux_keys f
tmux_expect "Follow-up plan saved: reassess 48-72 hours after the session." "f: the first plan"
tmux_keys f
tmux_expect "Follow-up plan saved: a series of 3 sessions, one a week." "f: the next plan"
tmux_keys q q q
tmux_expect_exit 0 "Anna quits"

# Carla, front desk: the visit shows, its notes cannot change.
tmux_restart --db "$MASSAGE_INTAKE_DB"
tmux_sign_in 1122 2
tmux_expect "Signed in as Carla (front desk)." "Carla is signed in"
tmux_keys Enter
tmux_expect "Maya Ortiz" "Carla sees the client"
tmux_keys Enter
tmux_expect "p print" "Carla sees the visit"
tmux_keys Tab
tmux_keys Space
tmux_expect "written by a therapist" "front desk cannot change session notes"
tmux_keys s
tmux_expect "written by a therapist" "nor save them"
tmux_keys c
tmux_expect "written by a therapist" "nor close the visit"
tmux_keys f
tmux_expect "written by a therapist" "nor set the follow-up plan"
page_down_to "notes: not shown"
tmux_expect "notes: not shown: session notes are read by therapists" \
	"the visit page says the notes are for therapists"
mi_test_count=$((mi_test_count + 1))
tmux_screen | grep -q "Watch the left hip\|Relaxed on the table" &&
	fail "the front desk sees the therapist's notes at the desk"
# Idle: the lock names Carla; Bruno picks his own name and signs in instead.
tmux_expect "Locked — Carla, type your PIN to go on" "the desk locks for Carla" 20
tmux_expect_gone "Maya" "nothing of the client on the lock"
tmux_keys Up
tmux_type 1357; tmux_keys Enter
tmux_expect "Signed in as Bruno (therapist)." "Bruno signs in instead"
tmux_expect "front desk: clients" "back on the main page for Bruno"
tmux_keys q
tmux_expect_exit 0 "Bruno quits"

mi_test_count=$((mi_test_count + 1))
[[ $(who_did Anna notes) -ge 1 ]] || fail "the audit names Anna for the notes"
mi_test_count=$((mi_test_count + 1))
[[ $(who_did Anna unlock) -ge 1 && $(who_did Carla unlock) -ge 1 && $(who_did Bruno unlock) -ge 1 ]] ||
	fail "each sign-in is audited under its person"
mi_test_count=$((mi_test_count + 1))
[[ $(who_did Carla view) -ge 1 ]] || fail "Carla's view of the visit names her"
mi_test_count=$((mi_test_count + 1))
[[ $(who_did Carla notes) -eq 0 ]] || fail "Carla wrote no notes"
mi_test_count=$((mi_test_count + 1))
[[ $(who_did desk view) -eq 0 ]] || fail "no audit row says only desk"

run bash -c "echo 1357 | '$MI' --as Bruno show $visit"
expect_out_has "notes signed by Anna" "the notes name Anna, who closed the visit"

# The due list follows the series Anna set, visit after visit, whoever
# asks: the front desk calls the clients.
due_as_carla() { run bash -c "echo 1122 | '$MI' --as Carla due --json"; }
due_as_carla
expect_rc 0 "the front desk reads the due list"
mi_test_count=$((mi_test_count + 1))
jq -e 'length == 1 and .[0].name == "Maya Ortiz" and .[0].due == "2026-11-30"
	and .[0].plan == "series_3_weekly" and .[0].reason == "session 2 of 3 of a series"' \
	<<<"$out" >/dev/null || fail "Maya is due for session 2 a week later: $out"
MASSAGE_INTAKE_TODAY=2026-11-30 run "$MI" intake --answers "$MI_FIXTURES/examples/01-proceed-chronic-tightness.json"
expect_rc 0 "Maya's second session"
MASSAGE_INTAKE_TODAY=2026-11-30 due_as_carla
mi_test_count=$((mi_test_count + 1))
jq -e 'length == 1 and .[0].due == "2026-12-07" and .[0].reason == "session 3 of 3 of a series"' \
	<<<"$out" >/dev/null || fail "then session 3 a week after the second: $out"
MASSAGE_INTAKE_TODAY=2026-12-07 run "$MI" intake --answers "$MI_FIXTURES/examples/01-proceed-chronic-tightness.json"
MASSAGE_INTAKE_TODAY=2026-12-07 due_as_carla
mi_test_count=$((mi_test_count + 1))
[[ $(jq length <<<"$out") -eq 0 ]] || fail "nobody is due once the series is done: $out"

# The kiosk: Carla's PIN does not leave it, Bruno's does.
tmux_restart kiosk
tmux_expect "Welcome! Before your massage" "the kiosk"
tmux_keys F12
tmux_type 1122; tmux_keys Enter
tmux_expect "Wrong PIN." "a front-desk PIN does not leave the kiosk"
tmux_type 1357; tmux_keys Enter
tmux_expect_exit 0 "any therapist's PIN leaves the kiosk"
finish
