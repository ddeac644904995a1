#!/usr/bin/env bash
# names_invisible.sh - ten intakes for "Maya Ortiz" that differ only by an
# invisible character used to make ten clients that all look alike; now
# every hidden character is refused (exit 65, the field named, nothing
# stored), and names typed with a decomposed accent or a no-break space are
# stored normalised and found as the same client.
source "$(dirname "$0")/../lib/common.sh"
EX="$MI_FIXTURES/examples/01-proceed-chronic-tightness.json"

# with_name NAME_JSON FILE: the example intake with client.name replaced
# (NAME_JSON as written in JSON, \u escapes and all).
example=$(cat "$EX")
with_name() {
	printf '%s\n' "${example/\"Maya Ortiz\", \"birth_date\"/$1, \"birth_date\"}" >"$2"
}

run "$MI" intake --answers "$EX"
expect_rc 0 "the plain name"
for hidden in '\u200b' '\u200c' '\u200d' '\u200e' '\u200f' '\u061c' '\ufeff' '\u00ad' '\u2060' \
	'\udb40\udc41' '\u2028' '\u2029' '\u202e' '\u2066' '\u3164' '\ufe0f'; do
	with_name "\"Maya$hidden Ortiz\"" "$T/a.json"
	run "$MI" intake --answers "$T/a.json"
	expect_rc 65 "a name with $hidden"
	expect_err_has '"client.name" contains' "a name with $hidden: the field is named"
	expect_err_has "remove it" "a name with $hidden: says what to do"
done
# The same hidden characters in the consent name.
printf '%s\n' "${example/\"name\": \"Maya Ortiz\", \"date\"/\"name\": \"Maya\\u200b Ortiz\", \"date\"}" >"$T/consent.json"
run "$MI" intake --answers "$T/consent.json"
expect_rc 65 "a consent name with a zero-width space"
expect_err_has '"consent.name" contains an invisible character (U+200B' "the consent name is named"

# Normalised: the same person, however the name was typed.
with_name '"Maya\u00a0Ortiz"' "$T/nbsp.json"
run "$MI" intake --answers "$T/nbsp.json"
expect_rc 0 "a no-break space"
with_name '"Zoe\u0308 Lind"' "$T/nfd.json"
run "$MI" intake --answers "$T/nfd.json"
expect_rc 0 "a decomposed accent"
with_name '"Zo\u00eb Lind"' "$T/nfc.json"
run "$MI" intake --answers "$T/nfc.json"
expect_rc 0 "a composed accent"

mi_test_count=$((mi_test_count + 1))
clients=$(sqlite3 "$MASSAGE_INTAKE_DB" "SELECT count(*) FROM clients")
[[ $clients -eq 2 ]] || fail "$clients clients, expected 2: $(sqlite3 "$MASSAGE_INTAKE_DB" "SELECT id, hex(name) FROM clients")"
mi_test_count=$((mi_test_count + 1))
[[ $(sqlite3 "$MASSAGE_INTAKE_DB" "SELECT hex(name) FROM clients WHERE name LIKE 'Zo%'") == 5A6FC3AB204C696E64 ]] ||
	fail "the name is not stored in NFC"
mi_test_count=$((mi_test_count + 1))
[[ $(sqlite3 "$MASSAGE_INTAKE_DB" "SELECT count(*) FROM visits") -eq 4 ]] || fail "refused intakes were stored"
run "$MI" clients
expect_rc 0 "clients"
mi_test_count=$((mi_test_count + 1))
[[ $(grep -c "Maya Ortiz" <<<"$out") -eq 1 ]] || fail "Maya Ortiz is listed more than once: $out"

# A database written before this check (a hidden character stored
# directly) shows the character as a visible mark, not as a second
# identical "Maya Ortiz".
sqlite3 "$MASSAGE_INTAKE_DB" "INSERT INTO clients (name, name_key, birth_date, created)
	VALUES ('Maya' || char(8203) || ' Ortiz', 'maya ortiz', '1988-03-14', 'x')"
run "$MI" clients
mi_test_count=$((mi_test_count + 1))
[[ $(grep -c "Maya Ortiz" <<<"$out") -eq 1 && $out == *"Maya"$'\xef\xbf\xbd'" Ortiz"* ]] ||
	fail "an old hidden character is not shown: $out"

finish
