# languages.sh - helpers for the tests of the command line in the desk's
# language. Source it after common.sh.

# holds DESCRIPTION CMD...: counts one assertion; fails when CMD fails.
holds() {
	local what=$1
	shift
	mi_test_count=$((mi_test_count + 1))
	"$@" || fail "$what"
}

# in_language LANG CMD...: runs CMD as `run` does with the desk's language LANG.
in_language() {
	local lang=$1
	shift
	out=$(LANGUAGE=$lang "$@" 2>"$T/.stderr")
	rc=$?
	err=$(cat "$T/.stderr")
}

# same_as_english LANG DESCRIPTION CMD...: CMD's standard output and exit
# status under LANG are those of English, byte for byte (a trailing newline
# included). The output under LANG is left in $T/.lang.
same_as_english() {
	local lang=$1 what=$2
	shift 2
	"$@" >"$T/.en" 2>/dev/null
	local en_rc=$?
	LANGUAGE=$lang "$@" >"$T/.lang" 2>/dev/null
	local lang_rc=$?
	holds "$lang: $what: exit $lang_rc, English $en_rc" test "$lang_rc" -eq "$en_rc"
	holds "$lang: $what differs from English: $(diff "$T/.en" "$T/.lang" | head -5)" \
		cmp -s "$T/.en" "$T/.lang"
	holds "$lang: $what: English printed nothing to compare" test -s "$T/.en"
}
