#!/usr/bin/env bash
# drafts expire from the review queue after draft_expiry_days (a setting,
# in force at the next command), except one whose answers so far are
# urgent or refer; an expired draft is kept and listed by drafts --expired.
# Discarding one names the client and the day it was begun, and takes its
# resume code and claim with it.
source "$(dirname "$0")/../lib/common.sh"
EX="$MI_FIXTURES/examples"

check() {
	mi_test_count=$((mi_test_count + 1))
	[[ $1 -eq 0 ]] || fail "$2"
}

# Visit 1 makes client 1. Drafts: 200 of client 1 begun on 1 November
# (pain only), 201 a kiosk draft begun the same day with new bladder
# trouble (urgent), 202 begun on 20 November.
"$MI" intake --answers "$EX/01-proceed-chronic-tightness.json" >/dev/null || fail "setup intake"
sqlite3 "$MASSAGE_INTAKE_DB" <<'SQL' || fail "could not add the drafts"
INSERT INTO visits (id, client_id, date, state, created, updated, who, source, reviewed)
VALUES (200, 1, '2026-11-01', 'draft', '2026-11-01T10:00:00Z', '2026-11-01T10:05:00Z', 'desk', 'desk', 1),
       (201, NULL, '2026-11-01', 'draft', '2026-11-01T11:00:00Z', '2026-11-01T11:02:00Z', 'kiosk', 'kiosk', 0),
       (202, NULL, '2026-11-20', 'draft', '2026-11-20T11:00:00Z', '2026-11-20T11:02:00Z', 'kiosk', 'kiosk', 0);
INSERT INTO draft_answers (visit_id, key, value, saved_at) VALUES
 (200, 'pain_intensity', '6', '2026-11-01T10:01:00Z'),
 (201, 'client.name', '"Red Flag"', '2026-11-01T11:01:00Z'),
 (201, 'bladder_bowel_change', 'true', '2026-11-01T11:02:00Z'),
 (202, 'client.name', '"Late Comer"', '2026-11-20T11:01:00Z');
INSERT INTO resume_codes (visit_id, code_hash, failures) VALUES (202, 'x', 0);
SQL

run "$MI" settings draft_expiry_days
expect_rc 0 "the expiry setting"
expect_out_has "draft_expiry_days      14 (default)" "the expiry default is shown"
run "$MI" settings draft_expiry_days 0
expect_rc 65 "no expiry of zero days"
expect_err_has "whole number of days from 1 to 365" "the range is named"

# 23 November: 200 is 22 days old and has left the queue; 201 is as old
# but urgent and stays, first.
run "$MI" review --json
check "$([[ $(jq -c '[.[].visit]' <<<"$out") == "[201,202]" ]]; echo $?)" \
	"the expired draft left the queue, the urgent one stays: $out"
run "$MI" drafts --json
check "$([[ $(jq -c '[.[].visit]' <<<"$out") == "[201,202]" ]]; echo $?)" "drafts: $out"
check "$([[ $(jq -r '.[] | select(.visit == 201) | .outcome' <<<"$out") == urgent ]]; echo $?)" \
	"a draft shows the outcome of its answers so far: $out"
run "$MI" drafts --expired --json
check "$([[ $(jq -c '[.[].visit]' <<<"$out") == "[200]" ]]; echo $?)" "drafts --expired: $out"
run "$MI" drafts --expired
expect_out_has "2026-11-01" "the expired draft is listed with its day"
check "$([[ $(sqlite3 "$MASSAGE_INTAKE_DB" "SELECT count(*) FROM draft_answers WHERE visit_id = 200") == 1 ]]
	echo $?)" "an expired draft is kept with its answers"

# A longer expiry brings it back at once; moving the day on sends 202 too.
run "$MI" settings draft_expiry_days 30
expect_rc 0 "set the expiry to 30 days"
run "$MI" review --json
check "$([[ $(jq -c '[.[].visit]' <<<"$out") == "[201,200,202]" ]]; echo $?)" \
	"30 days: every draft waits: $out"
MASSAGE_INTAKE_TODAY=2026-12-20 run "$MI" review --json
check "$([[ $(jq -c '[.[].visit]' <<<"$out") == "[201]" ]]; echo $?)" \
	"on 20 December only the urgent draft waits: $out"
run "$MI" drafts --expired --discard 200 --yes
expect_rc 64 "--expired does not go with --discard"

# Discarding asks on a terminal, naming the client and the day begun.
if command -v script >/dev/null; then
	printf 'no\n' | script -qec "$MI drafts --discard 201" /dev/null >"$T/asked" 2>&1
	grep -q "intake 201 of Red Flag, begun on 2026-11-01" "$T/asked"
	check $? "the question names the client and the day: $(cat "$T/asked")"
fi
# A claimed draft (a kiosk filling it now) is refused, saying so.
sqlite3 "$MASSAGE_INTAKE_DB" "INSERT INTO draft_claims (visit_id, session, pid, since)
	VALUES (202, 'kiosk-screen', $$, '2026-11-23T11:03:00Z')" || fail "could not claim the draft"
run "$MI" drafts --discard 202 --yes
expect_rc 75 "a draft being filled in right now"
expect_err_has "open on another screen right now" "the refusal says why"
# Once the kiosk lets go (its process ended), the draft goes with its code and claim.
sqlite3 "$MASSAGE_INTAKE_DB" "UPDATE draft_claims SET pid = 999999999 WHERE visit_id = 202"
run "$MI" drafts --discard 202 --yes
expect_rc 0 "discard 202"
check "$([[ $(sqlite3 "$MASSAGE_INTAKE_DB" "SELECT (SELECT count(*) FROM resume_codes WHERE visit_id = 202)
	+ (SELECT count(*) FROM draft_claims WHERE visit_id = 202)
	+ (SELECT count(*) FROM draft_answers WHERE visit_id = 202)") == 0 ]]; echo $?)" \
	"its resume code, claim and answers went with it"
check "$([[ $(sqlite3 "$MASSAGE_INTAKE_DB" "SELECT who FROM audit_log WHERE action = 'discard'
	AND record_id = 202") != "" ]]; echo $?)" "the audit log says who discarded it"

finish
