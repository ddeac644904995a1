#!/usr/bin/env bash
# layers.sh - who may call whom (docs/architecture.md), checked on the
# built static libraries: every symbol a layer's objects leave undefined
# (nm -u) is looked up among the symbols SQLite, cairo and pango, and
# curses define (the very libraries the program is linked with, found with
# ldd) and among the store's own. The core references none of SQLite,
# cairo or curses; the store no cairo or curses; export no SQLite or
# curses; the application layer no SQLite or curses; the terminal UI no
# SQLite and no mi_store_* function (it goes through src/app), and its
# plain line mode no curses. First the check is shown to catch an object
# that breaks each rule.
source "$(dirname "$0")/../lib/common.sh"
: "${MI_BUILD_DIR:?MI_BUILD_DIR must point at the build tree}"

# The shared libraries the program loads whose file name matches $1.
libs_matching() {
	ldd "$MI" | awk -v pat="$1" '$1 ~ pat && $3 ~ /^\// { print $3 }'
}

# defined_by NAME PATTERN: writes the sorted dynamic symbols defined by the
# program's libraries matching PATTERN to $T/NAME.syms.
defined_by() {
	local libs
	libs=$(libs_matching "$2")
	mi_test_count=$((mi_test_count + 1))
	if [[ -z $libs ]]; then
		fail "the program is not linked with a library matching $2"
		: >"$T/$1.syms"
		return
	fi
	# shellcheck disable=SC2086
	nm -D --defined-only $libs | awk 'NF >= 3 { sub(/@.*/, "", $3); print $3 }' \
		| sort -u >"$T/$1.syms"
}

defined_by sqlite '^libsqlite3'
defined_by cairo '^lib(cairo|pango)'
defined_by curses '^lib(ncursesw?|tinfo)'
nm --defined-only "$MI_BUILD_DIR/libmi_store.a" 2>/dev/null \
	| awk '$2 ~ /^[TDBR]$/ && $3 ~ /^mi_store_/ { print $3 }' | sort -u >"$T/store.syms"
mi_test_count=$((mi_test_count + 1))
[[ -s $T/store.syms ]] || fail "libmi_store.a defines no mi_store_ function"

# forbidden OBJECT KIND...: prints the symbols OBJECT (an object file or a
# static library) references that the libraries of each KIND define.
forbidden() {
	local object=$1 kind
	shift
	nm -u "$object" 2>/dev/null | awk '{ print $NF }' | sort -u >"$T/undefined"
	for kind in "$@"; do
		comm -12 "$T/undefined" "$T/$kind.syms" | sed "s/^/$kind: /"
	done
}

# check_layer LIBRARY KIND...: the layer's static library references no
# symbol of these kinds.
check_layer() {
	local lib=$MI_BUILD_DIR/lib$1.a found
	shift
	mi_test_count=$((mi_test_count + 1))
	if [[ ! -f $lib ]]; then
		fail "$lib is missing: build the program first"
		return
	fi
	found=$(forbidden "$lib" "$@")
	[[ -z $found ]] || fail "$(basename "$lib") calls what its layer may not: $(tr '\n' ' ' <<<"$found")"
}

# ---- The check catches a breach -------------------------------------------
cat >"$T/breach.c" <<'EOF'
struct sqlite3;
struct _cairo;
int sqlite3_open(const char *, struct sqlite3 **);
struct _cairo *cairo_create(void *);
void *initscr(void);
int mi_store_check(void *, char **, void *);
int breach(void);
int breach(void)
{
	return sqlite3_open("x", 0) + (cairo_create(0) != 0) + (initscr() != 0) +
	       mi_store_check(0, 0, 0);
}
EOF
mi_test_count=$((mi_test_count + 1))
if cc -c -o "$T/breach.o" "$T/breach.c"; then
	found=$(forbidden "$T/breach.o" sqlite cairo curses store)
	for expected in "sqlite: sqlite3_open" "cairo: cairo_create" "curses: initscr" \
		"store: mi_store_check"; do
		mi_test_count=$((mi_test_count + 1))
		grep -qxF "$expected" <<<"$found" || fail "the check misses $expected (found: $found)"
	done
else
	fail "cc cannot compile the breach sample"
fi

# ---- The layers -------------------------------------------------------------
check_layer mi_core sqlite cairo curses
check_layer mi_store cairo curses
check_layer mi_export sqlite curses
check_layer mi_app sqlite curses
check_layer mi_ui sqlite store

# The plain line mode (src/ui/plain_*.c) uses no curses at all: it must
# work where no terminal description does (TERM=dumb, a pipe).
mi_test_count=$((mi_test_count + 1))
nm -A -u "$MI_BUILD_DIR/libmi_ui.a" 2>/dev/null | awk '$1 ~ /plain_/ { print $NF }' | sort -u >"$T/plain.undefined"
if [[ ! -s $T/plain.undefined ]]; then
	fail "libmi_ui.a has no plain_ object referencing anything: is the plain line mode built?"
else
	found=$(comm -12 "$T/plain.undefined" "$T/curses.syms")
	[[ -z $found ]] || fail "the plain line mode calls curses: $(tr '\n' ' ' <<<"$found")"
fi

finish
