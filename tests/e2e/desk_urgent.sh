#!/usr/bin/env bash
# The front desk end to end: find a stored urgent intake by typing part of
# the name, see why there is no deep tissue today, record the session notes,
# mark it reviewed (an urgent intake waits for review even from the command
# line), quit with the terminal restored; then an urgent answer given in an intake
# started at the desk turns the banner to URGENT.
source "$(dirname "$0")/../lib/common.sh"
source "$(dirname "$0")/../lib/tmux.sh"

run "$MI" </dev/null
expect_rc 64 "the front desk without a terminal"
expect_err_has "needs a terminal" "the front desk without a terminal says why"

run bash -c "echo 2468 | '$MI' set-pin"
expect_rc 0 "set-pin (the desk asks for one first when none is set)"
run "$MI" intake --answers "$MI_FIXTURES/examples/04-urgent-bladder-change.json"
expect_rc 0 "storing the urgent example"
visit=$out

# A stand-in for lp: keeps the PDF it gets on its standard input.
export MI_PRINTED="$T/printed.pdf"
printf '#!/bin/sh\ncat >"$MI_PRINTED"\n' >"$T/lp"
chmod +x "$T/lp"
export MASSAGE_INTAKE_LP="$T/lp"

# (tmux_start with no program arguments would pass an empty one: the global
# --db, stripped before the command is chosen, leaves the front desk.)

# ---- find the client, open the visit, record the session ----
tmux_start desk --db "$MASSAGE_INTAKE_DB"
tmux_sign_in 2468
tmux_expect "front desk: clients" "main screen"
tmux_expect "/ search" "main screen lists its keys"
tmux_type "/"
tmux_type "Beck"
tmux_expect "Search: Beck" "the search box shows what was typed"
tmux_expect "Tom Becker" "the client is listed"
tmux_keys Enter
tmux_expect "Client 1 - Tom Becker" "client page"
tmux_expect "Pain trend" "client page shows the pain trend"
tmux_keys Enter
tmux_expect "Visit $visit - Tom Becker" "visit page"
tmux_expect "[!! URGENT] seek urgent or emergency care now" "urgent banner in words and symbol"
tmux_expect "[!! URGENT] bladder_bowel_change" "the bladder flag"
tmux_expect "Note: Cauda equina syndrome warning sign" "the flag's therapist note"

# The first Tab reaches the first goal; after the 4 goals and the client's
# own words, the sixth the first area worked; 14 Tabs later the response.
for _ in $(seq 6); do tmux_keys Tab; done
tmux_keys Space
tmux_expect "[x] glutes / piriformis" "an area ticked"
for _ in $(seq 14); do tmux_keys Tab; done
tmux_expect "Response:" "the response field"
tmux_keys Enter
tmux_type "relaxed, no pain during work"
tmux_keys Enter
tmux_expect "NOT SAVED YET" "unsaved notes are marked"
tmux_type "s"
tmux_expect "The session notes were saved." "saved notes are confirmed"
tmux_type "p"
tmux_expect "The aftercare summary was sent to the printer." "p prints the summary"
mi_test_count=$((mi_test_count + 1))
[[ $(head -c 5 "$MI_PRINTED" 2>/dev/null) == "%PDF-" ]] || fail "the printer got no PDF"

# An urgent intake waits for review whoever entered it (here intake --answers).
tmux_expect "waiting for review: m marks reviewed" "the urgent command-line intake waits"
tmux_type "m"
tmux_expect "Marked as reviewed." "m marks it reviewed"

tmux_keys Escape
tmux_expect "Client 1 - Tom Becker" "back to the client page"
tmux_keys Escape
tmux_expect "front desk: clients" "back to the main screen"
tmux_type "q"
mi_test_count=$((mi_test_count + 1))
for _ in $(seq 50); do tmux_dead && break; sleep 0.1; done
tmux_dead || fail "q on the main screen did not quit: $(tmux_screen)"
mi_test_count=$((mi_test_count + 1))
tmux_screen | grep -qF "front desk: clients" && fail "the screen was not restored after quitting"

run "$MI" show "$visit"
expect_rc 0 "show the visit"
expect_out_has "relaxed, no pain during work" "show has the response typed at the desk"
expect_out_has "glutes" "show has the area worked"

# ---- an intake at the desk: a yes to the bladder question is urgent ----
tmux_start intake --db "$MASSAGE_INTAKE_DB"
tmux_sign_in 2468
tmux_expect "front desk: clients" "main screen again"
tmux_type "n"
tmux_expect "New client" "new client form"
tmux_type "Nora Quinn"; tmux_keys Enter
tmux_type "1960-01-15"; tmux_keys Enter y
tmux_expect "What is your phone number?" "the intake starts after name and birth date"
tmux_expect "[? NOT FULLY SCREENED]" "therapist banner before the safety questions: not cleared"
mi_test_count=$((mi_test_count + 1))
tmux_screen | grep -qF "deep tissue is fine" && fail "an unscreened intake reads as fine: $(tmux_screen)"
tmux_keys Enter                       # phone: skipped
tmux_expect "e-mail" "e-mail question"
tmux_keys Enter                       # e-mail: skipped
tmux_expect "Where do you feel pain" "body map"
tmux_keys Down Down Down Down Space Enter
tmux_expect "no pain" "pain scale"
tmux_keys 5 Enter
tmux_type "3"; tmux_keys Enter
tmux_expect "How did the pain start?" "onset"
tmux_keys 1 Enter
tmux_keys Enter Enter                 # worse with / better with: skipped
tmux_expect "in your legs" "leg symptoms"
tmux_keys Enter                       # none
tmux_expect "getting worse" "worsening weakness"
tmux_keys n
tmux_expect "urine or stool" "the bladder question"
tmux_expect_gone "[!! URGENT]" "no urgent banner before the answer"
tmux_keys y
tmux_expect "[!! URGENT]" "an urgent answer turns the banner to URGENT"
tmux_expect "numbness between your legs" "the walk-through goes on"

# Leave the walk-through (Esc goes back question by question), then quit.
for _ in $(seq 20); do
	tmux_screen | grep -qF "front desk: clients" && break
	tmux_keys Escape
	sleep 0.2
done
tmux_expect "kept as a draft" "leaving keeps the intake as a draft"
tmux_type "q"
mi_test_count=$((mi_test_count + 1))
for _ in $(seq 50); do tmux_dead && break; sleep 0.1; done
tmux_dead || fail "q did not quit after the intake: $(tmux_screen)"

# The draft waits in the review queue, and resumes with the urgent answer.
tmux_start resume --db "$MASSAGE_INTAKE_DB"
tmux_sign_in 2468
tmux_expect "1 intake waiting for review" "the draft is counted on the main screen"
tmux_type "r"
tmux_expect "Nora Quinn" "the draft is in the review queue"
tmux_keys Enter
tmux_expect "[!! URGENT]" "the resumed intake still has the urgent answer"

finish
