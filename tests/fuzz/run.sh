#!/usr/bin/env bash
# run.sh NAME FUZZER: fuzzes the libFuzzer harness FUZZER (tests/fuzz/fuzz_NAME.c,
# built by CMake with clang, ASan and UBSan into the build tree's fuzz/bin)
# for $MI_FUZZ_SECONDS seconds (20 by default) from the seed corpus
# tests/fuzz/corpus/NAME. Fails on any crash, leak or slow input.
set -euo pipefail
name=$1 fuzzer=$2
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
seconds=${MI_FUZZ_SECONDS:-20}
[[ -x $fuzzer ]] || {
	echo "$fuzzer was not built: clang is missing (run scripts/install-deps --test, then build again)" >&2
	exit 1
}
work=${MI_FUZZ_WORK:-$(mktemp -d "${TMPDIR:-/tmp}/mi-fuzz.XXXXXX")}
mkdir -p "$work"
trap 'rm -rf "$work"' EXIT

# Fuzz a copy of the seed corpus so new inputs do not land in the tree.
mkdir -p "$work/corpus"
cp -r "$here/corpus/$name/." "$work/corpus/"
export MI_DATA_DIR=${MI_DATA_DIR:-$root/data}
"$fuzzer" -max_total_time="$seconds" -timeout=5 -rss_limit_mb=1024 \
	-max_len=65536 -print_final_stats=1 "$work/corpus" 2>"$work/log" || {
	tail -n 60 "$work/log" >&2
	exit 1
}
grep -E "stat::number_of_executed_units|Done [0-9]+ runs" "$work/log" | tail -n 2
echo "1 passed, 0 failed"
