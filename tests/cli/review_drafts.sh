#!/usr/bin/env bash
# review and drafts: the review queue as the desk shows it, marking a kiosk
# intake reviewed (audited), the unfinished intakes, and discarding one
# with confirmation or --yes; each refuses what it must.
source "$(dirname "$0")/../lib/common.sh"
EX="$MI_FIXTURES/examples"

# check STATUS DESCRIPTION: counts one assertion; fails when STATUS is not 0.
check() {
	mi_test_count=$((mi_test_count + 1))
	[[ $1 -eq 0 ]] || fail "$2"
}

# No database yet: nothing waits, nothing to mark.
run "$MI" review
expect_rc 0 "review without a database"
expect_out_has "nothing is waiting for review" "review without a database"
run "$MI" drafts --json
expect_rc 0 "drafts --json without a database"
check "$([[ $out == "[]" ]]; echo $?)" "drafts --json without a database: $out"
run "$MI" review 1 --mark
expect_rc 66 "review --mark without a database"

# Visit 1 from the command line, visit 2 as if filled in at the kiosk and
# not reviewed yet; visit 100 a desk draft, 101 a kiosk draft whose client
# is not known yet.
"$MI" intake --answers "$EX/01-proceed-chronic-tightness.json" >/dev/null || fail "setup intake 1"
"$MI" intake --answers "$EX/02-modify-blood-thinner.json" >/dev/null || fail "setup intake 2"
sqlite3 "$MASSAGE_INTAKE_DB" <<'SQL' || fail "could not add the kiosk intake and the drafts"
UPDATE visits SET source = 'kiosk', reviewed = 0 WHERE id = 2;
INSERT INTO visits (id, client_id, date, state, created, updated, who, source, reviewed)
VALUES (100, 1, '2026-11-22', 'draft', '2026-11-22T10:00:00Z', '2026-11-22T10:05:00Z', 'desk', 'desk', 1),
       (101, NULL, '2026-11-23', 'draft', '2026-11-23T11:00:00Z', '2026-11-23T11:02:00Z', 'kiosk', 'kiosk', 0);
INSERT INTO draft_answers (visit_id, key, value, saved_at) VALUES
 (100, 'pain_intensity', '6', '2026-11-22T10:01:00Z'),
 (101, 'client.name', '"Kiosk Person"', '2026-11-23T11:01:00Z'),
 (101, 'fever', 'false', '2026-11-23T11:02:00Z');
SQL

# ---- review --------------------------------------------------------------
run "$MI" review
expect_rc 0 "review"
expect_out_has "kiosk, finished" "the kiosk intake waits"
expect_out_has "Kiosk Person" "a kiosk draft shows the name typed so far"
expect_out_has "desk, draft" "a desk draft waits"
expect_out_lacks "cli," "a command-line intake needs no review"
run "$MI" review --json
expect_rc 0 "review --json"
check "$([[ $(jq -c '[.[].visit]' <<<"$out") == "[100,101,2]" ]]; echo $?)" \
	"review --json lists 100, 101, 2 oldest first: $out"
check "$([[ $(jq -c '.[] | select(.visit == 2) | [.source, .state, .reviewed, .outcome]' <<<"$out") \
	== '["kiosk","complete",false,"modify"]' ]]; echo $?)" "review --json describes visit 2: $out"
check "$([[ $(jq -c '.[] | select(.visit == 101) | [.client, .name]' <<<"$out") \
	== '[null,"Kiosk Person"]' ]]; echo $?)" "review --json describes the kiosk draft: $out"

run "$MI" review 1 --mark
expect_rc 65 "marking an intake that is not from the kiosk"
expect_err_has "not entered at the kiosk" "review --mark of a command-line intake"
run "$MI" review 101 --mark
expect_rc 65 "marking a draft"
expect_err_has "not finished yet" "review --mark of a draft"
run "$MI" review 999 --mark
expect_rc 67 "marking a visit that does not exist"
run "$MI" review 2
expect_rc 64 "review VISIT without --mark"
run "$MI" review --mark
expect_rc 64 "review --mark without VISIT"
run "$MI" review 2 --mark
expect_rc 0 "review 2 --mark"
expect_out_has "visit 2 marked as reviewed" "review --mark says so"
check "$([[ $(sqlite3 "$MASSAGE_INTAKE_DB" "SELECT reviewed FROM visits WHERE id = 2") == 1 ]]; echo $?)" \
	"visit 2 is stored as reviewed"
check "$([[ $(sqlite3 "$MASSAGE_INTAKE_DB" \
	"SELECT count(*) FROM audit_log WHERE action = 'review' AND record_id = 2") == 1 ]]; echo $?)" \
	"marking is recorded in the audit log"
run "$MI" review 2 --mark
expect_rc 0 "marking again"
expect_out_has "visit 2 was already reviewed" "marking again says so"
run "$MI" show 2 --json
check "$([[ $(jq -r .reviewed <<<"$out") == true ]]; echo $?)" "show sees the review"
run "$MI" review --json
check "$([[ $(jq -c '[.[].visit]' <<<"$out") == "[100,101]" ]]; echo $?)" \
	"a reviewed intake leaves the queue: $out"

# ---- drafts --------------------------------------------------------------
run "$MI" drafts
expect_rc 0 "drafts"
expect_out_has "desk, draft" "drafts lists the desk draft"
expect_out_has "Kiosk Person" "drafts lists the kiosk draft"
run "$MI" drafts --json
check "$([[ $(jq -c '[.[].visit]' <<<"$out") == "[100,101]" ]]; echo $?)" "drafts --json: $out"
check "$(sqlite3 "$MASSAGE_INTAKE_DB" "SELECT count(*) FROM audit_log WHERE action = 'list' AND
	table_name = 'drafts'" | grep -qx 2; echo $?)" "listing the drafts is recorded as a view"

run "$MI" drafts --discard 101 </dev/null
expect_rc 64 "discarding without a terminal and without --yes"
expect_err_has "give --yes" "the refusal says how"
run "$MI" drafts --discard 1 --yes
expect_rc 65 "discarding a completed visit"
run "$MI" drafts --discard 999 --yes
expect_rc 67 "discarding a visit that does not exist"
run "$MI" drafts --discard x --yes
expect_rc 64 "discarding a visit that is no number"
run "$MI" drafts --yes
expect_rc 64 "--yes without --discard"
run "$MI" drafts --discard
expect_rc 64 "--discard without a value"

# A draft open on a screen (a live process holds its claim) stays.
sqlite3 "$MASSAGE_INTAKE_DB" "INSERT INTO draft_claims (visit_id, session, pid, since)
	VALUES (101, 'another-screen', $$, '2026-11-23T11:03:00Z')" || fail "could not claim the draft"
run "$MI" drafts --discard 101 --yes
expect_rc 75 "discarding a draft open on another screen"
expect_err_has "open on another screen" "the refusal names the reason"
sqlite3 "$MASSAGE_INTAKE_DB" "DELETE FROM draft_claims" || fail "could not release the claim"

run "$MI" drafts --discard 101 --yes
expect_rc 0 "drafts --discard 101 --yes"
expect_out_has "visit 101 discarded" "discard says so"
check "$([[ $(sqlite3 "$MASSAGE_INTAKE_DB" "SELECT count(*) FROM visits WHERE id = 101") == 0 &&
	$(sqlite3 "$MASSAGE_INTAKE_DB" "SELECT count(*) FROM draft_answers WHERE visit_id = 101") == 0 ]]
	echo $?)" "the draft and its answers are gone"
check "$([[ $(sqlite3 "$MASSAGE_INTAKE_DB" \
	"SELECT count(*) FROM audit_log WHERE action = 'discard' AND record_id = 101") == 1 ]]; echo $?)" \
	"discarding is recorded in the audit log"
run "$MI" drafts --json
check "$([[ $(jq -c '[.[].visit]' <<<"$out") == "[100]" ]]; echo $?)" "the discarded draft is gone: $out"

# On a terminal it asks; anything but "yes" keeps the draft.
if command -v script >/dev/null; then
	printf 'no\n' | script -qec "$MI drafts --discard 100" /dev/null >"$T/asked" 2>&1
	rc=$?
	expect_rc 1 "answering no"
	grep -q "Type yes to discard" "$T/asked"
	check $? "on a terminal it asks"
	check "$([[ $(sqlite3 "$MASSAGE_INTAKE_DB" "SELECT count(*) FROM visits WHERE id = 100") == 1 ]]
		echo $?)" "answering no keeps the draft"
fi

finish
