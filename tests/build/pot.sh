#!/usr/bin/env bash
# pot.sh - the translation template po/massage-intake.pot is what xgettext
# makes from the sources today (a _() string added without `cmake --build
# build --target pot` fails here), and every shipped catalogue translates
# every message of it, none fuzzy.
source "$(dirname "$0")/../lib/common.sh"
: "${MI_BUILD_DIR:?MI_BUILD_DIR must point at the build tree}"
: "${MI_SOURCE_DIR:?MI_SOURCE_DIR must point at the source tree}"

cmake --build "$MI_BUILD_DIR" --target pot_fresh >"$T/build.log" 2>&1 || fail "xgettext failed: $(cat "$T/build.log")"
mi_test_count=$((mi_test_count + 1))
diff -u "$MI_SOURCE_DIR/po/massage-intake.pot" "$MI_BUILD_DIR/po/massage-intake.pot" >"$T/pot.diff" ||
	fail "po/massage-intake.pot is out of date; run cmake --build build --target pot, then msgmerge each .po:
$(head -40 "$T/pot.diff")"

for po in "$MI_SOURCE_DIR"/po/*.po; do
	mi_test_count=$((mi_test_count + 1))
	stats=$(msgmerge --quiet -o - "$po" "$MI_SOURCE_DIR/po/massage-intake.pot" | msgfmt --check --statistics -o /dev/null - 2>&1)
	[[ $stats =~ ^[0-9]+\ translated\ messages\.$ ]] || fail "$(basename "$po") is not complete: $stats"
done

finish
