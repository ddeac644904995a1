#!/usr/bin/env bash
# check-translations: the shipped languages are complete (exit 0); an
# overlay entry missing, stale (its English changed), no longer in the data
# file or lacking a field, and program words a catalogue lacks, are each
# listed with FILE:LINE and give exit 65; a broken overlay is refused with
# FILE:LINE. A stale entry is not used: the English shows in its place on
# the client's aftercare, the rest stays translated.
source "$(dirname "$0")/../lib/common.sh"

run "$MI" check-translations
expect_rc 0 "the shipped languages are complete"
expect_out_has "es: complete" "Spanish is complete"
expect_out_has "fr_CA: complete" "Canadian French is complete"
run "$MI" check-translations fr_CA
expect_rc 0 "one language"
expect_out_lacks "es:" "only the language asked for"

run "$MI" check-translations es fr_CA
expect_rc 64 "two languages"
run "$MI" check-translations ES-es
expect_rc 64 "not a language code"
expect_err_has "massage-intake: \"ES-es\" is not a language" "the code is named"

# A data folder of our own, with the shipped overlays.
D="$T/data"
cp -r "$(dirname "$MI")/../share/massage-intake" "$D"
export MASSAGE_INTAKE_DATA="$D"
run "$MI" check-translations es
expect_rc 0 "a copy of the shipped data is complete"

# The English of a rule changes: its Spanish is stale.
sed -i 's/^message = You told us you bruise easily\./message = You told us you bruise very easily./' "$D/rules.conf"
grep -q "bruise very easily" "$D/rules.conf" || fail "setup: the rule's English did not change"
line=$(grep -n '^\[rule easy_bruising\]' "$D/lang/es/rules.conf" | cut -d: -f1)
run "$MI" check-translations es
expect_rc 65 "a stale entry"
expect_out_has "es: $D/lang/es/rules.conf:$line: [rule easy_bruising] is stale: its English in rules.conf changed" "the stale entry with FILE:LINE"
expect_out_has "es: 1 to translate" "one thing to do"
run "$MI" check-translations es --template rules.conf
expect_rc 0 "--template"
mi_test_count=$((mi_test_count + 1))
[[ $(grep -c '^# TRANSLATE$' <<<"$out") == 1 ]] || fail "--template marks other than the one stale entry: $out"
mi_test_count=$((mi_test_count + 1))
grep -A3 '^\[rule easy_bruising\]' <<<"$out" | grep -q '^message = You told us you bruise very easily' ||
	fail "--template does not give the new English to translate: $out"
expect_out_has "message = Nos dijo que ha tenido un coágulo de sangre." "--template keeps what is up to date"

# ... and is not used: a Spanish client's sheet says that line in English.
run "$MI" intake --answers "$MI_FIXTURES/examples/01-proceed-chronic-tightness.json"
expect_rc 0 "an intake"
visit=$out
run "$MI" note "$visit" --area low_back
sqlite3 "$MASSAGE_INTAKE_DB" "UPDATE visits SET language = 'es' WHERE id = $visit"
run "$MI" aftercare "$visit"
expect_rc 0 "the Spanish aftercare"
expect_out_has "Qué es normal después" "the sheet is in the visit's language"
sed -i 's/^bullet: Drink water and have something to eat\./bullet: Drink water and eat something light./' "$D/aftercare.conf"
run "$MI" aftercare "$visit"
expect_out_has "Drink water and eat something light." "a stale line shows in English"
expect_out_lacks "Beba agua" "the stale translation is not shown"
expect_out_has "Qué es normal después" "the other lines stay in Spanish"

# Missing, no longer asked and untranslated fields.
sed -i '/^\[rule fever\]/,/^$/d' "$D/lang/es/rules.conf"
printf '\n[rule no_such_rule]\nsource = 0000000000000000\nmessage = Nada.\n' >>"$D/lang/es/rules.conf"
line=$(grep -n '^\[rule no_such_rule\]' "$D/lang/es/rules.conf" | cut -d: -f1)
sed -i '/^option hips_glutes = caderas y glúteos$/d' "$D/lang/es/intake.conf"
run "$MI" check-translations es
expect_rc 65 "missing entries"
expect_out_has "es: $D/lang/es/rules.conf: [rule fever] is missing (source = " "a missing entry"
expect_out_has "es: $D/lang/es/rules.conf:$line: [rule no_such_rule] is no longer in rules.conf" "an entry no longer in the file"
expect_out_has "[question pain_locations] option hips_glutes is not translated" "a missing option"

# A broken overlay is refused with its FILE:LINE.
printf 'text = Hola\n' >"$D/lang/es/aftercare.conf"
run "$MI" check-translations es
expect_rc 65 "a broken overlay"
expect_err_has "massage-intake: $D/lang/es/aftercare.conf:1: \"text\" comes before any [kind id] section" "the broken line named"

# A language with no catalogue and no overlays: everything is listed.
run "$MI" check-translations de
expect_rc 65 "a language nobody translated"
expect_out_has 'de: program: "Welcome" is not translated' "the program's words"
expect_out_has "lang/de/intake.conf: [question client.name] is missing (source = " "the data files' words"

finish
