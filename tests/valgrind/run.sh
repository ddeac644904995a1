#!/usr/bin/env bash
# run.sh unit TEST_BINARY: runs one unit test binary under valgrind memcheck.
# run.sh programs: runs the program $MI on a set of commands (each success
# path and a few failures) under valgrind memcheck.
# Fails on any memory error or definite leak; a suppression file covers
# library internals only (suppressions.supp says which and why). CTest runs
# each unit test and the programs as separate tests, side by side, in the
# normal build only (tests/CMakeLists.txt).
mode=$1
[[ $mode == unit || $mode == programs ]] || { echo "usage: run.sh unit TEST_BINARY | programs" >&2; exit 64; }
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../lib/common.sh"
command -v valgrind >/dev/null || { echo "valgrind is missing: run scripts/install-deps --test" >&2; exit 1; }
EX="$MI_FIXTURES/examples"
vg=(valgrind -q --leak-check=full --show-leak-kinds=definite --errors-for-leak-kinds=definite
	--error-exitcode=99 --num-callers=30 --suppressions="$here/suppressions.supp")
programs=0

# under EXPECTED_RC NAME CMD...: runs CMD under valgrind; its own exit status
# must be EXPECTED_RC and valgrind must find nothing.
under() {
	local expected=$1 name=$2
	shift 2
	programs=$((programs + 1))
	mi_test_count=$((mi_test_count + 1))
	"${vg[@]}" --log-file="$T/vg.log" "$@" >"$T/vg.out" 2>"$T/vg.err" </dev/null
	local status=$?
	if [[ -s "$T/vg.log" || $status -eq 99 ]]; then
		fail "$name: valgrind found problems:"
		head -n 80 "$T/vg.log" >&2
		# What the program said: a failed assertion can leave a leak behind.
		tail -n 20 "$T/vg.out" "$T/vg.err" >&2
	elif [[ $status -ne $expected ]]; then
		fail "$name: exit $status, expected $expected: $(tail -n 5 "$T/vg.err")"
	fi
}

if [[ $mode == unit ]]; then
	under 0 "$(basename "$2")" "$2"
	finish
	exit $?
fi

under 0 "rules" "$MI" rules
under 0 "rules --json" "$MI" rules --json
for f in "$EX"/*.json; do
	under 0 "screen $(basename "$f")" "$MI" screen "$f"
done
under 0 "screen --json" "$MI" screen --json "$EX/02-modify-blood-thinner.json"
cat "$EX"/*.json | jq -c . >"$T/all.jsonl"
under 0 "screen --jsonl" "$MI" screen --jsonl "$T/all.jsonl"
under 0 "intake" "$MI" intake --answers "$EX/02-modify-blood-thinner.json"
under 0 "intake again" "$MI" intake --answers "$EX/02-modify-blood-thinner.json"
under 0 "clients" "$MI" clients
under 0 "clients --json" "$MI" clients --json --search walter
under 0 "show" "$MI" show 2
under 0 "show --json" "$MI" show 2 --json
under 0 "history" "$MI" history 1
under 0 "history --json" "$MI" history 1 --json
under 0 "note" "$MI" note 2 --goal reduce_spasm --area low_back --pressure light --response "ok"
under 0 "aftercare" "$MI" aftercare 2
under 0 "aftercare pdf" "$MI" aftercare 2 --format pdf -o "$T/a.pdf"
under 0 "audit" "$MI" audit
under 0 "audit --json" "$MI" audit --json --limit 0
under 0 "review" "$MI" review
under 0 "review --json" "$MI" review --json
under 65 "review --mark of a command-line intake" "$MI" review 2 --mark
under 0 "drafts --json" "$MI" drafts --json
under 67 "drafts --discard of no such visit" "$MI" drafts --discard 999 --yes
under 64 "an option missing its value" "$MI" note 2 --response
under 0 "backup" "$MI" backup "$T/copy.db"
under 0 "check" "$MI" check
under 0 "export --fhir" "$MI" export --fhir 2
under 0 "export --all --jsonl" "$MI" export --all --jsonl -o "$T/all.ndjson"
under 0 "export --client" "$MI" export --client 1
under 0 "export --questionnaire" "$MI" export --questionnaire
under 0 "export copy json" "$MI" export --client 1 --format json
under 0 "export copy pdf" "$MI" export --client 1 --format pdf -o "$T/copy.pdf"
under 0 "settings retention" "$MI" settings retention 7y
under 0 "erase --list-old-backups" "$MI" erase --list-old-backups "$T"
under 0 "erase" "$MI" erase 1 --yes
under 67 "export of an erased client" "$MI" export --client 1 --format json
printf '{"client": {"name": "A"}, "fever": "yes"}' >"$T/bad.json"
under 65 "screen invalid answers" "$MI" screen "$T/bad.json"
under 65 "intake invalid answers" "$MI" intake --answers "$T/bad.json"
under 65 "broken rules" "$MI" --rules "$MI_FIXTURES/rules/bad_syntax.conf" rules
under 67 "show missing visit" "$MI" show 99
under 64 "unknown command" "$MI" frobnicate
printf 'not a database at all, just text; long enough to fill a header of a hundred bytes.....\n' >"$T/text.db"
under 74 "a file that is not a database" "$MI" --db "$T/text.db" clients

echo "$programs programs under valgrind memcheck"
finish
