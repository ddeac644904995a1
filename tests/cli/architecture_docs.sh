#!/usr/bin/env bash
# architecture_docs.sh - docs/architecture.md lists every module of the
# application layer (src/app/*.c) with a header that exists, so the page
# that says where an act of the clinic is defined keeps up with the code.
source "$(dirname "$0")/../lib/common.sh"
doc="$MI_SOURCE_DIR/docs/architecture.md"
for source in "$MI_SOURCE_DIR"/src/app/*.c; do
	module=$(basename "$source" .c)
	header=$(grep -o "^| \`$module\\.c\` | \`[a-z_]*\\.h\` |" "$doc" | sed 's/.*| `\([a-z_]*\.h\)` |$/\1/')
	mi_test_count=$((mi_test_count + 1))
	[[ -n $header && -f $MI_SOURCE_DIR/include/mi/$header ]] ||
		fail "docs/architecture.md has no row for src/app/$module.c with its header"
	mi_test_count=$((mi_test_count + 1))
	grep -qF "#include \"mi/$header\"" "$source" ||
		fail "src/app/$module.c does not include the header its row names ($header)"
done
finish
