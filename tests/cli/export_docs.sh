#!/usr/bin/env bash
# export_docs.sh - the sample Bundle in docs/export.md is what the program
# writes for tests/fixtures/examples/02-modify-blood-thinner.json with a
# response and a plan today,
# with its random UUIDs numbered in order of appearance. When the export
# changes on purpose, refresh the sample with
#   MI_UPDATE_DOCS=1 ctest --test-dir build -R export_docs
source "$(dirname "$0")/../lib/common.sh"
doc="$MI_SOURCE_DIR/docs/export.md"
start='<!-- sample bundle: start -->'
end='<!-- sample bundle: end -->'

run "$MI" intake --answers "$MI_FIXTURES/examples/02-modify-blood-thinner.json"
expect_rc 0 "intake of the example"
run "$MI" note 1 --response "Relaxed; a little sore at the left shoulder blade." \
	--plan series_3_weekly
expect_rc 0 "a response and a plan"
run "$MI" export --fhir 1 -o "$T/bundle.json"
expect_rc 0 "export --fhir of the example"

# Each distinct UUID becomes 00000000-0000-4000-8000-00000000000N, numbered
# by first appearance.
perl -pe 's/([0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12})/
	$n{$1} ||= sprintf("00000000-0000-4000-8000-%012d", ++$count)/ge' "$T/bundle.json" >"$T/sample.json"
mi_test_count=$((mi_test_count + 1))
[[ $(grep -c '00000000-0000-4000-8000-' "$T/sample.json") -gt 5 ]] || fail "no UUID was numbered"

# The block between the markers, without its fences.
documented() {
	awk -v s="$start" -v e="$end" '$0 == s {on = 1; next} $0 == e {on = 0} on' "$doc" | sed '/^```/d'
}

if [[ ${MI_UPDATE_DOCS:-0} == 1 ]]; then
	{
		awk -v s="$start" '{print} $0 == s {exit}' "$doc"
		echo '```json'
		cat "$T/sample.json"
		echo '```'
		awk -v e="$end" '$0 == e {on = 1} on' "$doc"
	} >"$T/export.md"
	cp "$T/export.md" "$doc"
	echo "docs/export.md: sample refreshed"
fi

mi_test_count=$((mi_test_count + 1))
[[ $(grep -cxF -- "$start" "$doc") -eq 1 && $(grep -cxF -- "$end" "$doc") -eq 1 ]] ||
	fail "docs/export.md lacks the sample markers"
mi_test_count=$((mi_test_count + 1))
if ! diff -u <(documented) "$T/sample.json" >"$T/diff"; then
	fail "the sample Bundle in docs/export.md is out of date (MI_UPDATE_DOCS=1 refreshes it):"
	head -40 "$T/diff" >&2
fi

finish
