#!/usr/bin/env bash
# deb.sh - the Debian package: CPack builds it from this build tree, lintian
# checks it, dpkg installs it into a scratch root whose package records hold
# this machine's copies of the libraries it depends on, then upgrades and
# purges it there; the installed program is tried on the commands a front
# desk uses and on the order it looks up its data files in.
source "$(dirname "$0")/../lib/common.sh"
: "${MI_BUILD_DIR:?MI_BUILD_DIR must point at the build tree}"
EX="$MI_FIXTURES/examples"
version=$("$MI" --version | sed -n 's/^massage-intake //p')

# check CONDITION_STATUS DESCRIPTION: counts one assertion; fails when the
# preceding command (given as its status) failed.
check() {
	mi_test_count=$((mi_test_count + 1))
	[[ $1 -eq 0 ]] || fail "$2"
}

# ---- Build -----------------------------------------------------------------
grep -q 'CPACK_PACKAGING_INSTALL_PREFIX "/usr"' "$MI_BUILD_DIR/CPackConfig.cmake"
check $? "the build tree is not configured with CMAKE_INSTALL_PREFIX=/usr (scripts/build does that)"
# cpack first builds the tree, while other tests read its data files:
# that build must leave them as they are.
data_before=$(stat -c '%n %Y.%y' "$MI_BUILD_DIR"/share/massage-intake/*)
if ! cpack --config "$MI_BUILD_DIR/CPackConfig.cmake" -B "$T/pkg" >"$T/cpack.log" 2>&1; then
	cat "$T/cpack.log" >&2
	fail "cpack could not build the package"
	finish
	exit
fi
[[ $(stat -c '%n %Y.%y' "$MI_BUILD_DIR"/share/massage-intake/*) == "$data_before" ]]
check $? "building the package rewrote the build tree's data files"
deb=$(echo "$T"/pkg/massage-intake_*_*.deb)
echo "built $(basename "$deb")"
field() { dpkg-deb -f "$deb" "$1"; }

# ---- Control fields ----------------------------------------------------------
[[ $(field Package) == massage-intake && $(field Version) == "$version"-* ]]
check $? "package name and version: $(field Package) $(field Version), program $version"
depends=$(field Depends)
echo "Depends: $depends"
# Only libraries to run with: no headers, no compilers, no test tools.
! grep -qE '(^|[ ,|])([^ ,|]*-dev|gcc[^ ,]*|g\+\+|clang[^ ,]*|cpp|make|cmake|pkg-config|build-essential|libcmocka[^ ,]*|valgrind|tmux)([ ,|(]|$)' <<<"$depends"
check $? "Depends names a build or test tool: $depends"
dep_names=$(sed 's/([^)]*)//g; s/[,|]/ /g' <<<"$depends")

# Every library the program links is provided by a package it depends on.
dpkg-deb -x "$deb" "$T/unpacked"
bin="$T/unpacked/usr/bin/massage-intake"
for lib in $(readelf -dW "$bin" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'); do
	path=$(ldd "$bin" | awk -v lib="$lib" '$1 == lib { print $3 }')
	owner=$(dpkg -S "$path" 2>/dev/null || dpkg -S "$(realpath "$path")" 2>/dev/null)
	owner=${owner%%:*}
	mi_test_count=$((mi_test_count + 1))
	[[ -n $owner ]] && grep -qw -- "$owner" <<<"$dep_names" ||
		fail "$lib ($path, package '${owner:-none}') is linked but its package is not in Depends"
done

# ---- Files -------------------------------------------------------------------
dpkg-deb -c "$deb" >"$T/contents"
for path in ./usr/bin/massage-intake ./usr/share/massage-intake/rules.conf ./usr/share/massage-intake/intake.conf \
	./usr/share/massage-intake/medications.conf ./usr/share/massage-intake/aftercare.conf \
	./usr/share/man/man1/massage-intake.1.gz ./usr/share/doc/massage-intake/copyright \
	./usr/share/doc/massage-intake/changelog.Debian.gz ./etc/massage-intake/README \
	./usr/share/locale/es/LC_MESSAGES/massage-intake.mo ./usr/share/locale/fr_CA/LC_MESSAGES/massage-intake.mo \
	./usr/share/massage-intake/massage-intake.pot \
	./usr/share/massage-intake/lang/es/intake.conf ./usr/share/massage-intake/lang/es/rules.conf \
	./usr/share/massage-intake/lang/es/aftercare.conf ./usr/share/massage-intake/lang/fr_CA/intake.conf \
	./usr/share/massage-intake/lang/fr_CA/rules.conf ./usr/share/massage-intake/lang/fr_CA/aftercare.conf; do
	grep -qE " $path\$" "$T/contents"
	check $? "the package lacks $path"
done
not_root=$(awk '$2 != "root/root"' "$T/contents")
[[ -z $not_root ]]
check $? "files not owned by root: $not_root"
grep -E '^-rwxr-xr-x .* \./usr/bin/massage-intake$' -q "$T/contents"
check $? "the program is not mode 0755"

gzip -t "$T/unpacked/usr/share/man/man1/massage-intake.1.gz" &&
	grep -q '^\.TH MASSAGE-INTAKE 1' <<<"$(zcat "$T/unpacked/usr/share/man/man1/massage-intake.1.gz")"
check $? "the manual is not a gzipped man page"
copyright="$T/unpacked/usr/share/doc/massage-intake/copyright"
[[ $(head -n 1 "$copyright") == "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/" ]] &&
	grep -qx 'Files: \*' "$copyright" && grep -qx 'License: Expat' "$copyright" &&
	grep -qx ' Permission is hereby granted, free of charge, to any person obtaining a copy' "$copyright"
check $? "copyright is not a machine-readable (DEP-5) file with the Expat licence"
zcat "$T/unpacked/usr/share/doc/massage-intake/changelog.Debian.gz" >"$T/changelog"
[[ $(dpkg-parsechangelog -l "$T/changelog" -S Version) == "$(field Version)" ]]
check $? "changelog.Debian's top entry is not for version $(field Version)"

# Conffiles: exactly the files the package puts in /etc.
dpkg-deb -e "$deb" "$T/control"
diff <(sort "$T/control/conffiles") <(awk '$6 ~ /^\.\/etc\/.*[^\/]$/ { print substr($6, 2) }' "$T/contents" | sort) >&2
check $? "the conffiles and the files in /etc differ"

# Hardening: PIE, full RELRO, stack protector, checked libc calls.
header=$(readelf -hW "$bin") dynamic=$(readelf -dW "$bin") segments=$(readelf -lW "$bin")
symbols=$(readelf --dyn-syms -W "$bin")
grep -q 'Type: *DYN' <<<"$header" && grep -q 'FLAGS_1.*PIE' <<<"$dynamic"
check $? "the program is not a position-independent executable"
grep -q GNU_RELRO <<<"$segments" && grep -qE 'BIND_NOW|FLAGS_1.*NOW' <<<"$dynamic"
check $? "the program lacks full RELRO (GNU_RELRO and BIND_NOW)"
grep -q '__stack_chk_fail' <<<"$symbols"
check $? "the program is built without the stack protector"
grep -qE '__(memcpy|snprintf|printf|fprintf)_chk' <<<"$symbols"
check $? "the program is built without _FORTIFY_SOURCE"

# ---- lintian -----------------------------------------------------------------
# Errors and warnings fail; informational tags are shown. The one warning
# overridden is explained in packaging/debian/lintian-overrides.
lintian --fail-on error,warning --display-info "$deb" >"$T/lintian.log" 2>&1
check $? "lintian: $(cat "$T/lintian.log")"
grep -v 'root privileges' "$T/lintian.log"

# ---- Install into a scratch root ---------------------------------------------
# dpkg --root checks Depends against the scratch root's records, which hold
# this machine's records of exactly the packages the package depends on.
R="$T/root"
mkdir -p "$R/var/lib/dpkg/info" "$R/var/lib/dpkg/updates" "$R/var/lib/dpkg/triggers"
# shellcheck disable=SC2086
dpkg-query -s $dep_names >"$R/var/lib/dpkg/status"
check $? "a package the package depends on is not installed here: $dep_names"
# shellcheck disable=SC2086
for pkg in $(dpkg-query -W -f '${binary:Package}\n' $dep_names); do
	: >"$R/var/lib/dpkg/info/$pkg.list"
done
dpkg_root=(dpkg --root="$R" --force-confold)
[[ $(id -u) -eq 0 ]] || dpkg_root+=(--force-not-root)
"${dpkg_root[@]}" -i "$deb" >"$T/dpkg.log" 2>&1
check $? "dpkg cannot install the package: $(cat "$T/dpkg.log")"
grep -qx ' /etc/massage-intake/README [0-9a-f]*' <<<"$("${dpkg_root[@]}" -s massage-intake)"
check $? "dpkg did not record /etc/massage-intake/README as a conffile"

# ---- The installed program -----------------------------------------------------
P="$R/usr/bin/massage-intake"
shipped_version=$(sed -n 's/^version = //p' "$R/usr/share/massage-intake/rules.conf")
run "$P" --version
expect_rc 0 "installed --version"
expect_out_has "massage-intake $version" "installed --version"
run "$P" rules
expect_out_has "rules version: $shipped_version (" "the shipped rules from /usr/share/massage-intake"
# The installed copy finds its catalogues in /usr/share/locale and its
# overlays in /usr/share/massage-intake/lang, and they are complete.
run "$P" check-translations
expect_rc 0 "installed check-translations"
expect_out_has "es: complete" "the installed Spanish is complete"
expect_out_has "fr_CA: complete" "the installed Canadian French is complete"
for f in "$EX"/0[1-4]-*.json; do
	run "$P" screen "$f"
	installed=$out
	run "$MI" screen "$f"
	mi_test_count=$((mi_test_count + 1))
	[[ $installed == "$out" && $installed == "outcome: "* ]] ||
		fail "installed screen $(basename "$f") differs from the build tree's: $installed"
done
run "$P" intake --answers "$EX/02-modify-blood-thinner.json"
expect_rc 0 "installed intake into the default database"
visit=$out
run "$P" show "$visit"
expect_out_has "outcome: modify" "installed show"
run "$P" aftercare "$visit"
expect_rc 0 "installed aftercare"
expect_out_has "Your massage on" "the aftercare text from the shipped template"
installed=$out
run "$MI" aftercare "$visit"
mi_test_count=$((mi_test_count + 1))
[[ $installed == "$out" ]] || fail "installed aftercare differs from the build tree's"
run "$P" aftercare "$visit" --format pdf -o "$T/a.pdf"
expect_rc 0 "installed aftercare PDF"
grep -q '^Pages: *1$' <<<"$(pdfinfo "$T/a.pdf")"
check $? "the installed program's PDF is not one page"

# ---- Where the data files come from, file by file --------------------------------
# with_version SOURCE DEST VERSION: a copy of the rules with another version.
with_version() {
	mkdir -p "$(dirname "$2")"
	sed "s/^version = .*/version = $3/" "$1" >"$2"
}
shipped="$R/usr/share/massage-intake"
with_version "$shipped/rules.conf" "$R/etc/massage-intake/rules.conf" clinic-1
run "$P" rules
expect_out_has "rules version: clinic-1 (" "rules.conf from /etc/massage-intake beats the shipped one"
with_version "$shipped/rules.conf" "$XDG_CONFIG_HOME/massage-intake/rules.conf" user-1
run "$P" rules
expect_out_has "rules version: user-1 (" "rules.conf from the user's config folder beats /etc"
with_version "$shipped/rules.conf" "$T/given/rules.conf" given-1
run "$P" --data "$T/given" rules
expect_out_has "rules version: given-1 (" "--data beats the user's config folder"
# Each file on its own: --data holds only rules.conf, so the aftercare
# template comes from /etc and the medications from /usr/share.
sed 's/^subtitle: Your massage on/subtitle: Your visit to our clinic on/' \
	"$shipped/aftercare.conf" >"$R/etc/massage-intake/aftercare.conf"
run "$P" --data "$T/given" aftercare "$visit"
expect_out_has "Your visit to our clinic on" "aftercare.conf from /etc with rules from --data"
run "$P" --data "$T/given" screen "$EX/02-modify-blood-thinner.json"
expect_out_has "anticoagulant" "the shipped medications.conf alongside"
rm "$XDG_CONFIG_HOME/massage-intake/rules.conf" "$R/etc/massage-intake/rules.conf"
run "$P" rules
expect_out_has "rules version: $shipped_version (" "back to the shipped rules once the copies are gone"

# ---- Upgrade and purge -----------------------------------------------------------
# An upgrade keeps a changed conffile and the clinic's own files; a purge
# removes the package's files, never the clinic's.
echo "# Our clinic: ask Sam before changing these." >>"$R/etc/massage-intake/README"
cpack --config "$MI_BUILD_DIR/CPackConfig.cmake" -B "$T/pkg2" -D CPACK_DEBIAN_PACKAGE_RELEASE=999 \
	>"$T/cpack.log" 2>&1
check $? "cpack could not build the upgrade: $(cat "$T/cpack.log")"
"${dpkg_root[@]}" -i "$T"/pkg2/massage-intake_*-999_*.deb >"$T/dpkg.log" 2>&1
check $? "dpkg cannot upgrade the package: $(cat "$T/dpkg.log")"
grep -qx "Version: $version-999" <<<"$("${dpkg_root[@]}" -s massage-intake)"
check $? "the upgrade is not installed"
grep -q 'ask Sam' "$R/etc/massage-intake/README"
check $? "the upgrade lost the change to /etc/massage-intake/README"
run "$P" --data "$T/given" aftercare "$visit"
expect_out_has "Your visit to our clinic on" "the clinic's aftercare.conf after the upgrade"
"${dpkg_root[@]}" --purge massage-intake >"$T/dpkg.log" 2>&1
check $? "dpkg cannot purge the package: $(cat "$T/dpkg.log")"
[[ ! -e $P && ! -e "$R/etc/massage-intake/README" && -f "$R/etc/massage-intake/aftercare.conf" ]]
check $? "purge left the package's files or removed the clinic's"

finish
