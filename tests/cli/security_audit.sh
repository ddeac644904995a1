#!/usr/bin/env bash
# security_audit.sh - every view, create, change, print and export leaves an
# audit entry (who, action, table, record id), `massage-intake audit` lists
# them, and the audit table holds no name, answer, medication, flag or note.
source "$(dirname "$0")/../lib/common.sh"
EX="$MI_FIXTURES/examples/02-modify-blood-thinner.json"

run "$MI" audit
expect_rc 0 "audit with no database yet"
expect_out_has "the audit log is empty" "audit with no database yet"

run "$MI" intake --answers "$EX"
expect_rc 0 "intake"
visit=$out
expect_logged "complete visits $visit" "intake (create)"
client=$(sqlite3 "$MASSAGE_INTAKE_DB" "SELECT client_id FROM visits WHERE id = $visit")
mi_test_count=$((mi_test_count + 1))
[[ $(sqlite3 "$MASSAGE_INTAKE_DB" "SELECT count(*) FROM audit_log WHERE action = 'create' AND
	((table_name = 'visits' AND record_id = $visit) OR (table_name = 'clients' AND record_id = $client))") -eq 2 ]] ||
	fail "intake: the new client and visit are not both logged as created"

run "$MI" show "$visit"
expect_rc 0 "show"
expect_logged "view visits $visit" "show"
run "$MI" show "$visit" --json
expect_logged "view visits $visit" "show --json"

run "$MI" history "$client"
expect_rc 0 "history"
expect_logged "history clients $client" "history"

run "$MI" clients --search "Brandt"
expect_rc 0 "clients --search"
expect_logged "list clients -" "clients --search"

run "$MI" note "$visit" --pressure light --response "relaxed, a little sore" \
	--therapist-notes "tender left QL" --aftercare "Drink water, walk gently."
expect_rc 0 "note"
expect_logged "notes visits $visit" "note (change)"

run "$MI" aftercare "$visit" -o "$T/aftercare.txt"
expect_rc 0 "aftercare -o"
expect_logged "export visits $visit" "aftercare -o (export)"

printf '#!/bin/sh\ncat >/dev/null\necho "request id is stub-1 (1 file(s))"\n' >"$T/lp"
chmod +x "$T/lp"
MASSAGE_INTAKE_LP="$T/lp" run "$MI" aftercare "$visit" --print
expect_rc 0 "aftercare --print"
expect_logged "print visits $visit" "aftercare --print"

run "$MI" backup "$T/copy.db"
expect_rc 0 "backup"
expect_logged "backup database -" "backup"

# A refused command changes nothing and logs nothing.
before=$(sqlite3 "$MASSAGE_INTAKE_DB" "SELECT count(*) FROM audit_log")
run "$MI" show 999
expect_rc 67 "show of a missing visit"
run "$MI" note "$visit" --pressure crushing
expect_rc 64 "note with a bad pressure"
mi_test_count=$((mi_test_count + 1))
[[ $(sqlite3 "$MASSAGE_INTAKE_DB" "SELECT count(*) FROM audit_log") -eq $before ]] ||
	fail "a refused command left an audit entry"

# The listing: newest first, text and JSON, --limit.
run "$MI" audit --limit 3
expect_rc 0 "audit --limit 3"
mi_test_count=$((mi_test_count + 1))
[[ $(grep -c . <<<"$out") -eq 4 ]] || fail "audit --limit 3: expected a header and 3 lines: $out"
mi_test_count=$((mi_test_count + 1))
[[ $(sed -n 2p <<<"$out") == *backup*database* ]] || fail "audit: the newest entry is not first: $out"
run "$MI" audit --json --limit 0
expect_rc 0 "audit --json"
mi_test_count=$((mi_test_count + 1))
total=$(sqlite3 "$MASSAGE_INTAKE_DB" "SELECT count(*) FROM audit_log")
[[ $(jq length <<<"$out") -eq $total ]] || fail "audit --json --limit 0 does not list all $total entries"
mi_test_count=$((mi_test_count + 1))
[[ $(jq -r '.[0] | "\(.who) \(.action) \(.table) \(.record_id)"' <<<"$out") == "cli backup database null" ]] ||
	fail "audit --json first entry: $(jq -c '.[0]' <<<"$out")"
run "$MI" audit --limit many
expect_rc 64 "audit --limit many"
expect_err_has "--limit needs a whole number" "audit --limit many"
run "$MI" audit extra
expect_rc 64 "audit with an extra argument"

# No health detail and no name in the audit table: not the client's name,
# birth date, answers, medications, flags, notes or the aftercare text.
dump=$(sqlite3 "$MASSAGE_INTAKE_DB" "SELECT * FROM audit_log")
for word in Walter Brandt 1951 Xarelto atorvastatin anticoagulant modify desk "upper back" \
	relaxed sore tender QL "Drink water" light; do
	mi_test_count=$((mi_test_count + 1))
	! grep -qiF -- "$word" <<<"$dump" || fail "the audit log holds '$word': $(grep -iF -- "$word" <<<"$dump")"
done
# Every entry is one of the known plain actions.
mi_test_count=$((mi_test_count + 1))
unknown=$(sqlite3 "$MASSAGE_INTAKE_DB" "SELECT action FROM audit_log WHERE action NOT IN
	('create', 'complete', 'view', 'history', 'list', 'notes', 'export', 'print', 'backup')")
[[ -z $unknown ]] || fail "unexpected audit actions: $unknown"

# A view while another process holds the write lock (so no entry can be
# written) is in tests/cli/faults_lock.sh.

finish
