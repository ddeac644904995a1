#!/usr/bin/env bash
# store_commands.sh - intake, clients, show, history, note, backup and check
# on the shipped examples, a returning client, and hostile-but-valid text.
source "$(dirname "$0")/../lib/common.sh"
EX="$MI_FIXTURES/examples"

# --help for every command, and bad usage.
for cmd in intake clients show history note backup check; do
	run "$MI" "$cmd" --help
	expect_rc 0 "$cmd --help"
	expect_out_has "Usage: massage-intake $cmd" "$cmd --help"
done
run "$MI" intake
expect_rc 64 "intake without --answers"
expect_err_has "massage-intake: intake needs --answers FILE" "intake without --answers"
run "$MI" show abc
expect_rc 64 "show with a bad id"
run "$MI" history
expect_rc 64 "history without an id"
run "$MI" clients --bogus
expect_rc 64 "clients with an unknown option"
run "$MI" note 1
expect_rc 64 "note with nothing to record"
run "$MI" check extra
expect_rc 64 "check with an argument"

# Nothing stored yet.
run "$MI" clients
expect_rc 0 "clients before any database"
expect_out_has "no clients yet" "clients before any database"
run "$MI" show 1
expect_rc 66 "show before any database"

# The five examples.
declare -A visit
for f in "$EX"/*.json; do
	name=$(basename "$f" .json)
	run "$MI" intake --answers "$f"
	expect_rc 0 "intake $name"
	[[ $out =~ ^[0-9]+$ ]] || fail "intake $name printed '$out', expected a visit id"
	visit[$name]=$out
done
run "$MI" clients
expect_rc 0 "clients"
for who in "Maya Ortiz" "Walter Brandt" "Priya Nair" "Tom Becker" "Lena Fischer"; do
	expect_out_has "$who" "clients lists $who"
done
[[ $(grep -c . <<<"$out") -eq 6 ]] || fail "clients: expected a header and 5 lines, got: $out"
run "$MI" clients --search "  bRANdt"
expect_out_has "Walter Brandt" "clients --search ignores case and spacing"
expect_out_lacks "Maya" "clients --search filters"
run "$MI" clients --search nobody
expect_out_has "no client matches" "clients --search without a match"
run "$MI" clients --json
expect_rc 0 "clients --json"
expect_out_has '"name":"Maya Ortiz"' "clients --json"

v=${visit[02-modify-blood-thinner]}
run "$MI" show "$v"
expect_rc 0 "show the blood-thinner visit"
expect_out_has "outcome: modify [~ MODIFY] go ahead but adapt" "show outcome, with the desk's mark and words"
expect_out_has "modify anticoagulant" "show flag"
expect_out_has "note: " "show flag note from the rules"
expect_out_has "source: " "show flag source from the rules"
expect_out_has "medications: Xarelto 20mg once a day, atorvastatin" "show answers"
expect_out_has "goals: more mobility in the upper back and shoulders" "show goals"
run "$MI" show "$v" --json
expect_rc 0 "show --json"
expect_out_has '"outcome":"modify"' "show --json outcome"
expect_out_has '"rule":"anticoagulant"' "show --json flags"
for name in 03-refer-radicular-weakness 04-urgent-bladder-change 05-incomplete-safety-questions \
	01-proceed-chronic-tightness; do
	run "$MI" show "${visit[$name]}"
	expect_rc 0 "show $name"
done
# No flag with safety questions unanswered is not "fine", as at the desk.
run "$MI" show "${visit[05-incomplete-safety-questions]}"
expect_out_has "outcome: proceed [? NOT FULLY SCREENED] deep tissue not cleared: ask the missing safety questions" \
	"show does not call an incompletely screened intake fine"
run "$MI" show "${visit[01-proceed-chronic-tightness]}"
expect_out_has "outcome: proceed [ok PROCEED] deep tissue is fine" "show a cleared intake"
run "$MI" show 999
expect_rc 67 "show a missing visit"
expect_err_has "there is no visit 999" "show a missing visit"

# A returning client, written differently, lands on the same client.
client=$("$MI" intake --answers "$EX/02-modify-blood-thinner.json" --json | sed 's/.*"client":\([0-9]*\).*/\1/')
sed -e 's/"Walter Brandt",/"  walter   BRANDT ",/' -e 's/"pain_intensity": 4/"pain_intensity": 2/' \
	-e 's/"atorvastatin"/"Eliquis 5 mg"/' -e 's/"leg_symptoms": \[\]/"leg_symptoms": ["pain_below_knee"]/' \
	"$EX/02-modify-blood-thinner.json" >"$T/again.json"
MASSAGE_INTAKE_TODAY=2026-12-01 run "$MI" intake --answers "$T/again.json" --json
expect_rc 0 "second visit"
expect_out_has "\"client\":$client," "second visit lands on the same client"
again=$(sed 's/.*"visit":\([0-9]*\).*/\1/' <<<"$out")
run "$MI" show "$again"
expect_out_has "client $client: Walter Brandt" "second visit shows the stored name"
expect_out_has "changes since visit" "show what changed"
expect_out_has "medication started: Eliquis 5 mg" "show a new medication"
expect_out_has "medication stopped: atorvastatin" "show a stopped medication"
expect_out_has "new flag: nerve_root_signs" "show a new flag"
expect_out_has "pain: 4 -> 2 (better)" "show the pain change"
expect_out_has "new leg symptom: pain below knee" "show a new leg symptom"
run "$MI" history "$client"
expect_rc 0 "history"
expect_out_has "pain trend: 4 -> 4 -> 2" "history pain trend"
expect_out_has "better by 2" "history change"
run "$MI" history "$client" --json
expect_out_has '"pain":2' "history --json"
run "$MI" history 999
expect_rc 67 "history of a missing client"

# Notes from the command line.
run "$MI" note "$again" --goal reduce_spasm --area glutes_piriformis --area mid_back \
	--technique friction --pressure medium --response 'relaxed, "tender" at L5' \
	--therapist-notes $'guarded left side\nrecheck next time' --aftercare 'Drink water; walk.'
expect_rc 0 "note"
run "$MI" show "$again"
expect_out_has "goals: reduce muscle spasm" "note goals"
expect_out_has "areas worked: glutes / piriformis, mid-back" "note areas"
expect_out_has "techniques: friction" "note techniques"
expect_out_has "pressure used: medium" "note pressure"
expect_out_has 'response: relaxed, "tender" at L5' "note response"
expect_out_has "recheck next time" "note therapist notes"
expect_out_has "aftercare notes: Drink water; walk." "note aftercare"
run "$MI" note "$again" --response ''
expect_rc 0 "note clearing one text"
run "$MI" show "$again"
expect_out_has "response: -" "note cleared the response"
expect_out_has "pressure used: medium" "note kept the rest"
run "$MI" note "$again" --area elbow
expect_rc 64 "note with an unknown area"
expect_err_has "glutes_piriformis" "note lists the known areas"
run "$MI" note "$again" --pressure hard
expect_rc 64 "note with a bad pressure"
run "$MI" note 999 --pressure light
expect_rc 67 "note on a missing visit"

# Hostile but valid text round-trips unchanged.
i=0
for name in "Seán O'Brien \\\"Bob\\\"" "'); DROP TABLE clients; --" "Ελένη Παπαδοπούλου" \
	"فاطمة الزهراء" "王小明"; do
	i=$((i + 1))
	printf '{"client": {"name": "%s", "birth_date": "1980-01-0%d"}, "worse_with": "%s"}\n' \
		"$name" "$i" "$name" >"$T/hostile$i.json"
	run "$MI" intake --answers "$T/hostile$i.json"
	expect_rc 0 "intake of a hostile name $i"
	hv=$out
	plain=${name//\\\"/\"}
	run "$MI" show "$hv"
	expect_out_has "client name: $plain" "show round-trips hostile name $i"
	expect_out_has "worse with: $plain" "show round-trips hostile text $i"
	run "$MI" clients --json
	expect_out_has "$(printf '%s' "$plain" | sed 's/"/\\"/g')" "clients --json round-trips hostile name $i"
done
run "$MI" clients --search "Παπα"
expect_out_has "Ελένη Παπαδοπούλου" "search a Greek name"
run "$MI" clients
expect_out_has "'); DROP TABLE clients; --" "the clients table survived"

# Files are private: database, its folder, -wal/-shm, backups.
db="$T/private/intake.db"
run "$MI" --db "$db" intake --answers "$EX/01-proceed-chronic-tightness.json"
expect_rc 0 "intake into a new folder"
mi_test_count=$((mi_test_count + 1))
[[ $(stat -c %a "$T/private") == 700 ]] || fail "database folder mode $(stat -c %a "$T/private"), expected 700"
mi_test_count=$((mi_test_count + 1))
[[ $(stat -c %a "$db") == 600 ]] || fail "database mode $(stat -c %a "$db"), expected 600"
# Hold the database open to see its -wal and -shm files.
hold_open "$db" "BEGIN; SELECT count(*) FROM clients;"
for side in wal shm; do
	mi_test_count=$((mi_test_count + 1))
	if [[ -e "$db-$side" ]]; then
		[[ $(stat -c %a "$db-$side") == 600 ]] || fail "-$side mode $(stat -c %a "$db-$side"), expected 600"
	else
		fail "no -$side file beside an open database"
	fi
done
release "COMMIT;"
run "$MI" --db "$db" backup "$T/backup.db"
expect_rc 0 "backup"
mi_test_count=$((mi_test_count + 1))
[[ $(stat -c %a "$T/backup.db") == 600 ]] || fail "backup mode $(stat -c %a "$T/backup.db"), expected 600"
run "$MI" --db "$T/backup.db" clients
expect_out_has "Maya Ortiz" "the backup holds the data"
run "$MI" --db "$db" backup "$T/no/such/folder/b.db"
expect_rc 73 "backup into a missing folder"
run "$MI" check
expect_rc 0 "check"
expect_out_has "integrity: ok" "check integrity"
expect_out_has "foreign keys: ok" "check foreign keys"

finish
