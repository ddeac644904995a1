#!/usr/bin/env bash
# `massage-intake aftercare --print` against a stub lp that records its
# arguments and what it reads: the job title never holds the client's name,
# the PDF goes through lp's standard input so no copy of it is ever left in
# $TMPDIR (not even when the program is killed while printing), the print
# is in the audit log before lp runs and is not done when it cannot be
# recorded, a hanging lp is stopped after print_timeout_seconds, and a
# failing print command is reported in one sentence.
source "$(dirname "$0")/../lib/common.sh"

run "$MI" intake --answers "$MI_FIXTURES/examples/02-modify-blood-thinner.json"
expect_rc 0 "intake"
visit=$out

# The stub: records each argument on a line and copies what it reads.
cat >"$T/lp" <<EOF
#!/usr/bin/env bash
printf '%s\n' "\$@" >"$T/lp-args"
cat >"$T/printed.pdf"
echo "request id is stub-1 (1 file(s))"
if [[ -n \${STUB_LP_HANG:-} ]]; then sleep 600 & echo \$! >"$T/lp-child"; wait; fi
exit \${STUB_LP_STATUS:-0}
EOF
chmod +x "$T/lp"
export MASSAGE_INTAKE_LP="$T/lp"
mkdir -p "$T/tmp"
export TMPDIR="$T/tmp"

run "$MI" aftercare "$visit" --print
expect_rc 0 "print"
expect_out_has "request id is stub-1" "lp's own answer passed through"
mi_test_count=$((mi_test_count + 1))
mapfile -t args <"$T/lp-args"
[[ ${#args[@]} -eq 2 && ${args[0]} == -t && ${args[1]} == "massage-intake aftercare" ]] ||
	fail "lp arguments: ${args[*]}"
mi_test_count=$((mi_test_count + 1))
grep -qiE 'walter|brandt' <<<"${args[*]}" && fail "the client's name reached lp: ${args[*]}"
mi_test_count=$((mi_test_count + 1))
pdfinfo "$T/printed.pdf" | grep -q '^Pages: *1$' || fail "the printed PDF is not one page"
mi_test_count=$((mi_test_count + 1))
pdftotext "$T/printed.pdf" - | grep -q "Walter Brandt" || fail "the printed PDF lacks the name"
mi_test_count=$((mi_test_count + 1))
[[ -z $(ls -A "$T/tmp") ]] || fail "files left in TMPDIR: $(ls -A "$T/tmp")"
run "$MI" audit --json
expect_out_has "\"action\":\"print\",\"table\":\"visits\",\"record_id\":$visit" "the print is audited"

# Killed while lp runs: nothing about the client is left behind.
rm -f "$T/lp-child"
STUB_LP_HANG=1 "$MI" aftercare "$visit" --print >/dev/null 2>&1 &
pid=$!
for _ in $(seq 100); do [[ -s $T/lp-child ]] && break; sleep 0.05; done
kill -TERM "$pid"
wait "$pid" 2>/dev/null
kill "$(cat "$T/lp-child")" 2>/dev/null
mi_test_count=$((mi_test_count + 1))
[[ -z $(ls -A "$T/tmp") ]] || fail "a killed print left files in TMPDIR: $(ls -A "$T/tmp")"

# A print command that hangs is stopped after print_timeout_seconds.
run "$MI" settings print_timeout_seconds 1
expect_rc 0 "a one-second print timeout"
rm -f "$T/lp-child"
STUB_LP_HANG=1 run "$MI" aftercare "$visit" --print
expect_rc 74 "hanging lp"
expect_err_has "the printer did not answer within 1 s (the print command $T/lp was stopped); the summary was not printed." \
	"the hang is reported"
child=$(cat "$T/lp-child" 2>/dev/null)
for _ in $(seq 50); do kill -0 "$child" 2>/dev/null || break; sleep 0.05; done
mi_test_count=$((mi_test_count + 1))
[[ -n $child ]] && kill -0 "$child" 2>/dev/null && fail "the hanging print command's child still runs"
run "$MI" audit --json --limit 2
expect_out_has "\"action\":\"print failed\"" "the failed print follows the print in the log"
run "$MI" settings print_timeout_seconds --unset

# The audit log first: a print that cannot be recorded is not done.
rm -f "$T/lp-args"
hold_open "$MASSAGE_INTAKE_DB" ".timeout 100
BEGIN IMMEDIATE;
INSERT INTO settings (key, value, updated) VALUES ('held', 'x', 'x');"
run "$MI" aftercare "$visit" --print
expect_rc 75 "print while the database is held"
expect_err_has "audit log cannot record" "the refusal names the audit log"
mi_test_count=$((mi_test_count + 1))
[[ -e $T/lp-args ]] && fail "lp ran although the print was not recorded"
release "COMMIT;"

# A failing print command: one sentence, exit 74.
STUB_LP_STATUS=3 run "$MI" aftercare "$visit" --print
expect_rc 74 "failing lp"
expect_err_has "massage-intake: the print command $T/lp failed (exit status 3)" "failure reported"
mi_test_count=$((mi_test_count + 1))
[[ $(printf '%s\n' "$err" | wc -l) -eq 1 ]] || fail "more than one line of error ($err)"

MASSAGE_INTAKE_LP="$T/no-such-lp" run "$MI" aftercare "$visit" --print
expect_rc 74 "missing print command"
expect_err_has "cannot start the print command $T/no-such-lp" "missing command named"

finish
