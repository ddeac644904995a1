#!/usr/bin/env bash
# The review queue at the front desk: d discards a draft after a question
# that names the client and the day it was begun (n keeps it), with its
# resume code, audited under who did it; a draft a client is filling in at
# the kiosk right now is refused, saying so; an expired draft is not listed
# nor counted.
source "$(dirname "$0")/../lib/common.sh"
source "$(dirname "$0")/../lib/tmux.sh"

check() {
	mi_test_count=$((mi_test_count + 1))
	[[ $1 -eq 0 ]] || fail "$2"
}

run bash -c "echo 2468 | '$MI' set-pin"
expect_rc 0 "set-pin"
"$MI" intake --answers "$MI_FIXTURES/examples/01-proceed-chronic-tightness.json" >/dev/null ||
	fail "setup intake"
# 200: Maya Ortiz's desk draft of 20 November, with a resume code; 201: a
# kiosk draft claimed by a live process (a client filling it in now); 202:
# a draft of 1 October, expired by the default 14 days.
sqlite3 "$MASSAGE_INTAKE_DB" <<SQL || fail "could not add the drafts"
INSERT INTO visits (id, client_id, date, state, created, updated, who, source, reviewed)
VALUES (200, 1, '2026-11-20', 'draft', '2026-11-20T10:00:00Z', '2026-11-20T10:05:00Z', 'desk', 'desk', 1),
       (201, NULL, '2026-11-23', 'draft', '2026-11-23T09:00:00Z', '2026-11-23T09:02:00Z', 'kiosk', 'kiosk', 0),
       (202, NULL, '2026-10-01', 'draft', '2026-10-01T09:00:00Z', '2026-10-01T09:02:00Z', 'kiosk', 'kiosk', 0);
INSERT INTO draft_answers (visit_id, key, value, saved_at) VALUES
 (200, 'pain_intensity', '6', '2026-11-20T10:01:00Z'),
 (201, 'client.name', '"Kiosk Now"', '2026-11-23T09:01:00Z'),
 (202, 'client.name', '"Long Gone"', '2026-10-01T09:01:00Z');
INSERT INTO resume_codes (visit_id, code_hash, failures) VALUES (200, 'x', 0);
INSERT INTO draft_claims (visit_id, session, pid, since) VALUES (201, 'kiosk', $$, '2026-11-23T09:00:00Z');
SQL

tmux_start desk
tmux_sign_in 2468
tmux_expect "2 intakes waiting for review" "the expired draft is not counted"
tmux_type "r"
tmux_expect "Review queue" "the review queue"
tmux_expect "2 waiting" "two drafts wait"
mi_test_count=$((mi_test_count + 1))
tmux_screen | grep -qF "Long Gone" && fail "the expired draft is listed: $(tmux_screen)"
tmux_expect "d discard a draft" "the queue shows the discard key"

# The first row is Maya Ortiz's draft (oldest first): n keeps it.
tmux_type "d"
tmux_expect "Discard the unfinished intake of Maya Ortiz begun on 2026-11-20" \
	"the question names the client and the day"
tmux_type "n"
tmux_expect "Nothing was discarded." "n keeps the draft"
tmux_expect "2 waiting" "both still wait"
tmux_type "d"
tmux_expect "y discard  n keep" "asked again"
tmux_type "y"
tmux_expect "The unfinished intake 200 was discarded." "y discards it"
tmux_expect "1 waiting" "one draft left"

# The draft a client is filling in at the kiosk is refused.
tmux_type "d"
tmux_expect "Discard the unfinished intake of Kiosk Now begun on 2026-11-23" "asked for the kiosk draft"
tmux_type "y"
tmux_expect "Not discarded: visit 201 is open on another screen right now" "refused, saying why"
tmux_expect "1 waiting" "the kiosk draft stays"
tmux_keys Escape
tmux_expect "1 intake waiting for review" "the main screen counts what is left"
tmux_type "q"
tmux_expect_exit 0 "the desk quits"

check "$([[ $(sqlite3 "$MASSAGE_INTAKE_DB" "SELECT (SELECT count(*) FROM visits WHERE id = 200)
	+ (SELECT count(*) FROM resume_codes WHERE visit_id = 200)
	+ (SELECT count(*) FROM draft_answers WHERE visit_id = 200)") == 0 ]]; echo $?)" \
	"the draft went with its answers and resume code"
who=$(sqlite3 "$MASSAGE_INTAKE_DB" "SELECT who FROM audit_log WHERE action = 'discard' AND record_id = 200")
signed=$(sqlite3 "$MASSAGE_INTAKE_DB" "SELECT name FROM therapists LIMIT 1")
check "$([[ -n $who && $who == "$signed" ]]; echo $?)" "the audit log names who discarded it: '$who' '$signed'"
check "$([[ $(sqlite3 "$MASSAGE_INTAKE_DB" "SELECT count(*) FROM visits WHERE id IN (201, 202)") == 2 ]]
	echo $?)" "the claimed and the expired drafts are kept"

finish
