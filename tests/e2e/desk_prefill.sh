#!/usr/bin/env bash
# A returning client's intake at the front desk: a stable answer (here
# osteoporosis, prefill = yes in intake.conf) shows last time's answer
# pre-selected and marked, and is saved only once confirmed; a red flag
# (fever) is asked fresh, with nothing pre-selected.
source "$(dirname "$0")/../lib/common.sh"
source "$(dirname "$0")/../lib/tmux.sh"

check() {
	mi_test_count=$((mi_test_count + 1))
	[[ $1 -eq 0 ]] || fail "$2"
}
# draft_answer KEY: the JSON text the draft holds for KEY, or nothing.
draft_answer() {
	sqlite3 "$MASSAGE_INTAKE_DB" "SELECT value FROM draft_answers WHERE visit_id = 200 AND key = '$1'"
}

run bash -c "echo 2468 | '$MI' set-pin"
expect_rc 0 "set-pin"
# Last visit, on 2 October: mild osteoporosis, no fever.
jq '.osteoporosis = "mild"' "$MI_FIXTURES/examples/01-proceed-chronic-tightness.json" >"$T/last.json"
MASSAGE_INTAKE_TODAY=2026-10-02 run "$MI" intake --answers "$T/last.json"
expect_rc 0 "last visit stored"
# Today's draft of the same client holds every other answer already, so
# that the walk-through starts at the fever question.
{
	echo "INSERT INTO visits (id, client_id, date, state, created, updated, who, source, reviewed)
	VALUES (200, 1, '2026-11-23', 'draft', '2026-11-23T10:00:00Z', '2026-11-23T10:00:00Z', 'desk', 'desk', 1);"
	jq -r '(del(.consent, .fever, .osteoporosis, .client) | to_entries[] | [.key, (.value | tojson)]),
		(.client | to_entries[] | ["client." + .key, (.value | tojson)]) |
		"INSERT INTO draft_answers (visit_id, key, value, saved_at) VALUES (200, \u0027\(.[0])\u0027, \u0027\(.[1])\u0027, \u00272026-11-23T10:00:00Z\u0027);"' \
		"$T/last.json"
	echo "INSERT INTO draft_answers (visit_id, key, value, saved_at)
	VALUES (200, 'client.email', '\"\"', '2026-11-23T10:00:00Z');"
} | sqlite3 "$MASSAGE_INTAKE_DB" || fail "could not add the draft"

tmux_start desk
tmux_sign_in 2468
tmux_type "/"
tmux_type "Ortiz"
tmux_expect "Maya Ortiz" "the client is listed"
tmux_keys Enter
tmux_expect "Client 1 - Maya Ortiz" "client page"
tmux_type "i"
tmux_expect "Returning client: the answers of 2026-10-02 are offered" "the desk says answers are offered"
tmux_expect "Do you have a fever" "the intake starts at the fever question"
mi_test_count=$((mi_test_count + 1))
if tmux_screen | grep -qE "last time|\(\*\)"; then
	fail "the fever question is not asked fresh: $(tmux_screen)"
fi
tmux_type "n"
tmux_expect "treated for an infection right now" "n answers and goes on"
check "$([[ $(draft_answer fever) == false ]]; echo $?)" "the fever answer is saved"

# Forward over the questions already answered, to osteoporosis.
for _ in 1 2 3 4 5 6; do tmux_keys PageDown; done
tmux_expect "last time (2026-10-02): Yes, mild (thinning bones, or treated)" \
	"osteoporosis shows last time's answer, marked"
tmux_expect "(*) Yes, mild" "and pre-selected"
check "$([[ -z $(draft_answer osteoporosis) ]]; echo $?)" "an offered answer is not saved before it is confirmed"
tmux_keys PageDown
tmux_expect "Please confirm last time's answer with Enter, or change it." "passing over it is refused"
check "$([[ -z $(draft_answer osteoporosis) ]]; echo $?)" "passing over it saves nothing"
tmux_keys Enter
tmux_expect "Have you taken steroid" "Enter confirms and goes on"
check "$([[ $(draft_answer osteoporosis) == '"mild"' ]]; echo $?)" \
	"the confirmed answer is saved: $(draft_answer osteoporosis)"
tmux_keys C-s
tmux_expect "The intake is kept as a draft" "save and leave"
tmux_keys Escape
tmux_type "q"
tmux_expect_exit 0 "the desk quits"

finish
