#!/usr/bin/env bash
# `massage-intake aftercare`: the text summary, the one-page PDF checked with
# poppler-utils, files written 0600, the paper size, and the usage errors.
source "$(dirname "$0")/../lib/common.sh"

# store FILE: stores one intake and sets $visit to its id.
store() {
	run "$MI" intake --answers "$1"
	expect_rc 0 "intake $1"
	visit=$out
}

# pdf_text FILE: the PDF's text with all whitespace and bidi marks removed,
# as pdftotext may break lines (and, for joined Arabic letters, words)
# where the page does not.
pdf_text() {
	pdftotext -enc UTF-8 "$1" - | tr -d ' \n\t' | sed 's/\xe2\x80\xab//g; s/\xe2\x80\xac//g'
}

# expect_pdf_has FILE TEXT DESCRIPTION
expect_pdf_has() {
	mi_test_count=$((mi_test_count + 1))
	local want
	want=$(printf '%s' "$2" | tr -d ' \n\t')
	grep -qF -- "$want" <<<"$(pdf_text "$1")" || fail "$3: the PDF lacks '$2'"
}

# expect_one_page FILE DESCRIPTION
expect_one_page() {
	mi_test_count=$((mi_test_count + 1))
	pdfinfo "$1" 2>/dev/null | grep -q '^Pages: *1$' || fail "$2: not exactly one page"
}

# expect_mode FILE MODE DESCRIPTION
expect_mode() {
	mi_test_count=$((mi_test_count + 1))
	[[ $(stat -c %a "$1" 2>/dev/null) == "$2" ]] || fail "$3: mode $(stat -c %a "$1" 2>/dev/null), expected $2"
}

# ---- a first visit on a blood thinner, with session notes
store "$MI_FIXTURES/examples/02-modify-blood-thinner.json"
brandt=$visit
run "$MI" note "$brandt" --area neck --area upper_back_shoulders --pressure medium \
	--aftercare "Drink some water tonight." --therapist-notes "SECRET-NOTE tight left trapezius"
expect_rc 0 "session notes saved"

run "$MI" aftercare "$brandt"
expect_rc 0 "text summary"
expect_out_has "Aftercare for Walter Brandt" "the client's name"
expect_out_has "up to about 36 hours" "the soreness window"
expect_out_has "Call your doctor if the pain is severe" "the doctor advice"
expect_out_has "Seek urgent care straight away" "the urgent care advice"
expect_out_has "watch the areas we worked for bruising" "the blood thinner item"
expect_out_has "Xarelto 20mg once a day" "the medications"
expect_out_has "Today we worked on your neck, upper back / shoulders." "the areas worked"
expect_out_has "A note from your therapist: Drink some water tonight." "the aftercare note"
expect_out_has "headache" "the headache after neck work"
expect_out_has "48–72 hours" "the first visit follow-up"
expect_out_lacks "SECRET-NOTE" "therapist-only notes"
expect_out_lacks "blood clot" "no item for a flag that did not fire"
mi_test_count=$((mi_test_count + 1))
[[ $(wc -L <<<"$out") -le 80 ]] || fail "a text line is wider than 80 columns"

run "$MI" aftercare "$brandt" -o "$T/summary.txt"
expect_rc 0 "text to a file"
expect_mode "$T/summary.txt" 600 "text file"
mi_test_count=$((mi_test_count + 1))
"$MI" aftercare "$brandt" | cmp -s - "$T/summary.txt" || fail "the file differs from standard output"

run "$MI" aftercare "$brandt" --format pdf -o "$T/brandt.pdf"
expect_rc 0 "PDF to a file"
[[ -z $out ]] || fail "nothing on stdout when writing a file ($out)"
expect_one_page "$T/brandt.pdf" "blood thinner PDF"
expect_mode "$T/brandt.pdf" 600 "PDF file"
expect_pdf_has "$T/brandt.pdf" "Walter Brandt" "PDF name"
expect_pdf_has "$T/brandt.pdf" "up to about 36 hours" "PDF soreness window"
expect_pdf_has "$T/brandt.pdf" "Call your doctor if the pain is severe" "PDF doctor advice"
expect_pdf_has "$T/brandt.pdf" "Massage clinic" "default clinic name"
mi_test_count=$((mi_test_count + 1))
pdf_text "$T/brandt.pdf" | grep -q SECRET && fail "therapist-only notes in the PDF"

# "-o -" sends a PDF to standard output when that is not a terminal.
"$MI" aftercare "$brandt" --format pdf -o - >"$T/piped.pdf"
expect_one_page "$T/piped.pdf" "PDF to a pipe"

# An existing world-readable file is replaced by a 0600 one; the format
# follows the file name.
printf 'old' >"$T/old.pdf"
chmod 644 "$T/old.pdf"
run "$MI" aftercare "$brandt" -o "$T/old.pdf"
expect_rc 0 "PDF over an existing file"
expect_mode "$T/old.pdf" 600 "replaced file"
expect_one_page "$T/old.pdf" "PDF chosen from the .pdf name"
[[ $(ls -A "$T" | grep -c '^\.old\.pdf\.') -eq 0 ]] || fail "a temporary file was left behind"

# Only a new name or a regular file is replaced: a FIFO, a link or a device
# stays as it is.
mkfifo "$T/fifo"
ln -s "$T/elsewhere.txt" "$T/link.txt"
for target in "$T/fifo" "$T/link.txt" /dev/null; do
	run "$MI" aftercare "$brandt" -o "$target"
	expect_rc 73 "-o $target"
	expect_err_has "not a regular file; give a new file name" "-o $target: the refusal says why"
done
mi_test_count=$((mi_test_count + 1))
[[ -p $T/fifo && -L $T/link.txt && ! -e $T/elsewhere.txt && -c /dev/null ]] ||
	fail "-o replaced a FIFO, a link or a device"

run "$MI" aftercare "$brandt" -o "$T/brandt.png"
expect_rc 0 "PNG preview"
mi_test_count=$((mi_test_count + 1))
[[ $(head -c 4 "$T/brandt.png" | tail -c 3) == PNG ]] || fail "the .png file is not a PNG"

# ---- paper size: option, setting, locale
run "$MI" aftercare "$brandt" --paper letter -o "$T/letter.pdf"
expect_rc 0 "letter paper"
mi_test_count=$((mi_test_count + 1))
pdfinfo "$T/letter.pdf" | grep -q '612 x 792 pts (letter)' || fail "--paper letter is not letter"
run env LC_ALL=en_US.UTF-8 "$MI" aftercare "$brandt" -o "$T/us.pdf"
mi_test_count=$((mi_test_count + 1))
pdfinfo "$T/us.pdf" | grep -q '(letter)' || fail "an en_US locale does not default to letter"
run env LC_ALL= LC_PAPER=en_CA.UTF-8 LANG=C.UTF-8 "$MI" aftercare "$brandt" -o "$T/ca.pdf"
mi_test_count=$((mi_test_count + 1))
pdfinfo "$T/ca.pdf" | grep -q '(letter)' || fail "an en_CA paper locale does not default to letter"
run env LC_ALL=en_GB.UTF-8 "$MI" aftercare "$brandt" -o "$T/gb.pdf"
mi_test_count=$((mi_test_count + 1))
pdfinfo "$T/gb.pdf" | grep -q '(A4)' || fail "an en_GB locale does not default to A4"

# The settings (no command sets them yet: the UI does, so write them here).
sqlite3 "$MASSAGE_INTAKE_DB" "INSERT INTO settings (key, value, updated) VALUES
	('clinic_name', 'Clínica Ñandú Back Care', '2026-11-23T10:00:00Z'),
	('paper', 'letter', '2026-11-23T10:00:00Z');"
run "$MI" aftercare "$brandt" -o "$T/clinic.pdf"
expect_rc 0 "PDF with the clinic's settings"
expect_pdf_has "$T/clinic.pdf" "Clínica Ñandú Back Care" "the clinic_name setting"
mi_test_count=$((mi_test_count + 1))
pdfinfo "$T/clinic.pdf" | grep -q '(letter)' || fail "the paper setting is not used"
run "$MI" aftercare "$brandt" --paper a4 -o "$T/a4.pdf"
mi_test_count=$((mi_test_count + 1))
pdfinfo "$T/a4.pdf" | grep -q '(A4)' || fail "--paper does not win over the setting"
sqlite3 "$MASSAGE_INTAKE_DB" "UPDATE settings SET value = 'legal' WHERE key = 'paper';"
run "$MI" aftercare "$brandt" -o "$T/legal.pdf"
expect_rc 65 "a bad paper setting"
expect_err_has "paper setting must be a4 or letter" "the bad setting named"
sqlite3 "$MASSAGE_INTAKE_DB" "DELETE FROM settings WHERE key = 'paper';"

# The clinic's phone number: none on the sheet until it is set, then on
# the text and the PDF.
run "$MI" aftercare "$brandt"
expect_out_lacks "Call the clinic on" "no phone number before clinic_phone is set"
run "$MI" settings clinic_phone "phone me"
expect_rc 65 "a phone number with letters"
expect_err_has "clinic_phone must be a phone number" "the phone setting's rule"
run "$MI" settings clinic_phone "+44 (20) 7946-0958"
expect_rc 0 "settings clinic_phone"
run "$MI" aftercare "$brandt"
expect_out_has "Call the clinic on +44 (20) 7946-0958." "the phone number in the text"
run "$MI" aftercare "$brandt" -o "$T/phone.pdf"
expect_rc 0 "PDF with the clinic's phone number"
expect_pdf_has "$T/phone.pdf" "Call the clinic on +44 (20) 7946-0958." "the phone number on paper"
expect_one_page "$T/phone.pdf" "the PDF with the phone number"
run "$MI" settings clinic_phone --unset

# ---- names in other scripts, and a crowded visit, still one page
names_json() {
	cat <<EOF
{"client": {"name": "$1"}, "pain_intensity": 5, "medications": [$2],
 "consent": {"agreed": true, "name": "$1", "date": "2026-11-23"}}
EOF
}
for name in "Ελένη Παπαδοπούλου" "محمد عبد الله" "王小明"; do
	names_json "$name" "" >"$T/name.json"
	store "$T/name.json"
	run "$MI" aftercare "$visit" -o "$T/name.pdf"
	expect_rc 0 "PDF for $name"
	expect_one_page "$T/name.pdf" "PDF for $name"
	expect_pdf_has "$T/name.pdf" "$name" "the name $name comes back out"
done

meds=""
for i in $(seq 1 15); do meds+="${meds:+, }\"medicine number $i, 20 mg twice a day\""; done
cat >"$T/crowded.json" <<EOF
{"client": {"name": "Maximilian Fitzgerald-Worthington"}, "pain_intensity": 6,
 "medications": [$meds], "easy_bruising": true, "dvt_history": true, "pregnant": "yes",
 "skin_condition": true, "blood_pressure": "controlled_high", "recent_surgery_weeks": 4,
 "cancer_history": true, "osteoporosis": "mild"}
EOF
store "$T/crowded.json"
crowded=$visit
long=$(for i in $(seq 1 52); do printf 'Keep up the hip stretches every day. '; done)
run "$MI" note "$crowded" --area low_back --area neck --aftercare "$long" --goals-other "$long" \
	--areas-other "the feet and the forearms, both sides, lightly"
expect_rc 0 "long notes saved"
run "$MI" aftercare "$crowded" -o "$T/crowded.pdf"
expect_rc 0 "crowded PDF"
expect_one_page "$T/crowded.pdf" "15 medications and long notes"
expect_pdf_has "$T/crowded.pdf" "Maximilian Fitzgerald-Worthington" "crowded name"
expect_pdf_has "$T/crowded.pdf" "medicine number 1," "crowded medications"
expect_pdf_has "$T/crowded.pdf" "Seek urgent care straight away" "crowded urgent advice"
expect_pdf_has "$T/crowded.pdf" "You told us you have had a blood clot" "crowded flag item"
expect_pdf_has "$T/crowded.pdf" "The clinic's record has them in full" "the shortened note"

# ---- usage and input errors: one sentence, the right status
run "$MI" aftercare
expect_rc 64 "no visit id"
run "$MI" aftercare abc
expect_rc 64 "a visit id that is not a number"
run "$MI" aftercare "$brandt" --format doc
expect_rc 64 "an unknown format"
expect_err_has "--format must be text, pdf or png" "the format named"
run "$MI" aftercare "$brandt" --paper legal -o "$T/x.pdf"
expect_rc 64 "an unknown paper size"
run "$MI" aftercare "$brandt" --format pdf
expect_rc 64 "a PDF without -o or --print"
expect_err_has "give -o FILE or --print" "the way out named"
run "$MI" aftercare "$brandt" --print -o "$T/x.pdf"
expect_rc 64 "--print with -o"
run "$MI" aftercare "$brandt" --print --format text
expect_rc 64 "--print with text"
run "$MI" aftercare "$brandt" --frobnicate
expect_rc 64 "an unknown option"
run "$MI" aftercare 999
expect_rc 67 "no such visit"
run "$MI" aftercare "$brandt" -o "$T/missing/x.pdf"
expect_rc 73 "a folder that does not exist"
expect_err_has "cannot create $T/missing/x.pdf" "the file named"
[[ $(printf '%s\n' "$err" | wc -l) -eq 1 ]] || fail "more than one line of error ($err)"
MASSAGE_INTAKE_DB="$T/none.db" run "$MI" aftercare 1
expect_rc 66 "no database yet"

# A broken template names its file and line.
mkdir -p "$T/data"
cp "$(dirname "$MI")/../share/massage-intake/"* "$T/data/"
printf 'bullet when flagg x: y\n' >>"$T/data/aftercare.conf"
run "$MI" --data "$T/data" aftercare "$brandt"
expect_rc 65 "a broken template"
expect_err_has "aftercare.conf:$(wc -l <"$T/data/aftercare.conf"): unknown condition \"flagg\"" "file and line"

run "$MI" aftercare --help
expect_rc 0 "help"
expect_out_has "Usage: massage-intake aftercare VISIT" "usage line"

finish
