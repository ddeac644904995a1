#!/usr/bin/env bash
# A visit stored with safety questions unanswered is "not fully screened" on
# the client list and the visit page, never "deep tissue is fine"; a at the
# visit page asks just those questions with the intake's own pages, and the
# visit shows its new outcome at once, stored and logged with who did it.
source "$(dirname "$0")/../lib/common.sh"
source "$(dirname "$0")/../lib/tmux.sh"

run bash -c "echo 2468 | '$MI' set-pin"
expect_rc 0 "set-pin"
run "$MI" intake --answers "$MI_FIXTURES/examples/05-incomplete-safety-questions.json"
expect_rc 0 "storing an intake with safety questions unanswered"
visit=$out

tmux_start desk --db "$MASSAGE_INTAKE_DB"
tmux_sign_in 2468
tmux_expect "Lena Fischer" "the client is listed"
mi_test_count=$((mi_test_count + 1))
tmux_screen | grep "Lena Fischer" | grep -qF "[? NOT FULLY SCREENED]" ||
	fail "the client list does not say the last visit is not fully screened: $(tmux_screen)"
tmux_keys Enter
tmux_expect "Client 1 - Lena Fischer" "client page"
tmux_keys Enter
tmux_expect "[? NOT FULLY SCREENED]" "the visit page says it is not fully screened"
tmux_expect "a: ask the missing safety questions" "the visit page offers to ask them"

tmux_type "a"
tmux_expect "Missing safety questions" "the safety questions' page"
# The birth date first (the age the rules read), typed as people write it.
tmux_expect "date of birth" "the birth date is asked for the age"
tmux_type "14/03/1988"
tmux_keys Enter
tmux_expect "is that right?" "the birth date is read back in words"
tmux_keys y
tmux_expect "urine or stool" "the bladder question"
for question in "numbness between your legs" "fever" "lost weight" "had cancer" "pain at night"; do
	tmux_keys n
	tmux_expect "$question" "only the missing safety questions are asked: $question"
done
tmux_keys n
tmux_expect "Visit $visit - Lena Fischer" "back on the visit page"
tmux_expect "[ok PROCEED] deep tissue is fine" "the new outcome shows at once"
tmux_expect "every safety question is answered" "the status says the visit was screened again"
mi_test_count=$((mi_test_count + 1))
tmux_screen | grep -qF "NOT FULLY SCREENED" && fail "still not fully screened: $(tmux_screen)"
tmux_keys Escape Escape
tmux_expect "front desk: clients" "back on the client list"
mi_test_count=$((mi_test_count + 1))
tmux_screen | grep "Lena Fischer" | grep -qF "[ok PROCEED]" ||
	fail "the client list does not follow the new outcome: $(tmux_screen)"
tmux_type "q"
tmux_expect_exit 0 "the desk quits"

run "$MI" show "$visit"
expect_rc 0 "show the visit"
expect_out_has "outcome: proceed" "the outcome is stored"
expect_out_has "fever: no" "the answer given at the desk is stored"
expect_out_has "client birth date: 1988-03-14" "the birth date given at the desk is stored"
run "$MI" audit
expect_rc 0 "the audit log"
mi_test_count=$((mi_test_count + 1))
grep -E "owner +rescreen +visits +$visit\$" <<<"$out" >/dev/null ||
	fail "the audit log does not name who screened the visit again: $out"
finish
