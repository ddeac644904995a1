#!/usr/bin/env bash
# settings: list, set, read back, unset; bad keys and values refused; the
# value in force is shown, also when a stored value is refused.
source "$(dirname "$0")/../lib/common.sh"

run "$MI" settings clinic_name "Harbour Street Massage"
expect_rc 0 "set clinic name"
run "$MI" settings clinic_name
expect_rc 0 "read clinic name"
expect_out_has "Harbour Street Massage" "clinic name read back"
run "$MI" settings paper letter
expect_rc 0 "set paper"
run "$MI" settings
expect_rc 0 "list settings"
expect_out_has "paper" "list names paper"
expect_out_has "letter" "list shows the paper value"
expect_out_has "idle_timeout_seconds" "list names the kiosk idle time"

run "$MI" settings paper legal
expect_rc 65 "paper outside a4/letter"
expect_err_has "paper must be a4 or letter" "paper refusal names the choices"
run "$MI" settings lock_timeout_seconds soon
expect_rc 65 "seconds not a number"
expect_err_has "lock_timeout_seconds" "seconds refusal names the key"
for bad in 0 5 9 -1 3601 10s " 10"; do
	run "$MI" settings idle_timeout_seconds "$bad"
	expect_rc 65 "idle_timeout_seconds $bad"
	expect_err_has "idle_timeout_seconds must be a whole number of seconds from 10 to 3600" \
		"idle_timeout_seconds $bad: the range is named"
done
run "$MI" settings idle_timeout_seconds
expect_out_has "idle_timeout_seconds   180 (default)" "a refused value changed nothing"
run "$MI" settings idle_timeout_seconds 10
expect_rc 0 "ten seconds is the least"
run "$MI" settings idle_timeout_seconds
expect_out_has "idle_timeout_seconds   10" "the new value in force"
expect_out_lacks "(default)" "a set value is not the default"
run "$MI" settings lock_timeout_seconds 0
expect_rc 65 "the desk cannot be told never to lock"
run "$MI" settings print_timeout_seconds 0
expect_rc 65 "a print timeout of nothing"

# A value written past the checks (by hand) is refused when read: the
# default is in force, and the listing says why.
sqlite3 "$MASSAGE_INTAKE_DB" "INSERT OR REPLACE INTO settings VALUES ('lock_timeout_seconds', '0', 'x')"
run "$MI" settings
expect_rc 0 "list with a refused stored value"
expect_out_has "lock_timeout_seconds   300 (default; the stored value is refused: the lock_timeout_seconds setting must be a whole number of seconds from 10 to 3600, not \"0\".)" \
	"the refused value and the value in force"
run "$MI" settings lock_timeout_seconds --unset
run "$MI" settings kiosk_resume_hours
expect_out_has "kiosk_resume_hours     24 (default)" "the resume hours default"

run "$MI" settings clinic_name $'Evil\e]2;title\a'
expect_rc 65 "control characters in the clinic name"
run "$MI" settings colour blue
expect_rc 64 "unknown setting"
run "$MI" settings kiosk_pin_hash x
expect_rc 64 "the PIN is not a setting"
expect_err_has "set-pin" "points at set-pin"

run "$MI" settings paper --unset
expect_rc 0 "unset paper"
run "$MI" settings paper
expect_out_has "paper                  a4 (default)" "paper back to the locale's (C: A4)"
run "$MI" settings clinic_name
expect_out_has "Harbour Street Massage" "other settings kept"

# The audit log records the key, never the value.
run sqlite3 "$MASSAGE_INTAKE_DB" "SELECT * FROM audit_log"
expect_rc 0 "read the audit log"
expect_out_has "clinic_name" "the audit log names the setting changed"
expect_out_lacks "Harbour Street" "no setting value in the audit log"

finish
