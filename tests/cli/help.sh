#!/usr/bin/env bash
# --help, --version, COMMAND --help for every command, and the man page
# describing every command.
source "$(dirname "$0")/../lib/common.sh"

run "$MI" --version
expect_rc 0 "--version"
expect_out_has "massage-intake " "--version names the program"
run "$MI" --help
expect_rc 0 "--help"
expect_out_has "Usage: massage-intake" "--help has a usage line"

commands=$(awk '/^Commands:/ {on = 1; next} on && /^  [a-z]/ {print $1} on && /^$/ {exit}' <<<"$out")
[[ -n $commands ]] || fail "--help lists no commands"
man="$MI_SOURCE_DIR/man/massage-intake.1"
for c in $commands; do
	run "$MI" "$c" --help
	expect_rc 0 "$c --help"
	expect_out_has "Usage: massage-intake $c" "$c --help has its usage line"
	mi_test_count=$((mi_test_count + 1))
	grep -qE "^\.B massage-intake $c( |$)" "$man" || fail "the man page has no synopsis for $c"
	mi_test_count=$((mi_test_count + 1))
	grep -q "^\.B $c\$" "$man" || fail "the man page does not describe $c"
done

# An option's value is never read as --help or as a global option, even
# when it looks like one; -h on its own still asks for help.
"$MI" intake --answers "$MI_FIXTURES/examples/01-proceed-chronic-tightness.json" >/dev/null || fail "setup intake"
note_field() { "$MI" show 1 --json | jq -r ".session_notes.$1"; }
run "$MI" note 1 --response -h
expect_rc 0 "note --response -h"
expect_out_has "notes saved" "note --response -h saves"
expect_out_lacks "Usage:" "note --response -h prints no help"
mi_test_count=$((mi_test_count + 1))
[[ $(note_field response) == "-h" ]] || fail "note --response -h stored $(note_field response)"
run "$MI" note 1 --therapist-notes --help
expect_rc 0 "note --therapist-notes --help"
mi_test_count=$((mi_test_count + 1))
[[ $(note_field therapist_notes) == "--help" ]] || fail "note --therapist-notes --help stored $(note_field therapist_notes)"
run "$MI" note 1 --resp -h
expect_rc 0 "note --resp (abbreviated) -h"
expect_out_lacks "Usage:" "note --resp -h prints no help"
run "$MI" note 1 --response --db
expect_rc 0 "note --response --db"
mi_test_count=$((mi_test_count + 1))
[[ $(note_field response) == "--db" ]] || fail "note --response --db stored $(note_field response)"
run "$MI" note 1 --response --rules
expect_rc 0 "note --response --rules"
mi_test_count=$((mi_test_count + 1))
[[ $(note_field response) == "--rules" ]] || fail "note --response --rules stored $(note_field response)"
run "$MI" clients --search --db
expect_rc 0 "clients --search --db"
expect_out_lacks "Maya Ortiz" "clients --search --db searches for \"--db\""
run "$MI" clients --search -h
expect_rc 0 "clients --search -h"
expect_out_lacks "Usage:" "clients --search -h prints no help"
run "$MI" note 1 --response fine -h
expect_rc 0 "note ... -h"
expect_out_has "Usage: massage-intake note" "-h on its own asks for help"
run "$MI" show 1 --db "$T/other.db"
expect_rc 66 "a global option after the command is still global"
run "$MI" note 1 --response
expect_rc 64 "an option missing its value"

# note --help lists the ids of the intake questions in use: the shipped
# ones, and a clinic's own technique from its intake.conf.
run "$MI" note --help
expect_rc 0 "note --help"
expect_out_has "  --area        glutes_piriformis, hips_hip_flexors," "note --help lists the shipped areas"
expect_out_has "  --pressure    light, medium, firm" "note --help lists the shipped pressures"
expect_out_has "  --goal        loosen_low_back_hips," "note --help lists the shipped goals"
mkdir -p "$T/clinic"
cp "$(dirname "$MI")/../share/massage-intake/intake.conf" "$T/clinic/intake.conf"
printf '\n[session_technique cupping]\nlabel = cupping\n' >>"$T/clinic/intake.conf"
run "$MI" --data "$T/clinic" note --help
expect_rc 0 "note --help with a clinic's intake.conf"
expect_out_has "stretching_movement, cupping" "note --help lists the clinic's own technique"

run "$MI" frobnicate
expect_rc 64 "unknown command"
expect_err_has "massage-intake: unknown command \"frobnicate\"" "unknown command named"
run "$MI" --db
expect_rc 64 "--db without a value"
# A hostile command name is not echoed raw to the terminal.
run "$MI" $'x\e]2;owned\a'
expect_rc 64 "hostile command name"
mi_test_count=$((mi_test_count + 1))
[[ $err != *$'\e'* ]] || fail "an escape character reached stderr"

finish
