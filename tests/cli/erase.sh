#!/usr/bin/env bash
# erase.sh - `erase CLIENT`: confirmation on a terminal (script(1) gives it
# one), --yes without; everything deleted without a retention setting,
# recent visits kept anonymously with one; afterwards a byte search
# (grep -a) of the database file, its -wal and its -shm finds none of the
# erased name, phone, e-mail or free text, while another program keeps the
# database open; the audit log says who erased which client number and
# when, nothing more; `erase --list-old-backups DIR`; the retention setting.
source "$(dirname "$0")/../lib/common.sh"
EX="$MI_FIXTURES/examples"
DB=$MASSAGE_INTAKE_DB

run "$MI" erase --help
expect_rc 0 "erase --help"
expect_out_has "Usage: massage-intake erase CLIENT [--yes]" "erase --help"
for args in "" "abc" "1 2" "--list-old-backups" "--compact 1" "--compact --list-old-backups $T" "--bogus 1"; do
	# shellcheck disable=SC2086
	run "$MI" erase $args
	expect_rc 64 "erase $args"
done
run "$MI" erase 1 --yes
expect_rc 66 "erase before any database"

# Maya with her contact details and notes full of free text; Walter.
jq '.client += {"phone": "+49 30 5550142", "email": "maya.ortiz@example.org"}
	| .worse_with = "carrying crates at the depot"' "$EX/01-proceed-chronic-tightness.json" >"$T/maya.json"
run "$MI" intake --answers "$T/maya.json"
expect_rc 0 "Maya's intake"
maya_visit=$out
maya=$(sqlite3 "$DB" "SELECT client_id FROM visits WHERE id = $maya_visit")
run "$MI" note "$maya_visit" --pressure medium --response "fell asleep halfway" \
	--therapist-notes "knotted rhomboids, ask about the depot" --aftercare "Warm bath tonight, Maya."
expect_rc 0 "Maya's notes"
run "$MI" intake --answers "$EX/02-modify-blood-thinner.json"
expect_rc 0 "Walter's intake"
walter_visit=$out
mkdir -p "$T/backups"
run "$MI" backup "$T/backups/before-erase.db"
expect_rc 0 "backup before the erasure"

traces=("Maya Ortiz" "maya ortiz" "+49 30 5550142" "maya.ortiz@example.org" "carrying crates at the depot"
	"knotted rhomboids" "fell asleep halfway" "Warm bath tonight")
# grep_files TEXT: prints the files among the database, -wal and -shm that
# hold TEXT.
grep_files() {
	local f
	for f in "$DB" "$DB-wal" "$DB-shm"; do
		[[ -e $f ]] && grep -aqF -- "$1" "$f" && echo "$f"
	done
}
for t in "${traces[@]}"; do
	mi_test_count=$((mi_test_count + 1))
	[[ -n $(grep_files "$t") ]] || fail "before the erasure '$t' is not in the files: the search cannot work"
done

# Confirmation: refused without a terminal, asked on one.
run "$MI" erase "$maya" </dev/null
expect_rc 64 "erase without a terminal and without --yes"
expect_err_has "give --yes" "erase without a terminal"
printf 'no\n' | script -qec "$MI erase $maya" /dev/null >"$T/asked" 2>&1
rc=$? err=$(cat "$T/asked") out=$err
expect_rc 1 "erase answered no"
expect_out_has "Erase client $maya, Maya Ortiz, born 1988-03-14, and their 1 visit for good?" "the question"
expect_out_has "No retention period is set: everything is deleted." "the question says what happens"
expect_out_has "Nothing was erased." "erase answered no"
mi_test_count=$((mi_test_count + 1))
[[ $(sqlite3 "$DB" "SELECT count(*) FROM clients WHERE id = $maya") -eq 1 ]] || fail "answering no erased the client"

# Another program keeps the database open (idle), so the -wal and -shm
# files stay while the files are searched.
hold_open "$DB" "SELECT count(*) FROM clients;"

printf 'yes\n' | script -qec "$MI erase $maya" /dev/null >"$T/asked" 2>&1
rc=$? out=$(cat "$T/asked") err=$out
expect_rc 0 "erase answered yes"
expect_out_has "Client $maya erased: 1 visit deleted, 0 kept" "erase report"
expect_out_has "erase --list-old-backups" "erase points at the backups"
mi_test_count=$((mi_test_count + 1))
[[ -e "$DB-wal" && -e "$DB-shm" ]] || fail "the -wal and -shm files are gone: the search would prove nothing"
for t in "${traces[@]}"; do
	mi_test_count=$((mi_test_count + 1))
	found=$(grep_files "$t")
	[[ -z $found ]] || fail "'$t' is still in $found"
done
mi_test_count=$((mi_test_count + 1))
[[ -n $(grep_files "Walter Brandt") ]] || fail "Walter went too"
release

run "$MI" show "$maya_visit"
expect_rc 67 "Maya's visit is gone"
run "$MI" history "$maya"
expect_rc 67 "Maya is gone"
run "$MI" show "$walter_visit"
expect_rc 0 "Walter's visit stays"
mi_test_count=$((mi_test_count + 1))
[[ $(sqlite3 "$DB" "SELECT who || ' ' || action || ' ' || table_name || ' ' || record_id FROM audit_log
	WHERE action = 'erase'") == "cli erase clients $maya" ]] || fail "the erasure is not in the audit log"
mi_test_count=$((mi_test_count + 1))
! sqlite3 "$DB" "SELECT * FROM audit_log" | grep -qiE "maya|ortiz|depot|rhomboid" || fail "the audit log holds what was erased"
run "$MI" erase "$maya" --yes
expect_rc 67 "erase of a client already erased"
run "$MI" check
expect_rc 0 "the database checks out after the erasure"

# Retention: completed visits inside the period are kept anonymously.
run "$MI" settings retention 7 years
expect_rc 64 "settings retention with two values"
run "$MI" settings retention soon
expect_rc 65 "a retention that is not a period"
expect_err_has "retention must be a number and d, w, m or y" "a retention that is not a period"
run "$MI" settings retention 7y
expect_rc 0 "settings retention 7y"
MASSAGE_INTAKE_TODAY=2015-03-02 run "$MI" intake --answers "$T/maya.json"
old_visit=$out
run "$MI" intake --answers "$T/maya.json"
recent_visit=$out
maya=$(sqlite3 "$DB" "SELECT client_id FROM visits WHERE id = $recent_visit")
run "$MI" erase "$maya" --yes
expect_rc 0 "erase with a retention period"
expect_out_has "1 visit deleted, 1 kept without anything that identifies the client" "erase with retention"
run "$MI" show "$old_visit"
expect_rc 67 "the visit older than the retention period is deleted"
run "$MI" show "$recent_visit"
expect_rc 0 "the recent visit is kept"
expect_out_lacks "Maya" "the kept visit has no name"
expect_out_has "client: none (erased;" "show says the kept visit's client was erased"
expect_out_has "pain intensity: 4" "the kept visit keeps its coded answers"
expect_out_has "age: 38" "the kept visit keeps the age"
for t in "${traces[@]}"; do
	mi_test_count=$((mi_test_count + 1))
	found=$(grep_files "$t")
	[[ -z $found ]] || fail "with retention: '$t' is still in $found"
done
run "$MI" export --fhir "$recent_visit"
expect_rc 0 "export of a kept visit"
mi_test_count=$((mi_test_count + 1))
[[ $(jq '[.entry[].resource.resourceType] | index("Patient")' <<<"$out") == null ]] || fail "a kept visit exported a Patient"

# Backups to remove.
sqlite3 "$T/backups/other-program.db" "CREATE TABLE t (x); INSERT INTO t VALUES (1);"
echo "not a database" >"$T/backups/notes.txt"
run "$MI" backup "$T/backups/old.db"
touch -d 2016-01-01 "$T/backups/old.db"
sleep 1
run "$MI" backup "$T/backups/after-erase.db"
expect_rc 0 "backup after the erasures"
run "$MI" erase --list-old-backups "$T/backups"
expect_rc 0 "erase --list-old-backups"
expect_out_has "$T/backups/before-erase.db	made before client" "a backup from before an erasure is listed"
expect_out_has "$T/backups/old.db	older than the retention period (7 years)" "an old backup is listed"
expect_out_lacks "after-erase.db" "a backup after the erasures is not listed"
expect_out_lacks "other-program.db" "another program's database is not listed"
expect_out_lacks "notes.txt" "a text file is not listed"
mi_test_count=$((mi_test_count + 1))
[[ $(grep -c . <<<"$out") -eq 2 ]] || fail "erase --list-old-backups: expected 2 lines: $out"
run "$MI" erase --list-old-backups "$T/nowhere"
expect_rc 66 "erase --list-old-backups of a missing folder"
run "$MI" erase --compact
expect_rc 0 "erase --compact"

finish
