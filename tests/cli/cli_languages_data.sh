#!/usr/bin/env bash
# The reasons the data-file loaders and the answers check give, in the
# desk's language (LANGUAGE=es, LANGUAGE=fr_CA): a broken rules file, a
# broken intake.conf or aftercare.conf in --data DIR and an answers document
# that is refused. Each keeps English's exit status (65) and its FILE:LINE;
# screen --json of a good document stays byte for byte the English.
source "$(dirname "$0")/../lib/common.sh"
source "$(dirname "$0")/../lib/languages.sh"
EX="$MI_FIXTURES/examples"
shipped="$(dirname "$MI")/../share/massage-intake"

# refused_in LANG WHERE WORDS DESCRIPTION CMD...: CMD fails with 65 in
# English and in LANG, both sentences start with "massage-intake: WHERE",
# and LANG's says WORDS (a fixed string) where English's does not.
refused_in() {
	local lang=$1 where=$2 words=$3 what=$4
	shift 4
	run "$@"
	local en_err=$err
	holds "English: $what: exit $rc, not 65" test "$rc" -eq 65
	holds "English: $what: not at $where: $err" grep -qF "massage-intake: $where" <<<"$err"
	holds "English: $what: already says \"$words\": $err" bash -c '! grep -qF -- "$0" <<<"$1"' "$words" "$err"
	in_language "$lang" "$@"
	holds "$lang: $what: exit $rc, not 65" test "$rc" -eq 65
	holds "$lang: $what: not at $where: $err" grep -qF "massage-intake: $where" <<<"$err"
	holds "$lang: $what: not in the language: $err" grep -qF -- "$words" <<<"$err"
	holds "$lang: $what: the English sentence: $err" test "$err" != "$en_err"
	holds "$lang: $what: more than one line: $err" test "$(printf '%s\n' "$err" | wc -l)" -eq 1
}

# ---- the files ----------------------------------------------------------
# A rules file with a line that is no setting, one with a broken condition.
cp "$shipped/rules.conf" "$T/garbage-rules.conf"
printf 'this is not a setting\n' >>"$T/garbage-rules.conf"
garbage_line=$(wc -l <"$T/garbage-rules.conf")
cp "$shipped/rules.conf" "$T/condition-rules.conf"
printf '[rule broken]\nlevel = refer\nmessage = m\nnote = n\nsource = s\nwhen = fever and and\n' >>"$T/condition-rules.conf"
condition_line=$(wc -l <"$T/condition-rules.conf")
# A --data folder whose intake.conf has a question of an unknown kind, and
# one whose aftercare.conf has an unknown condition.
mkdir -p "$T/intake" "$T/aftercare"
cp "$shipped/"*.conf "$T/intake/"
cp "$shipped/"*.conf "$T/aftercare/"
sed -i '0,/^kind *= *yesno/s//kind = yesnoo/' "$T/intake/intake.conf"
kind_line=$(grep -n '^kind = yesnoo' "$T/intake/intake.conf" | cut -d: -f1)
[[ -n $kind_line ]] || fail "setup: no yesno question to break in intake.conf"
printf 'bullet when flagg x: y\n' >>"$T/aftercare/aftercare.conf"
aftercare_line=$(wc -l <"$T/aftercare/aftercare.conf")
v=$(MASSAGE_INTAKE_TODAY=2026-11-02 "$MI" intake --answers "$EX/01-proceed-chronic-tightness.json") ||
	fail "setup: a visit"
# Answers refused by the check.
printf '{"fever": "yes"}' >"$T/not-bool.json"
printf '{"fevr": true}' >"$T/unknown-key.json"
printf '{"pain_intensity": 11}' >"$T/out-of-range.json"

# ---- each in Spanish and in French --------------------------------------
declare -A expect=(
	[es rules]="se esperaba CLAVE = VALOR, una [sección] o un comentario"
	[fr_CA rules]="on attendait CLÉ = VALEUR"
	[es condition]="en la condición de [rule broken]: se esperaba"
	[fr_CA condition]="dans la condition de [rule broken] : on attendait"
	[es intake]="tipo desconocido \"yesnoo\""
	[fr_CA intake]="genre inconnu « yesnoo »"
	[es aftercare]="condición desconocida \"flagg\""
	[fr_CA aftercare]="condition inconnue « flagg »"
	[es bool]="\"fever\" debe ser true o false, no texto."
	[fr_CA bool]="« fever » doit être true ou false, pas du texte."
	[es key]="clave desconocida \"fevr\""
	[fr_CA key]="clé inconnue « fevr »"
	[es range]="debe ser un número entero de 0 a 10, no 11."
	[fr_CA range]="doit être un nombre entier de 0 à 10, pas 11."
)
for lang in es fr_CA; do
	refused_in "$lang" "$T/garbage-rules.conf:$garbage_line: " "${expect[$lang rules]}" \
		"--rules, a line that is no setting" "$MI" --rules "$T/garbage-rules.conf" screen "$EX/01-proceed-chronic-tightness.json"
	refused_in "$lang" "$T/condition-rules.conf:$condition_line: " "${expect[$lang condition]}" \
		"--rules, a broken condition" "$MI" --rules "$T/condition-rules.conf" rules
	refused_in "$lang" "$T/intake/intake.conf:$kind_line: " "${expect[$lang intake]}" \
		"--data, intake.conf" "$MI" --data "$T/intake" screen "$EX/01-proceed-chronic-tightness.json"
	refused_in "$lang" "$T/aftercare/aftercare.conf:$aftercare_line: " "${expect[$lang aftercare]}" \
		"--data, aftercare.conf" "$MI" --data "$T/aftercare" aftercare "$v" -o "$T/out.pdf"
	refused_in "$lang" "$T/not-bool.json: " "${expect[$lang bool]}" \
		"screen, not true or false" "$MI" screen "$T/not-bool.json"
	refused_in "$lang" "$T/unknown-key.json: " "${expect[$lang key]}" \
		"screen, an unknown key" "$MI" screen "$T/unknown-key.json"
	refused_in "$lang" "$T/out-of-range.json: " "${expect[$lang range]}" \
		"screen, out of range" "$MI" screen "$T/out-of-range.json"
	# What programs read stays the English.
	same_as_english "$lang" "screen --json" "$MI" screen --json "$EX/02-modify-blood-thinner.json"
	same_as_english "$lang" "screen, the text form" "$MI" screen "$EX/02-modify-blood-thinner.json"
done

finish
