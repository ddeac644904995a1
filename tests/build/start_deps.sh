#!/usr/bin/env bash
# start_deps.sh - scripts/start on a machine without the test tools:
# scripts/install-deps (without --test) asks for none of them, and the
# program builds, the way scripts/start builds it, where pkg-config cannot
# find cmocka (nor the curses form and menu libraries, which it does not
# use), or with BUILD_TESTING off. The unit tests come back once cmocka is
# there.
source "$(dirname "$0")/../lib/common.sh"
: "${MI_SOURCE_DIR:?MI_SOURCE_DIR must point at the source tree}"

# check STATUS DESCRIPTION: counts one assertion; fails when STATUS is not 0.
check() {
	mi_test_count=$((mi_test_count + 1))
	[[ $1 -eq 0 ]] || fail "$2"
}

run "$MI_SOURCE_DIR/scripts/install-deps" --list
expect_rc 0 "install-deps --list"
for tool in libcmocka-dev tmux clang valgrind lintian poppler-utils; do
	expect_out_lacks "$tool" "install-deps without --test"
done
expect_out_has "libncurses-dev" "install-deps without --test"
run "$MI_SOURCE_DIR/scripts/install-deps" --test --list
for tool in libcmocka-dev tmux clang valgrind lintian; do
	expect_out_has "$tool" "install-deps --test"
done

# Every pkg-config module of this machine but cmocka, form and menu.
mkdir "$T/pc"
IFS=: read -r -a pc_path <<<"$(pkg-config --variable pc_path pkg-config)"
for dir in "${pc_path[@]}"; do
	for pc in "$dir"/*.pc; do
		name=$(basename "$pc" .pc)
		[[ -e $pc && ! $name =~ ^(cmocka|formw?|menuw?)$ && ! -e "$T/pc/$name.pc" ]] &&
			ln -s "$pc" "$T/pc/"
	done
done
for module in cmocka formw menuw; do
	PKG_CONFIG_LIBDIR="$T/pc" pkg-config --exists "$module"
	check $((!$?)) "$module is still visible to pkg-config"
done

# The program builds and runs; one test says the unit tests are missing.
export PKG_CONFIG_LIBDIR="$T/pc"
BUILD_TYPE=Debug TARGET=massage-intake "$MI_SOURCE_DIR/scripts/build" "$T/b" >"$T/build.log" 2>&1
check $? "the program does not build without cmocka, formw and menuw: $(tail -n 20 "$T/build.log")"
grep -q "cmocka is missing" "$T/build.log"
check $? "configuring without cmocka gives no warning"
run "$T/b/bin/massage-intake" rules
expect_rc 0 "the program built without cmocka"
expect_out_has "rules version: " "the program built without cmocka finds its rules"
tests=$(ctest --test-dir "$T/b" -N)
grep -q "unit/cmocka_missing" <<<"$tests" && ! grep -q "unit/test_" <<<"$tests"
check $? "without cmocka, no unit test but the one that says so: $tests"
run ctest --test-dir "$T/b" -R cmocka_missing --output-on-failure
expect_rc 8 "the test that says cmocka is missing fails"
expect_out_has "run scripts/install-deps --test" "and says how to get it"

# cmocka installed afterwards: the same tree gets its unit tests.
unset PKG_CONFIG_LIBDIR
cmake "$T/b" >/dev/null 2>&1
tests=$(ctest --test-dir "$T/b" -N)
grep -q "unit/test_answers" <<<"$tests" && ! grep -q "unit/cmocka_missing" <<<"$tests"
check $? "with cmocka back, the unit tests are not there: $tests"

# BUILD_TESTING off: configures without looking for any test tool.
PKG_CONFIG_LIBDIR="$T/pc" cmake -S "$MI_SOURCE_DIR" -B "$T/off" -DBUILD_TESTING=OFF >"$T/off.log" 2>&1
check $? "configuring with BUILD_TESTING off fails: $(tail -n 20 "$T/off.log")"
! grep -q "cmocka" "$T/off.log"
check $? "BUILD_TESTING off still looks for cmocka"
grep -q "Total Tests: 0" <<<"$(ctest --test-dir "$T/off" -N)"
check $? "BUILD_TESTING off still has tests"

finish
