#!/usr/bin/env bash
# note_private.sh - session notes without putting them on a command line
# (where ps shows them to every user): `note VISIT --from-file FILE|-` and
# `note VISIT --edit`, which runs $VISUAL/$EDITOR on a 0600 file in a
# private 0700 folder that is gone afterwards, whatever happens; and the
# program never leaves a core dump and cannot be read with ptrace.
source "$(dirname "$0")/../lib/common.sh"
"$MI" intake --answers "$MI_FIXTURES/examples/01-proceed-chronic-tightness.json" >/dev/null || fail "setup intake"
notes() { "$MI" show 1 --json | jq -r ".session_notes.response, .session_notes.therapist_notes, .aftercare_notes"; }
audit_notes() { sqlite3 "$MASSAGE_INTAKE_DB" "SELECT count(*) FROM audit_log WHERE action = 'notes'"; }

# --from-file FILE and --from-file - (standard input).
cat >"$T/notes.txt" <<'EOF'
Anything before the first heading is ignored.
[response]
eased after twenty minutes
[therapist-notes]
L5 tender on the left

watch the hip
EOF
run "$MI" note 1 --from-file "$T/notes.txt" --pressure medium
expect_rc 0 "note --from-file"
mi_test_count=$((mi_test_count + 1))
[[ $(notes) == $'eased after twenty minutes\nL5 tender on the left\n\nwatch the hip\nnull' ]] || fail "--from-file stored: $(notes)"
printf '[aftercare]\nDrink water.\n' | "$MI" note 1 --from-file - >/dev/null
mi_test_count=$((mi_test_count + 1))
[[ $(notes) == $'eased after twenty minutes\nL5 tender on the left\n\nwatch the hip\nDrink water.' ]] ||
	fail "--from-file - stored: $(notes)"
run "$MI" note 1 --from-file "$T/none.txt"
expect_rc 66 "--from-file with a missing file"
printf '[response]\nok\n[respnse]\nSECRETWORD\n' >"$T/typo.txt"
run "$MI" note 1 --from-file "$T/typo.txt"
expect_rc 65 "--from-file with an unknown heading"
expect_err_has "line 3 looks like a heading" "the line is named"
mi_test_count=$((mi_test_count + 1))
[[ $err != *SECRETWORD* && $(notes) == *"eased after twenty minutes"* ]] || fail "a refused file changed the notes or was quoted: $err"
run "$MI" note 1 --from-file "$T/notes.txt" --response x
expect_rc 64 "--from-file with a text option"
run "$MI" note 1 --from-file "$T/notes.txt" --edit
expect_rc 64 "--from-file with --edit"

# --edit: the editor sees the current notes in a private file; what it
# saves is stored; nothing of the text is on any command line meanwhile.
cat >"$T/editor" <<'EOF'
#!/usr/bin/env bash
# A stand-in editor: records what it sees, then writes new notes.
f=$1
# The program: the nearest parent called massage-intake (sh may have
# replaced itself with this script).
mi=$PPID
while [[ $mi -gt 1 && $(cat "/proc/$mi/comm") != massage-intake ]]; do
	mi=$(awk '/^PPid:/ {print $2}' "/proc/$mi/status")
done
{
	echo "file-mode $(stat -c %a "$f")"
	echo "folder-mode $(stat -c %a "$(dirname "$f")")"
	echo "folder $(dirname "$f")"
	echo "core $(awk '/^Max core file size/ {print $5, $6}' "/proc/$mi/limits")"
	echo "owner-mi $(stat -c %u "/proc/$mi/status")"
	echo "owner-self $(stat -c %u "/proc/$$/status")"
	grep -c "eased after twenty minutes" "$f" | sed 's/^/shown /'
	grep -l "TOP[S]ECRET" /proc/[0-9]*/cmdline 2>/dev/null | sed 's/^/on-command-line /'
} >>"$EDITOR_LOG"
case ${EDITOR_MODE:-write} in
write) printf 'intro\n[response]\nTOPSECRET response\n[therapist-notes]\nTOPSECRET notes\n[aftercare]\nTOPSECRET aftercare\n' >"$f" ;;
swap) printf '[response]\nswapped\n' >"$f"; echo "TOPSECRET" >"$(dirname "$f")/.notes.txt.swp" ;;
control) printf '[response]\nTOPSECRET\a bell\n' >"$f" ;;
same) ;;
fail) exit 3 ;;
term) kill -TERM "$mi"; sleep 0.3; printf '[response]\nafter a kill\n' >"$f" ;;
esac
EOF
chmod +x "$T/editor"
export EDITOR_LOG="$T/editor.log"
mkdir -m 0700 "$T/run"
export XDG_RUNTIME_DIR="$T/run"
before=$(audit_notes)
EDITOR="$T/editor" run "$MI" note 1 --edit
expect_rc 0 "note --edit"
expect_out_has "notes saved for visit 1" "note --edit saves"
mi_test_count=$((mi_test_count + 1))
[[ $(notes) == $'TOPSECRET response\nTOPSECRET notes\nTOPSECRET aftercare' ]] || fail "--edit stored: $(notes)"
log=$(cat "$EDITOR_LOG")
for want in "file-mode 600" "folder-mode 700" "folder $T/run/massage-intake-edit." "shown 1" "core 0 0"; do
	mi_test_count=$((mi_test_count + 1))
	grep -qF "$want" <<<"$log" || fail "the editor did not see '$want': $log"
done
mi_test_count=$((mi_test_count + 1))
! grep -q "on-command-line" <<<"$log" || fail "the notes were on a command line: $log"
mi_test_count=$((mi_test_count + 1))
[[ -z $(ls -A "$T/run") ]] || fail "the private folder was left: $(ls -laR "$T/run")"
mi_test_count=$((mi_test_count + 1))
[[ $(audit_notes) -eq $((before + 1)) ]] || fail "the saved notes were not logged once"

# VISUAL wins over EDITOR; a swap file the editor leaves goes too.
: >"$EDITOR_LOG"
VISUAL="$T/editor" EDITOR=false EDITOR_MODE=swap run "$MI" note 1 --edit
expect_rc 0 "VISUAL over EDITOR"
mi_test_count=$((mi_test_count + 1))
[[ $(notes) == $'swapped\nTOPSECRET notes\nTOPSECRET aftercare' && -z $(ls -A "$T/run") ]] ||
	fail "swap: $(notes); left: $(ls -laR "$T/run")"

# Nothing changed: nothing saved, nothing logged as notes.
before=$(audit_notes)
EDITOR="$T/editor" EDITOR_MODE=same run "$MI" note 1 --edit
expect_rc 0 "an unchanged edit"
expect_out_has "nothing changed" "an unchanged edit says so"
mi_test_count=$((mi_test_count + 1))
[[ $(audit_notes) -eq $before ]] || fail "an unchanged edit was logged as notes"

# The editor fails, the text is refused, the program is killed: nothing is
# saved and nothing is left behind; the refusal does not quote the text.
EDITOR="$T/editor" EDITOR_MODE=fail run "$MI" note 1 --edit
expect_rc 74 "a failing editor"
expect_err_has "failed (exit status 3); nothing was saved" "a failing editor is named"
EDITOR="$T/nowhere/editor" run "$MI" note 1 --edit
expect_rc 74 "a missing editor"
expect_err_has "set VISUAL or EDITOR" "a missing editor says what to do"
EDITOR="$T/editor" EDITOR_MODE=control run "$MI" note 1 --edit </dev/null
expect_rc 65 "an edit with a control character"
mi_test_count=$((mi_test_count + 1))
[[ $err != *TOPSECRET* ]] || fail "the refusal quotes the notes: $err"
EDITOR="$T/editor" EDITOR_MODE=term run "$MI" note 1 --edit
mi_test_count=$((mi_test_count + 1))
[[ $rc -eq 143 ]] || fail "killed with SIGTERM during the edit: exit $rc, expected 143"
mi_test_count=$((mi_test_count + 1))
[[ $(notes) == $'swapped\nTOPSECRET notes\nTOPSECRET aftercare' && -z $(ls -A "$T/run") ]] ||
	fail "after a failed edit: $(notes); left: $(ls -laR "$T/run")"

# Not dumpable: the /proc files of a process that is not are owned by root whoever
# runs it. Seen as nobody (the editor itself is the control: an ordinary
# process of nobody's).
if [[ $(id -u) -eq 0 ]] && command -v setpriv >/dev/null && id nobody >/dev/null 2>&1; then
	nb="$T/nb"
	mkdir -m 0755 "$nb"
	chown nobody "$nb" "$T/editor"
	chmod 0755 "$T"
	as_nobody() { setpriv --reuid=nobody --regid=nogroup --clear-groups --inh-caps=-all "$@"; }
	as_nobody env HOME="$nb" XDG_RUNTIME_DIR="$nb" "$MI" --db "$nb/i.db" intake \
		--answers "$MI_FIXTURES/examples/01-proceed-chronic-tightness.json" >/dev/null
	as_nobody env HOME="$nb" XDG_RUNTIME_DIR="$nb" EDITOR="$T/editor" EDITOR_LOG="$nb/log" \
		"$MI" --db "$nb/i.db" note 1 --edit >/dev/null 2>&1
	uid=$(id -u nobody)
	mi_test_count=$((mi_test_count + 1))
	grep -qx "owner-self $uid" "$nb/log" && grep -qx "owner-mi 0" "$nb/log" ||
		fail "the program is dumpable: $(cat "$nb/log")"
	chmod 0700 "$T"
else
	echo "skipped: the dumpable check needs root to run as nobody"
fi

finish
