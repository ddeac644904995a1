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
