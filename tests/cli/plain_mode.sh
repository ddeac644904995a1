#!/usr/bin/env bash
# The plain line mode (--plain, MASSAGE_INTAKE_PLAIN=1) driven through a
# pipe with TERM=dumb: the kiosk and the desk's intake ask the intake.conf
# questions as lines and store what the answers say; bad answers get a
# message and the question again, nothing lost; a left intake resumes with
# its code; an urgent answer is told at once and ends on the urgent words;
# only the staff key and a PIN leave the kiosk.
source "$(dirname "$0")/../lib/common.sh"
export TERM=dumb
answers=$MI_FIXTURES/plain/maya-kiosk.txt

run bash -c "echo 2468 | '$MI' set-pin"
expect_rc 0 "set-pin"
owner=$("$MI" therapist list | awk '{ print $1; exit }')

run "$MI" --help
expect_out_has "--plain" "--help names --plain"
expect_out_has "MASSAGE_INTAKE_PLAIN=1" "and the environment variable"
run "$MI" kiosk --help
expect_out_has "With --plain (or MASSAGE_INTAKE_PLAIN=1)" "kiosk --help says how the plain kiosk works"
run "$MI" intake --help
expect_out_has "massage-intake --plain intake" "intake --help has the plain form"

# ---- a whole intake at the kiosk ----
run bash -c "'$MI' --plain kiosk <'$answers'"
expect_rc 0 "the plain kiosk ends with its input"
expect_out_has "Question 1 of 36, About you: What is your phone number?" "numbered questions"
expect_out_has "  6. hips and glutes" "the body map is a numbered list of the intake file's regions"
expect_out_has "About 78 weeks: is that right?" "the duration is read back in weeks"
expect_out_has "  3. Where it hurts: low back, hips and glutes" "the review lists every answer"
expect_out_has "Thank you! Your answers are saved." "the thank-you"
expect_out_has "The input ended: the kiosk stops." "the end of input ends it"
mi_test_count=$((mi_test_count + 1))
grep -q $'\e' <<<"$out" && fail "the plain mode printed an escape sequence"
run "$MI" show 1 --json
expect_rc 0 "the visit is stored"
kiosk_answers=$(jq -c '.answers | del(.client, .consent)' <<<"$out")
mi_test_count=$((mi_test_count + 1))
[[ $(jq -c '[.source, .state, .outcome, .answers.pain_locations, .answers.pain_duration_weeks,
	.answers.medications, .answers.consent.name, .answers.client.birth_date]' <<<"$out") == \
	'["kiosk","complete","proceed",["low_back","hips_glutes"],78,["ibuprofen as needed"],"Maya Ortiz","1988-03-14"]' ]] ||
	fail "the stored visit is not what the lines said: $(jq -c . <<<"$out")"

# The environment variable asks for it too.
run bash -c "MASSAGE_INTAKE_PLAIN=1 '$MI' kiosk </dev/null"
expect_rc 0 "MASSAGE_INTAKE_PLAIN=1 kiosk without a terminal"
expect_out_has "Welcome! Before your massage" "the plain welcome"

# ---- bad answers: a message, the question again, nothing lost ----
# A date of birth it cannot read, then a code too short: each asked again.
printf '%s\n' "Val Idate" "sometime" 12 "1990-05-05" y "" "" "" "" 9 2 11 3 soon "10 days" y "?" 3 \
	>"$T/bad.txt"
run bash -c "'$MI' --plain kiosk <'$T/bad.txt'"
expect_rc 0 "the kiosk with bad answers"
expect_out_has "Please type the date like this" "a date of birth it cannot read"
expect_out_has "A code is 6 digits" "a short code is refused"
expect_out_has "Please type numbers from 1 to 7, separated by commas" "a region that is not there"
expect_out_has "Please type a number from 0 to 10." "a pain of 11"
expect_out_has "Help: Pick the one that fits best." "? prints the help"
mi_test_count=$((mi_test_count + 1))
[[ $(grep -c "How strong is your pain right now?" <<<"$out") -eq 2 ]] ||
	fail "the pain question is not asked again after 11: $out"
mi_test_count=$((mi_test_count + 1))
[[ $(grep -c "How long have you had this pain?" <<<"$out") -eq 2 ]] ||
	fail "the duration is not asked again after \"soon\": $out"
run "$MI" drafts
expect_out_has "Val Idate" "the unfinished intake is a draft"
draft=$(grep "Val Idate" <<<"$out" | grep -oE '^ *[0-9]+' | tr -d ' ')
run "$MI" show "$draft" --json
mi_test_count=$((mi_test_count + 1))
[[ $(jq -c '[.answers.client.birth_date, .answers.pain_locations, .answers.pain_intensity, .answers.onset,
	(.answers.pain_duration_weeks > 0)]' <<<"$out") == '["1990-05-05",["shoulders"],3,"injury",true]' ]] ||
	fail "the answers given after the refusals are not saved: $(jq -c .answers <<<"$out")"

# ---- "<" back, then left on the first question: saved, code shown; resumed ----
printf '%s\n' "Ann Lee" "1970-01-02" "" y "" 555-0100 "<" "<" "<" "" >"$T/leave.txt"
run bash -c "'$MI' --plain kiosk <'$T/leave.txt'"
expect_rc 0 "leaving an intake"
expect_out_has "Your answer now: 555-0100. Press Enter to keep it." "< goes back to the answered phone"
expect_out_has "Your answers are saved. To continue later" "left: saved"
code=$(grep -oE 'Your code: [0-9]{3} [0-9]{3}' <<<"$out" | tail -1 | grep -oE '[0-9]{3} [0-9]{3}')
mi_test_count=$((mi_test_count + 1))
[[ -n $code ]] || fail "no resume code shown: $out"
printf '%s\n' "Ann Lee" "1970-01-02" "$code" y >"$T/resume.txt"
run bash -c "'$MI' --plain kiosk <'$T/resume.txt'"
expect_out_has "Welcome back: your answers so far are kept." "resumed with the code"
expect_out_has "Question 2 of 36, About you: What is your e-mail address?" "resumed at the first unanswered"
printf '%s\n' "Ann Lee" "1970-01-02" "000000" y >"$T/wrong.txt"
run bash -c "'$MI' --plain kiosk <'$T/wrong.txt'"
expect_out_has "That code does not open an intake here." "a wrong code, in the kiosk's words"
expect_out_lacks "Welcome back" "a wrong code resumes nothing"

# ---- urgent: told right after the answer, the end is the urgent page ----
printf '%s\n' "Lee Park" "1955-06-07" "" y "" "" "" "" 5 2 2 "" "" "" n y \
	n n n n n n n 1 n n n n "" n 1 1 "" "" >"$T/urgent.txt"
run bash -c "'$MI' --plain kiosk <'$T/urgent.txt'"
expect_rc 0 "an urgent intake"
mi_test_count=$((mi_test_count + 1))
after=$(awk '/^Question.*trouble passing or holding urine/ { found = 1; next }
	found && NF && !/^Type / && !/^> *$/ { print; exit }' <<<"$out")
[[ $after == *"emergency department"* ]] ||
	fail "the urgent message does not follow the answer that triggers it: '$after' in $(grep -A4 "trouble passing" <<<"$out")"
expect_out_has "Please get care now." "the urgent end"
expect_out_lacks "Thank you!" "never the ordinary thank-you after an urgent intake"
expect_out_lacks "Please check your answers" "no review on the urgent path"

# ---- nobody answers: warned, then put away, the welcome again ----
run "$MI" settings idle_timeout_seconds 10
expect_rc 0 "a 10 s idle timeout"
mkfifo "$T/fifo"
{ printf '%s\n' "Ida Le" "1999-09-09" "" y "" 555-0199; sleep 12; } >"$T/fifo" &
run bash -c "'$MI' --plain kiosk <'$T/fifo'"
wait
expect_out_has "Are you still there?" "a silence is warned about"
expect_out_has "the answers are saved and the kiosk starts afresh" "then the intake is put away"
mi_test_count=$((mi_test_count + 1))
[[ $(grep -c "^Welcome! Before your massage" <<<"$out") -eq 2 ]] ||
	fail "after the silence the kiosk is not back on its welcome: $out"
run "$MI" drafts
expect_out_has "Ida Le" "the answers given stay as a draft"
run "$MI" settings idle_timeout_seconds 180
expect_rc 0 "the idle timeout back"

# ---- leaving the kiosk: the staff key, then the PIN ----
printf '\x14\n1111\nRae Day\n' >"$T/staff.txt"
printf '\x14\n2468\n' >>"$T/staff.txt"
run bash -c "'$MI' --plain kiosk <'$T/staff.txt'"
expect_rc 0 "the right PIN leaves"
expect_out_has "Wrong PIN." "a wrong PIN does not"
expect_out_lacks "The input ended" "it was the PIN that left"
mi_test_count=$((mi_test_count + 1))
[[ $(grep -c "^Welcome! Before your massage" <<<"$out") -eq 2 ]] ||
	fail "after a wrong PIN the kiosk is not back on its welcome: $out"

# ---- the desk's intake: intake --plain, and the desk signed in ----
sed -e 3d -e 5d -e '$d' "$answers" >"$T/desk.txt"
run bash -c "MASSAGE_INTAKE_PLAIN=1 '$MI' intake <'$T/desk.txt'"
expect_rc 0 "intake in plain mode"
expect_out_has "Screening now: [ok PROCEED]" "the therapist sees the screening"
expect_out_has "The intake was saved as visit" "the visit is stored"
visit=$(grep -oE 'saved as visit [0-9]+' <<<"$out" | grep -oE '[0-9]+$')
run "$MI" show "$visit" --json
mi_test_count=$((mi_test_count + 1))
[[ $(jq -c '.answers | del(.client, .consent)' <<<"$out") == "$kiosk_answers" && $(jq -r .source <<<"$out") == cli ]] ||
	fail "the same lines store other answers than at the kiosk: $(jq -c .answers <<<"$out")"
head -5 "$T/desk.txt" >"$T/short.txt"
run bash -c "'$MI' intake --plain <'$T/short.txt'"
expect_rc 65 "an intake left unfinished"
expect_err_has "kept as a draft" "says the answers are kept"

run bash -c "'$MI' --plain </dev/null"
expect_rc 64 "the plain desk needs an account"
expect_err_has "--as NAME" "and says how to sign in"
{ echo 2468; sed -e 's/^Maya Ortiz$/Mia Ortiz/' "$T/desk.txt"; echo n; } >"$T/desk-as.txt"
run bash -c "'$MI' --plain --as '$owner' <'$T/desk-as.txt'"
expect_rc 0 "the plain desk signed in"
expect_out_has "Another intake?" "one client after another"
visit=$(grep -oE 'saved as visit [0-9]+' <<<"$out" | grep -oE '[0-9]+$')
run "$MI" show "$visit" --json
mi_test_count=$((mi_test_count + 1))
[[ $(jq -r '.source + " " + .answers.client.name' <<<"$out") == "desk Mia Ortiz" ]] ||
	fail "the desk's intake is not stored as the desk's: $(jq -c '{source, client}' <<<"$out")"

finish
