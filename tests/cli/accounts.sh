#!/usr/bin/env bash
# therapist add|list|disable: the first account is the owner, only the
# owner adds and disables accounts afterwards; --as NAME with the PIN as
# the first line of standard input names the person in the audit log;
# once there are accounts, session notes need a therapist signed in.
source "$(dirname "$0")/../lib/common.sh"

who_of() {
	sqlite3 "$MASSAGE_INTAKE_DB" \
		"SELECT who FROM audit_log WHERE action = '$1' ORDER BY id DESC LIMIT 1"
}

run "$MI" intake --answers "$MI_FIXTURES/examples/01-proceed-chronic-tightness.json"
expect_rc 0 "an intake before any account"
visit=$out
# Before any account, notes are written as ever (by "cli").
run "$MI" note "$visit" --pressure medium
expect_rc 0 "notes without accounts"
mi_test_count=$((mi_test_count + 1))
[[ $(who_of notes) == cli ]] || fail "notes without accounts are by cli"

run bash -c "echo 2468 | '$MI' therapist add Anna --role front-desk"
expect_rc 65 "the first account must be a therapist"
run bash -c "echo 24a8 | '$MI' therapist add Anna"
expect_rc 65 "a PIN with a letter"
run bash -c "echo 2468 | '$MI' therapist add Anna"
expect_rc 0 "the first account"
expect_out_has "the clinic's owner" "the first account is the owner"
mi_test_count=$((mi_test_count + 1))
grep -a -q 2468 "$MASSAGE_INTAKE_DB"* && fail "the PIN is stored in clear"

# Afterwards only the owner adds accounts.
run bash -c "echo 1357 | '$MI' therapist add Bruno"
expect_rc 77 "adding without --as"
expect_err_has "only the clinic's owner" "the owner is named as the one who may"
run bash -c "printf '9999\n1357\n' | '$MI' --as Anna therapist add Bruno"
expect_rc 77 "a wrong owner PIN"
expect_err_has "wrong name or PIN" "the sentence"
run bash -c "printf '2468\n1357\n' | '$MI' --as Anna therapist add Bruno"
expect_rc 0 "the owner adds a therapist"
run bash -c "printf '2468\n1122\n' | '$MI' --as Anna therapist add Carla --role front-desk"
expect_rc 0 "the owner adds a front-desk person"
run bash -c "printf '2468\n1122\n' | '$MI' --as Anna therapist add Carla"
expect_rc 65 "a name taken"
# Names are one whatever their case or accents; the list keeps them as typed.
run bash -c "printf '2468\n1122\n' | '$MI' --as anna therapist add 'CARLA'"
expect_rc 65 "Carla again in capitals"
expect_err_has 'already an account called "Carla"' "the one taken is named as typed"
run bash -c "printf '2468\n1122\n' | '$MI' --as ANNA therapist add 'Cárla'"
expect_rc 65 "Carla again with an accent"
run bash -c "printf '2468\n1122\n' | '$MI' --as Anna therapist add Kiosk"
expect_rc 65 "a program's name in the audit log"
mi_test_count=$((mi_test_count + 1))
[[ $(who_of unlock) == Anna ]] || fail "--as ANNA signs in as Anna, named as typed"
run bash -c "printf '1357\n3344\n' | '$MI' --as Bruno therapist add Dora"
expect_rc 77 "a therapist who is not the owner cannot add"
mi_test_count=$((mi_test_count + 1))
[[ $(who_of "account add") == Anna ]] || fail "the audit names the owner who added"
run "$MI" therapist add Dora --role boss
expect_rc 64 "an unknown role"
run "$MI" therapist
expect_rc 64 "no action"

run "$MI" therapist list
expect_rc 0 "list"
expect_out_has "Anna                     therapist  owner  active" "Anna is the owner"
expect_out_has "Carla                    front-desk        active" "Carla is front desk"

# Session notes need a therapist signed in now.
run "$MI" note "$visit" --pressure firm
expect_rc 77 "notes without --as"
expect_err_has "--as NAME" "the sentence says how"
run bash -c "echo 1122 | '$MI' --as Carla note $visit --pressure firm"
expect_rc 77 "front desk cannot write session notes"
expect_err_has "written by a therapist" "the role is named"
run bash -c "printf '1357\n[response]\nRelaxed.\n' | '$MI' --as Bruno note $visit --from-file -"
expect_rc 0 "a therapist writes notes, the document after the PIN line"
mi_test_count=$((mi_test_count + 1))
[[ $(who_of notes) == Bruno ]] || fail "the audit names Bruno for the notes"
run bash -c "echo 1357 | '$MI' --as Bruno show $visit"
expect_out_has "Relaxed." "the notes after the PIN line were read"
# Read-only commands stay open; with --as they name the person.
run bash -c "echo 1122 | '$MI' --as Carla show $visit"
expect_rc 0 "front desk views a visit"
mi_test_count=$((mi_test_count + 1))
[[ $(who_of view) == Carla ]] || fail "the audit names Carla for the view"

# Disabling: the owner only, never the owner.
run bash -c "echo 1357 | '$MI' --as Bruno therapist disable Carla"
expect_rc 77 "a therapist cannot disable"
run bash -c "echo 2468 | '$MI' --as Anna therapist disable Anna"
expect_rc 65 "the owner cannot be disabled"
run bash -c "echo 2468 | '$MI' --as Anna therapist disable Nobody"
expect_rc 67 "no such account"
run bash -c "echo 2468 | '$MI' --as Anna therapist disable CARLA"
expect_rc 0 "the owner disables Carla, named in capitals"
run bash -c "echo 1122 | '$MI' --as Carla show $visit"
expect_rc 77 "a disabled account cannot sign in"
run "$MI" therapist list
expect_out_has "Carla                    front-desk        disabled" "Carla shows as disabled"

# set-pin: a PIN belongs to one person now.
run bash -c "echo 4455 | '$MI' set-pin"
expect_rc 64 "set-pin without --as once there are accounts"
run bash -c "printf '1357\n4455\n' | '$MI' --as Bruno set-pin"
expect_rc 0 "Bruno changes his PIN"
run bash -c "printf '1357\n' | '$MI' --as Bruno show $visit"
expect_rc 77 "the old PIN no longer works"
run bash -c "printf '4455\n' | '$MI' --as Bruno show $visit"
expect_rc 0 "the new one does"

# Wrong PINs are throttled as at the screens.
for _ in 1 2 3 4 5; do
	run bash -c "echo 0000 | '$MI' --as Bruno show $visit"
done
run bash -c "echo 4455 | '$MI' --as Bruno show $visit"
expect_rc 75 "after five wrong PINs even the right one waits"
expect_err_has "try again in" "the wait is said"
finish
