#!/usr/bin/env bash
# Closing a visit signs its session notes by the therapist acting; a later
# change is an amendment that keeps the text before it and who changed it,
# shown by show (text and --json).
source "$(dirname "$0")/../lib/common.sh"

run "$MI" intake --answers "$MI_FIXTURES/examples/01-proceed-chronic-tightness.json"
visit=$out
run bash -c "echo 2468 | '$MI' therapist add Anna"
expect_rc 0 "Anna"
run bash -c "printf '2468\n1357\n' | '$MI' --as Anna therapist add Bruno"
expect_rc 0 "Bruno"

run bash -c "printf '2468\n[response]\nRelaxed after.\n' | '$MI' --as Anna note $visit --from-file -"
expect_rc 0 "Anna writes the notes"
run "$MI" show "$visit"
expect_out_has "notes: not signed yet" "not signed before the visit is closed"
run bash -c "echo 2468 | '$MI' --as Anna note $visit --close"
expect_rc 0 "Anna closes the visit"
expect_out_has "signed by Anna" "the signer is named"
run bash -c "echo 2468 | '$MI' --as Anna note $visit --close"
expect_rc 65 "a visit is closed once"
run "$MI" show "$visit"
expect_out_has "notes signed by Anna at 20" "show names the signer and the time"
expect_out_lacks "amended by" "no amendment yet"

# Bruno changes the response: an amendment keeps the earlier text.
run bash -c "printf '1357\n[response]\nSore the next day.\n' | '$MI' --as Bruno note $visit --from-file -"
expect_rc 0 "Bruno amends the notes"
run "$MI" show "$visit"
expect_out_has "response: Sore the next day." "the notes show the new text"
expect_out_has "amended by Bruno at 20" "the amendment names Bruno"
expect_out_has "before: Relaxed after." "the earlier text is kept"
expect_out_has "after: Sore the next day." "and the new one"
run "$MI" show "$visit" --json
expect_rc 0 "show --json"
mi_test_count=$((mi_test_count + 1))
jq -e '.signed_notes.by == "Anna" and (.signed_notes.amendments | length) == 1
	and .signed_notes.amendments[0].by == "Bruno"
	and .signed_notes.amendments[0].field == "response"
	and .signed_notes.amendments[0].before == "Relaxed after."
	and .signed_notes.amendments[0].after == "Sore the next day."' <<<"$out" >/dev/null ||
	fail "show --json has the signature and the amendment: $out"
# Saving the same text again is no amendment.
run bash -c "printf '1357\n' | '$MI' --as Bruno note $visit --response 'Sore the next day.'"
expect_rc 0 "the same text again"
run "$MI" show "$visit" --json
mi_test_count=$((mi_test_count + 1))
jq -e '(.signed_notes.amendments | length) == 1' <<<"$out" >/dev/null || fail "no amendment for no change"
run "$MI" audit
expect_out_has "sign" "closing is audited"
finish
