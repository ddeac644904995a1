#!/usr/bin/env bash
# due: reassess 48-72 hours after a session, the next session of a series,
# maintenance; from the plan a therapist sets (note VISIT --plan); --ics
# writes an RFC 5545 calendar with the name and reason only.
source "$(dirname "$0")/../lib/common.sh"

intake_on() { # DATE EXAMPLE: stores the example as a visit on DATE, prints its id
	MASSAGE_INTAKE_TODAY=$1 "$MI" intake --answers "$MI_FIXTURES/examples/$2"
}
maya1=$(intake_on 2026-03-02 01-proceed-chronic-tightness.json)
tom=$(intake_on 2026-03-09 04-urgent-bladder-change.json)
walter=$(intake_on 2026-02-01 02-modify-blood-thinner.json)

run "$MI" note "$maya1" --plan series:3
expect_rc 64 "a series needs sessions and days"
expect_err_has "series:SESSIONS:DAYS" "the forms are named"
run "$MI" note "$maya1" --plan series:3:14
expect_rc 0 "Maya: a series of 3, every 14 days"
run "$MI" note "$tom" --plan reassess
expect_rc 0 "Tom: reassess"
run "$MI" note "$walter" --plan maintenance_6_weeks
expect_rc 0 "a plan the clinic offers, by its id (intake.conf)"
run "$MI" show "$walter" --json
mi_test_count=$((mi_test_count + 1))
jq -e '.plan == "maintenance:42"' <<<"$out" >/dev/null || fail "the offered plan is kept as its plan"
run "$MI" note "$walter" --plan fortnightly
expect_rc 64 "a plan the clinic does not offer"
expect_err_has "series_3_weekly" "the offered ids are named"
run "$MI" note "$walter" --plan maintenance:28
expect_rc 0 "Walter: maintenance every 28 days"
run "$MI" show "$maya1"
expect_out_has "follow-up plan: series:3:14" "show prints the plan"
run "$MI" show "$maya1" --json
mi_test_count=$((mi_test_count + 1))
jq -e '.plan == "series:3:14"' <<<"$out" >/dev/null || fail "show --json has the plan"

# 2026-03-10: Walter overdue since 03-01, Tom to call 03-11/12, Maya's
# second session 03-16 (within 7 days).
export MASSAGE_INTAKE_TODAY=2026-03-10
run "$MI" due
expect_rc 0 "due"
mi_test_count=$((mi_test_count + 1))
[[ $(grep -c . <<<"$out") -eq 3 ]] || fail "three are due: $out"
expect_out_has "2026-03-01  Walter" "Walter first, by date"
expect_out_has "maintenance session (visit $walter, plan maintenance_4_weeks)  OVERDUE" \
	"Walter is overdue, his plan named by the id the clinic offers it under"
expect_out_has "2026-03-11  Tom" "Tom from 48 hours after"
expect_out_has "reassess (48-72 h after the session)" "the reason"
expect_out_has "2026-03-16  Maya" "Maya's next session"
expect_out_has "session 2 of 3 of a series" "which session"
run "$MI" due --days 3
expect_out_lacks "Maya" "Maya is beyond three days"
run "$MI" due --json
mi_test_count=$((mi_test_count + 1))
jq -e 'length == 3 and .[1].reason == "reassess (48-72 h after the session)"
	and .[1].due == "2026-03-11" and .[1].until == "2026-03-12" and .[1].overdue == false
	and .[0].overdue == true and .[0].plan == "maintenance_4_weeks"
	and .[1].plan == "reassess" and .[2].plan == "series:3:14"' <<<"$out" >/dev/null ||
	fail "due --json: $out"

# Tom came back on 03-11: no reassessment any more. Maya's second session
# on 03-16 moves her to session 3 on 03-30; after the third, nothing.
intake_on 2026-03-11 04-urgent-bladder-change.json >/dev/null
intake_on 2026-03-16 01-proceed-chronic-tightness.json >/dev/null
export MASSAGE_INTAKE_TODAY=2026-03-25
run "$MI" due
expect_out_lacks "Tom" "a visit after the session ends the reassessment"
expect_out_has "2026-03-30  Maya" "the third session 14 days after the second"
expect_out_has "session 3 of 3 of a series" "the third of three"
intake_on 2026-03-30 01-proceed-chronic-tightness.json >/dev/null
export MASSAGE_INTAKE_TODAY=2026-04-20
run "$MI" due --days 60
expect_out_lacks "Maya" "the series is complete"
expect_out_has "Walter" "Walter's maintenance stays"
# --plan none clears a plan.
run "$MI" note "$walter" --plan none
expect_rc 0 "clearing a plan"
run "$MI" due --days 60
expect_out_lacks "Walter" "no plan, nothing due"

# The calendar file, from a database of its own: Maya's series, Tom's
# reassessment.
export MASSAGE_INTAKE_DB="$T/ics.db" MASSAGE_INTAKE_TODAY=2026-03-10
maya1=$(intake_on 2026-03-02 01-proceed-chronic-tightness.json)
tom=$(intake_on 2026-03-09 04-urgent-bladder-change.json)
run "$MI" note "$maya1" --plan series:3:14
run "$MI" note "$tom" --plan reassess
run "$MI" due --days 30 --ics "$T/due.ics"
expect_rc 0 "due --ics"
ics="$T/due.ics"
mi_test_count=$((mi_test_count + 1))
[[ $(stat -c %a "$ics") == 600 ]] || fail "the calendar file is 0600"
mi_test_count=$((mi_test_count + 1))
[[ $(grep -c $'\r$' "$ics") -eq $(wc -l <"$ics") ]] || fail "every line ends in CRLF"
mi_test_count=$((mi_test_count + 1))
[[ $(head -1 "$ics") == $'BEGIN:VCALENDAR\r' && $(tail -1 "$ics") == $'END:VCALENDAR\r' ]] ||
	fail "BEGIN:VCALENDAR first, END:VCALENDAR last"
mi_test_count=$((mi_test_count + 1))
grep -q $'^VERSION:2.0\r$' "$ics" && grep -q '^PRODID:' "$ics" || fail "VERSION and PRODID"
events=$(grep -c $'^BEGIN:VEVENT\r$' "$ics")
mi_test_count=$((mi_test_count + 1))
[[ $events -eq 2 && $(grep -c $'^END:VEVENT\r$' "$ics") -eq 2 ]] || fail "two events: $events"
for key in 'UID:' 'DTSTAMP:' 'DTSTART;VALUE=DATE:' 'DTEND;VALUE=DATE:' 'SUMMARY:'; do
	mi_test_count=$((mi_test_count + 1))
	[[ $(grep -c "^$key" "$ics") -eq 2 ]] || fail "each event has $key"
done
mi_test_count=$((mi_test_count + 1))
[[ $(grep -c '^UID:' "$ics") -eq $(grep '^UID:' "$ics" | sort -u | wc -l) ]] || fail "UIDs are unique"
mi_test_count=$((mi_test_count + 1))
grep -q $'^DTSTART;VALUE=DATE:20260311\r$' "$ics" && grep -q $'^DTEND;VALUE=DATE:20260313\r$' "$ics" ||
	fail "Tom's reassessment spans 11 and 12 March (DTEND exclusive)"
mi_test_count=$((mi_test_count + 1))
grep -q '^SUMMARY:Tom Becker: reassess (48-72 h after the session)' "$ics" || fail "name and reason"
mi_test_count=$((mi_test_count + 1))
awk '{ if (length($0) > 76) exit 1 }' "$ics" || fail "no line longer than 75 octets"
mi_test_count=$((mi_test_count + 1))
grep -qiE 'warfarin|eliquis|1970|1988|bladder|[0-9]{3}-[0-9]{4}|DESCRIPTION|LOCATION' "$ics" &&
	fail "the calendar holds more than the name and the reason"
run "$MI" due --days 999
expect_rc 64 "--days out of range"
finish
