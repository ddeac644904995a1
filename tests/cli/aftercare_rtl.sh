#!/usr/bin/env bash
# Right-to-left on the printed aftercare (pango with HarfBuzz): a Hebrew and
# an Arabic name come out of the PDF in logical order and are laid out
# right to left on the page; Arabic is shaped (lam-alef is one glyph); a
# right-to-left medicine inside an English sentence keeps its words in
# right-to-left order around a number. pdftotext -bbox gives each glyph's
# box, so the order on the page is read, not guessed.
source "$(dirname "$0")/../lib/common.sh"

# pdf_for NAME MEDICINE: stores an intake with that name and medicine and
# writes its aftercare PDF to $T/NAME.pdf; sets $pdf.
pdf_for() {
	jq --arg name "$1" --arg med "$2" '.client.name = $name | .medications = [$med]' \
		"$MI_FIXTURES/examples/01-proceed-chronic-tightness.json" >"$T/answers.json"
	run "$MI" intake --answers "$T/answers.json"
	expect_rc 0 "intake for $1"
	pdf="$T/$(tr -c '[:alnum:]' _ <<<"$1").pdf"
	run "$MI" aftercare "$out" --format pdf -o "$pdf"
	expect_rc 0 "aftercare PDF for $1"
}

# The text without whitespace and the bidi marks pdftotext adds around
# right-to-left runs.
pdf_text() {
	pdftotext -enc UTF-8 "$1" - | tr -d ' \n\t' | sed 's/\xe2\x80\xab//g; s/\xe2\x80\xac//g'
}

# glyph_x PDF LINE_WORD TEXT: the left edge of the box of TEXT (a glyph or
# a word) on the line where LINE_WORD first stands.
glyph_x() {
	pdftotext -bbox -enc UTF-8 "$1" - | awk -v line="$2" -v want="$3" '
		/<word / {
			match($0, /yMin="[0-9.]+"/); y = substr($0, RSTART + 6, RLENGTH - 7)
			match($0, /xMin="[0-9.]+"/); x = substr($0, RSTART + 6, RLENGTH - 7)
			t = $0; sub(/.*">/, "", t); sub(/<\/word>.*/, "", t)
			n++; ys[n] = y; xs[n] = x; ts[n] = t
			if (t == line && at == "") at = y
		}
		END {
			for (i = 1; i <= n; i++)
				if (ts[i] == want && ys[i] - at < 8 && at - ys[i] < 8) { print xs[i]; exit }
		}'
}

# expect_right_to_left PDF LINE_WORD GLYPH... : each glyph (in logical
# order) stands left of the one before it.
expect_right_to_left() {
	local pdf=$1 line=$2 prev="" g x
	shift 2
	for g in "$@"; do
		x=$(glyph_x "$pdf" "$line" "$g")
		mi_test_count=$((mi_test_count + 1))
		if [[ -z $x ]]; then
			fail "no box for '$g' on the line of '$line': $(pdftotext -bbox -enc UTF-8 "$pdf" - | grep -F "$g" | head -3)"
			return
		fi
		if [[ -n $prev ]] && ! awk -v a="$x" -v b="$prev" 'BEGIN { exit !(a < b) }'; then
			fail "'$g' (x $x) is not left of the glyph before it (x $prev): not laid out right to left"
		fi
		prev=$x
	done
}

# ---- a Hebrew name ----
pdf_for "דנה לוי" "ibuprofen"
mi_test_count=$((mi_test_count + 1))
grep -qF "Aftercareforדנהלוי" <<<"$(pdf_text "$pdf")" ||
	fail "the Hebrew name is not in logical order after 'Aftercare for': $(pdftotext -enc UTF-8 "$pdf" - | sed -n 2p)"
expect_right_to_left "$pdf" for "ד" "נ" "ה" "ל" "ו" "י"
mi_test_count=$((mi_test_count + 1))
awk -v a="$(glyph_x "$pdf" for for)" -v b="$(glyph_x "$pdf" for "י")" 'BEGIN { exit !(a < b) }' ||
	fail "the name does not follow 'Aftercare for' on its right"

# ---- an Arabic name, shaped ----
pdf_for "محمد عبد الله" "لا شيء"
mi_test_count=$((mi_test_count + 1))
grep -qF "محمدعبدالله" <<<"$(pdf_text "$pdf")" || fail "the Arabic name is not in logical order"
expect_right_to_left "$pdf" for "ح" "د"
expect_right_to_left "$pdf" for "ع" "ب" "د"
mi_test_count=$((mi_test_count + 1))
[[ -n $(glyph_x "$pdf" Medicines "لا") ]] ||
	fail "lam-alef is not one glyph: the Arabic text is not shaped"
mi_test_count=$((mi_test_count + 1))
pdftotext -enc UTF-8 "$pdf" - | grep -qP '[\x{FB50}-\x{FDFF}\x{FE70}-\x{FEFF}]' &&
	fail "presentation forms in the text: shaped letters do not map back to the letters typed"

# ---- a right-to-left medicine, with a number, in an English sentence ----
pdf_for "Dana Levi" "אקמול 500 מ״ג"
mi_test_count=$((mi_test_count + 1))
grep -qF "אקמול" <<<"$(pdf_text "$pdf")" || fail "the Hebrew medicine is missing"
expect_right_to_left "$pdf" Medicines "א" "ק"
medicine_x=$(glyph_x "$pdf" Medicines "א")
number_x=$(glyph_x "$pdf" Medicines "500")
unit_x=$(glyph_x "$pdf" Medicines "ג")
mi_test_count=$((mi_test_count + 1))
awk -v m="$medicine_x" -v n="$number_x" -v u="$unit_x" 'BEGIN { exit !(u < n && n < m) }' ||
	fail "the medicine's words are not right to left around the number (x: unit $unit_x, number $number_x, name $medicine_x)"

finish
