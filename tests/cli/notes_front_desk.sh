#!/usr/bin/env bash
# The front desk does not read therapists' notes: acting --as a front-desk
# account, show, show --json and history keep the response, the therapist's
# notes, the amendments and each flag's note and source back, and the
# exports that carry them are refused (exit 77, audited); the client, the
# outcome, the flags' levels and messages, printing the aftercare and the
# review queue stay open. A command without --as reads as the front desk
# once the clinic has a front-desk account, and everything before.
source "$(dirname "$0")/../lib/common.sh"

run "$MI" intake --answers "$MI_FIXTURES/examples/02-modify-blood-thinner.json"
visit=$out
note_doc='[response]
Calmer after.
[therapist-notes]
Bruises easily on the left calf.'

# Before any account: a command without --as reads everything, as ever.
run bash -c "printf '%s\n' '$note_doc' | '$MI' note $visit --from-file -"
expect_rc 0 "notes before any account"
run "$MI" show "$visit"
expect_out_has "therapist notes: Bruises easily" "without accounts show has the notes"
expect_out_has "source: AMTA" "and the flag's source"
run "$MI" export --fhir "$visit"
expect_rc 0 "without accounts export works as ever"

run bash -c "echo 2468 | '$MI' therapist add Anna"
# A clinic of therapists only: the shell is the owner's, and reads it all.
run "$MI" show "$visit"
expect_out_has "therapist notes: Bruises easily" "without a front-desk account show has the notes"
run bash -c "printf '2468\n1122\n' | '$MI' --as Anna therapist add Carla --role front-desk"
expect_rc 0 "Carla, front desk"
run bash -c "echo 2468 | '$MI' --as Anna note $visit --close"
expect_rc 0 "Anna closes the visit"
run bash -c "printf '2468\n[response]\nSore the next day.\n' | '$MI' --as Anna note $visit --from-file -"
expect_rc 0 "Anna amends the notes"

as_carla() { run bash -c "echo 1122 | '$MI' --as Carla $*"; }
as_anna() { run bash -c "echo 2468 | '$MI' --as Anna $*"; }

as_carla show "$visit"
expect_rc 0 "front desk sees the visit"
expect_out_has "client 1: Walter Brandt" "the client"
expect_out_has "outcome: modify" "the screening outcome"
expect_out_has "modify anticoagulant" "the flag and its level"
expect_out_has "message: " "the flag's message for the client"
expect_out_lacks "Bruises easily" "no therapist notes"
expect_out_lacks "Sore the next day" "no response"
expect_out_lacks "Calmer after" "no earlier text of an amendment"
expect_out_lacks "amended by" "no amendment"
expect_out_lacks "source: AMTA" "no flag source"
expect_out_lacks "note: Anticoagulant" "no flag note"
expect_out_has "not shown: session notes are read by therapists only; Carla is front desk." \
	"the page says why"

as_carla show "$visit" --json
expect_rc 0 "front desk show --json"
mi_test_count=$((mi_test_count + 1))
jq -e '.session_notes.response == null and .session_notes.therapist_notes == null
	and .signed_notes == null and .flags[0].note == null and .flags[0].source == null
	and .flags[0].level == "modify" and (.flags[0].message | length) > 0
	and (.notes_withheld | test("Carla is front desk"))' <<<"$out" >/dev/null ||
	fail "show --json keeps the notes back: $out"
mi_test_count=$((mi_test_count + 1))
grep -q "Bruises\|Calmer\|Sore the next\|AMTA" <<<"$out" && fail "a note leaks into --json"

as_carla history 1
expect_rc 0 "front desk reads the history"
expect_out_has "modify" "the outcome in the history"

as_carla export --fhir "$visit"
expect_rc 77 "front desk cannot export the clinical record"
expect_err_has "massage-intake: session notes are read by therapists only; Carla is front desk." \
	"the refusal says why"
mi_test_count=$((mi_test_count + 1))
[[ -z $out ]] || fail "nothing is written on a refusal"
as_carla export --all --jsonl
expect_rc 77 "nor every visit"
as_carla export --client 1 --format json
expect_rc 77 "front desk cannot make the client's copy, which holds the notes"
as_carla aftercare "$visit"
expect_rc 0 "front desk prints the aftercare sheet"
as_carla review
expect_rc 0 "front desk works the review queue"

mi_test_count=$((mi_test_count + 1))
[[ $(sqlite3 "$MASSAGE_INTAKE_DB" "SELECT count(*) FROM audit_log
	WHERE who = 'Carla' AND action = 'notes refused'") -ge 4 ]] ||
	fail "each refusal is audited under Carla"

# A therapist reads it all.
as_anna show "$visit"
expect_out_has "therapist notes: Bruises easily" "Anna reads the notes"
expect_out_has "amended by Anna" "and the amendments"
expect_out_has "source: AMTA" "and the flag's source"
as_anna export --fhir "$visit"
expect_rc 0 "Anna exports"

# Without --as, once there is a front-desk account: as the front desk.
run "$MI" show "$visit"
expect_rc 0 "show without --as"
expect_out_lacks "Bruises easily" "no notes without --as"
expect_out_has "give --as NAME" "the page says how to read them"
run "$MI" export --fhir "$visit"
expect_rc 77 "no export of the notes without --as"
expect_err_has "give --as NAME" "the refusal says how"
mi_test_count=$((mi_test_count + 1))
[[ $(sqlite3 "$MASSAGE_INTAKE_DB" "SELECT count(*) FROM audit_log
	WHERE who = 'cli' AND action = 'notes refused'") -ge 2 ]] ||
	fail "refusals without --as are audited as cli"
finish
