#!/usr/bin/env bash
# set-pin: from standard input, or asked twice without echo on a terminal;
# only a hash is stored; bad PINs are refused.
source "$(dirname "$0")/../lib/common.sh"
source "$(dirname "$0")/../lib/tmux.sh"

run bash -c "echo 12a4 | '$MI' set-pin"
expect_rc 65 "a PIN with a letter"
expect_err_has "4 to 12 digits" "the rule is named"
run bash -c "printf '' | '$MI' set-pin"
expect_rc 65 "no PIN on stdin"
# A NUL byte does not cut the line short: "1234\0junk" is not 1234.
run bash -c "printf '1234\\0junk\\n' | '$MI' set-pin"
expect_rc 65 "a PIN with a NUL byte"
expect_err_has "the PIN holds a NUL byte" "the NUL byte is named"
run bash -c "printf '1234\\0\\n' | '$MI' set-pin"
expect_rc 65 "a PIN ending in a NUL byte"
run bash -c "printf '12 34\\n' | '$MI' set-pin"
expect_rc 65 "a PIN with a space"
expect_err_has "digits only; nothing changed" "the rule is named"
run "$MI" settings
expect_rc 66 "none of the refused PINs made a database"
run "$MI" set-pin extra
expect_rc 64 "an extra argument"
run "$MI" set-pin --help
expect_rc 0 "set-pin --help"
expect_out_has "Argon2id" "the help says how the PIN is kept"

run "$MI" kiosk </dev/null
expect_rc 64 "kiosk without a PIN"
expect_err_has "therapist add NAME" "kiosk names therapist add"
expect_err_has 'set one with "massage-intake set-pin"' "kiosk names set-pin"

run bash -c "echo 9753 | '$MI' set-pin"
expect_rc 0 "set-pin from stdin"
mi_test_count=$((mi_test_count + 1))
grep -a -q 9753 "$MASSAGE_INTAKE_DB"* && fail "the PIN is stored in clear"

run "$MI" kiosk </dev/null
expect_rc 64 "kiosk with a PIN but no terminal"
expect_err_has "needs a terminal" "kiosk names the missing terminal"

# On a terminal: asked twice, without echo (the prompts are on stderr).
mi_tmux_stderr=""
tmux_start twice set-pin
tmux_expect "New PIN (4 to 12 digits):" "first prompt"
tmux_type "1122"; tmux_keys Enter
tmux_expect "The same PIN again:" "second prompt"
mi_test_count=$((mi_test_count + 1))
tmux_screen | grep -q 1122 && fail "the PIN is echoed"
tmux_type "1123"; tmux_keys Enter
tmux_expect "the two PINs differ" "different PINs are refused"
tmux_expect_exit 64 "different PINs"

# The first PIN made the owner account; its PIN changes with --as owner.
tmux_restart --as owner set-pin
tmux_expect "PIN of owner:" "the owner's PIN first"
tmux_type "9753"; tmux_keys Enter
tmux_expect "New PIN (4 to 12 digits):" "first prompt again"
tmux_type "1122"; tmux_keys Enter
tmux_expect "The same PIN again:" "second prompt again"
tmux_type "1122"; tmux_keys Enter
tmux_expect "The PIN of owner is changed." "the PIN is set"

# The new PIN leaves the kiosk; the old one does not.
mi_tmux_stderr="2>>'$T/stderr.log'"
tmux_restart kiosk
tmux_expect "Welcome! Before your massage" "welcome page"
tmux_keys F12
tmux_type "9753"; tmux_keys Enter
tmux_expect "Wrong PIN." "the old PIN no longer works"
tmux_type "1122"; tmux_keys Enter
tmux_expect_exit 0 "the new PIN leaves the kiosk"

finish
