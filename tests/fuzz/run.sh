#!/usr/bin/env bash
# run.sh NAME: builds tests/fuzz/fuzz_NAME.c with clang's libFuzzer (plus
# ASan and UBSan) against the core sources and fuzzes it for
# $MI_FUZZ_SECONDS seconds (20 by default) from the seed corpus
# tests/fuzz/corpus/NAME. Fails on any crash, leak or slow input.
set -euo pipefail
name=$1
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
seconds=${MI_FUZZ_SECONDS:-20}
work=${MI_FUZZ_WORK:-$(mktemp -d "${TMPDIR:-/tmp}/mi-fuzz.XXXXXX")}
mkdir -p "$work"
trap 'rm -rf "$work"' EXIT

command -v clang >/dev/null || { echo "clang is missing: run scripts/install-deps --test" >&2; exit 1; }
# shellcheck disable=SC2046
clang -g -O1 -std=c17 -D_DEFAULT_SOURCE -D_POSIX_C_SOURCE=200809L \
	-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
	-I "$root/include" "$root"/src/core/*.c "$here/fuzz_$name.c" \
	$(pkg-config --cflags --libs jansson libsodium libutf8proc) -lm -o "$work/fuzz_$name"

# Fuzz a copy of the seed corpus so new inputs do not land in the tree.
mkdir -p "$work/corpus"
cp -r "$here/corpus/$name/." "$work/corpus/"
export MI_DATA_DIR=${MI_DATA_DIR:-$root/data}
"$work/fuzz_$name" -max_total_time="$seconds" -timeout=5 -rss_limit_mb=1024 \
	-max_len=65536 -print_final_stats=1 "$work/corpus" 2>"$work/log" || {
	tail -n 60 "$work/log" >&2
	exit 1
}
grep -E "stat::number_of_executed_units|Done [0-9]+ runs" "$work/log" | tail -n 2
echo "1 passed, 0 failed"
