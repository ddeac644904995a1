#!/usr/bin/env bash
# settings: list, set, read back, unset; bad keys and values refused.
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
expect_out_has "(default)" "paper back to default"
run "$MI" settings clinic_name
expect_out_has "Harbour Street Massage" "other settings kept"

# The audit log records the key, never the value.
run sqlite3 "$MASSAGE_INTAKE_DB" "SELECT * FROM audit_log"
expect_rc 0 "read the audit log"
expect_out_has "clinic_name" "the audit log names the setting changed"
expect_out_lacks "Harbour Street" "no setting value in the audit log"

finish
