#!/usr/bin/env bash
# `massage-intake aftercare --print` against a stub lp that records its
# arguments: the job title and the file name never hold the client's name,
# the file is private while printing and gone afterwards, and a failing
# print command is reported in one sentence.
source "$(dirname "$0")/../lib/common.sh"

run "$MI" intake --answers "$MI_FIXTURES/examples/02-modify-blood-thinner.json"
expect_rc 0 "intake"
visit=$out

# The stub: records each argument on a line, the file's mode, and a copy.
cat >"$T/lp" <<EOF
#!/usr/bin/env bash
printf '%s\n' "\$@" >"$T/lp-args"
for last; do :; done
stat -c %a "\$last" >"$T/lp-mode"
stat -c %a "\$(dirname "\$last")" >"$T/lp-dir-mode"
cp "\$last" "$T/printed.pdf"
echo "request id is stub-1 (1 file(s))"
exit \${STUB_LP_STATUS:-0}
EOF
chmod +x "$T/lp"
export MASSAGE_INTAKE_LP="$T/lp"

run "$MI" aftercare "$visit" --print
expect_rc 0 "print"
expect_out_has "request id is stub-1" "lp's own answer passed through"
mi_test_count=$((mi_test_count + 1))
mapfile -t args <"$T/lp-args"
[[ ${#args[@]} -eq 4 && ${args[0]} == -t && ${args[1]} == "massage-intake aftercare" &&
	${args[2]} == -- ]] || fail "lp arguments: ${args[*]}"
file=${args[3]}
mi_test_count=$((mi_test_count + 1))
grep -qiE 'walter|brandt' <<<"${args[*]}" && fail "the client's name reached lp: ${args[*]}"
mi_test_count=$((mi_test_count + 1))
[[ $(basename "$file") == aftercare.pdf ]] || fail "file name $file"
mi_test_count=$((mi_test_count + 1))
[[ $(cat "$T/lp-mode") == 600 && $(cat "$T/lp-dir-mode") == 700 ]] ||
	fail "print file mode $(cat "$T/lp-mode"), folder $(cat "$T/lp-dir-mode")"
mi_test_count=$((mi_test_count + 1))
[[ ! -e $file && ! -e $(dirname "$file") ]] || fail "the print file was left behind: $file"
mi_test_count=$((mi_test_count + 1))
pdfinfo "$T/printed.pdf" | grep -q '^Pages: *1$' || fail "the printed PDF is not one page"
mi_test_count=$((mi_test_count + 1))
pdftotext "$T/printed.pdf" - | grep -q "Walter Brandt" || fail "the printed PDF lacks the name"

# TMPDIR is honoured for the private folder.
mkdir -p "$T/tmp"
TMPDIR="$T/tmp" run "$MI" aftercare "$visit" --print --paper letter
expect_rc 0 "print with TMPDIR"
mi_test_count=$((mi_test_count + 1))
[[ $(sed -n 4p "$T/lp-args") == "$T/tmp/massage-intake-"*/aftercare.pdf ]] ||
	fail "TMPDIR not used: $(sed -n 4p "$T/lp-args")"
mi_test_count=$((mi_test_count + 1))
[[ -z $(ls -A "$T/tmp") ]] || fail "files left in TMPDIR: $(ls -A "$T/tmp")"

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
