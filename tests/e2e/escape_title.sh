#!/usr/bin/env bash
# escape_title.sh - a client name holding terminal escape sequences (set the
# window title, turn text red) is written straight into the database, past
# input validation. Every command that prints it runs in a real terminal
# (tmux): the pane's title stays what it was and nothing turns red. A raw
# printf of the same bytes, last, shows the check would catch it.
source "$(dirname "$0")/../lib/common.sh"
export TMUX_TMPDIR="$T"
socket="mi-title-$$"
mi_cleanup_hooks+=("tmux -L '$socket' kill-server >/dev/null 2>&1")
EX="$MI_FIXTURES/examples/02-modify-blood-thinner.json"

"$MI" intake --answers "$EX" >/dev/null || fail "intake"
"$MI" note 1 --aftercare "Walk a little every hour." >/dev/null || fail "note"
# OSC 2 (set title) ended by BEL and by ST, SGR red, a C1 CSI, and bidi controls.
sqlite3 "$MASSAGE_INTAKE_DB" "UPDATE clients SET name = 'Eve' || char(27) || ']2;PWNED-BEL' || char(7)
	|| char(27) || ']2;PWNED-ST' || char(27) || '\\' || char(27) || '[31mRED' || char(155) || '2J'
	|| char(8238) || char(8294) || 'Z', birth_date = 'x' || char(27) || ']0;PWNED-BORN' || char(7);
	UPDATE aftercare_notes SET text = 'Rest' || char(27) || ']2;PWNED-NOTE' || char(7);" ||
	fail "writing the hostile name"

tmux -f /dev/null -L "$socket" new-session -d -s t -x 200 -y 150 \
	"env TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 bash --norc --noprofile" || fail "starting tmux"
tmux -L "$socket" select-pane -t t -T "mi-title-check"
title() { tmux -L "$socket" display -p -t t '#{pane_title}'; }
mi_test_count=$((mi_test_count + 1))
[[ $(title) == mi-title-check ]] || fail "could not set the pane title: $(title)"

# run_in_pane CMD: runs CMD in the pane and waits until it has finished.
n=0
run_in_pane() {
	n=$((n + 1))
	tmux -L "$socket" send-keys -t t -l -- "clear; $1; echo DONE-$n"
	tmux -L "$socket" send-keys -t t Enter
	local deadline=$((SECONDS + 20))
	until tmux -L "$socket" capture-pane -p -t t | grep -q "^DONE-$n"; do
		((SECONDS < deadline)) || { fail "'$1' did not finish"; return; }
		sleep 0.1
	done
}

# Each command, then a word its output must show (the hostile text,
# neutralised, where the command prints it).
commands=("clients|PWNED-BEL" "clients --json|PWNED-BEL" "show 1|PWNED-BEL" "show 1 --json|PWNED-BEL"
	"history 1|PWNED-BORN" "history 1 --json|PWNED-BORN" "aftercare 1|PWNED-NOTE" "audit|view"
	"screen \$(printf '/nonexistent/\\033]2;PWNED-ARG\\007.json')|PWNED-ARG"
	"--db \$(printf '/nonexistent/\\033]2;PWNED-PATH\\007') show 1|PWNED-PATH")
for entry in "${commands[@]}"; do
	c=${entry%|*} expected=${entry##*|}
	run_in_pane "\"\$MI\" $c 2>&1"
	screen=$(tmux -L "$socket" capture-pane -p -e -t t)
	mi_test_count=$((mi_test_count + 1))
	[[ $(title) == mi-title-check ]] || fail "massage-intake $c changed the terminal title to '$(title)'"
	mi_test_count=$((mi_test_count + 1))
	! grep -q $'\e\\[31m' <<<"$screen" || fail "massage-intake $c turned text red"
	mi_test_count=$((mi_test_count + 1))
	grep -qF -- "$expected" <<<"$screen" || fail "massage-intake $c: '$expected' is not on the screen"
done
# The name is there, made harmless (U+FFFD in place of each control).
run_in_pane "\"\$MI\" clients"
mi_test_count=$((mi_test_count + 1))
tmux -L "$socket" capture-pane -p -t t | grep -q $'Eve\uFFFD]2;PWNED-BEL' ||
	fail "the neutralised name is not shown: $(tmux -L "$socket" capture-pane -p -t t)"

# Control: the same bytes printed raw do change the title, so the checks
# above would have seen it.
run_in_pane "printf 'raw\\033]2;PWNED-RAW\\007\\n'"
mi_test_count=$((mi_test_count + 1))
[[ $(title) == PWNED-RAW ]] || fail "control: a raw OSC 2 did not change the title ($(title)): the check proves nothing"

finish
