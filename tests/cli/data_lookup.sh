#!/usr/bin/env bash
# data_lookup.sh - where the data files come from. Each of rules.conf,
# medications.conf and aftercare.conf is looked up on its own in --data DIR
# (or $MASSAGE_INTAKE_DATA), the user's config folder, PREFIX/etc/massage-intake
# and the shipped PREFIX/share/massage-intake, PREFIX being the folder above
# the binary's bin/. The test copies the built program into such a layout.
source "$(dirname "$0")/../lib/common.sh"
EX="$MI_FIXTURES/examples"
# Apart from ~/.config, to tell the two apart.
export XDG_CONFIG_HOME="$T/config"
prefix="$T/prefix"
mkdir -p "$prefix/bin" "$prefix/share"
cp "$MI" "$prefix/bin/massage-intake"
cp -r "$(dirname "$MI")/../share/massage-intake" "$prefix/share/"
P="$prefix/bin/massage-intake"
shipped="$prefix/share/massage-intake"
system="$prefix/etc/massage-intake"
user="$XDG_CONFIG_HOME/massage-intake"
shipped_version=$(sed -n 's/^version = //p' "$shipped/rules.conf")

# with_version FOLDER VERSION: a copy of the shipped rules with another version.
with_version() {
	mkdir -p "$1"
	sed "s/^version = .*/version = $2/" "$shipped/rules.conf" >"$1/rules.conf"
}

run "$P" rules
expect_rc 0 "the shipped rules"
expect_out_has "rules version: $shipped_version (" "the shipped rules beside the binary"
# The build tree works the same way: its share/ is the shipped folder.
run "$MI" rules
expect_out_has "rules version: $shipped_version (" "the build tree's rules"

with_version "$system" system-1
run "$P" rules
expect_out_has "rules version: system-1 (" "PREFIX/etc beats the shipped copy"
with_version "$user" user-1
run "$P" rules
expect_out_has "rules version: user-1 (" "the user's config folder beats PREFIX/etc"
run "$MI" rules
expect_out_has "rules version: user-1 (" "the build tree reads the user's config folder too"
XDG_CONFIG_HOME="" run "$P" rules
expect_out_has "rules version: system-1 (" "an empty XDG_CONFIG_HOME means ~/.config, which has none"
mkdir -p "$HOME/.config"
mv "$user" "$HOME/.config/"
XDG_CONFIG_HOME="" run "$P" rules
expect_out_has "rules version: user-1 (" "~/.config/massage-intake without XDG_CONFIG_HOME"
mv "$HOME/.config/massage-intake" "$user"
with_version "$T/given" given-1
run "$P" --data "$T/given" rules
expect_out_has "rules version: given-1 (" "--data beats the user's config folder"
MASSAGE_INTAKE_DATA="$T/given" run "$P" rules
expect_out_has "rules version: given-1 (" "MASSAGE_INTAKE_DATA beats the user's config folder"
run "$P" --rules "$shipped/rules.conf" --data "$T/given" rules
expect_out_has "rules version: $shipped_version (" "--rules beats every folder"

# Each file on its own: a dictionary only in PREFIX/etc, a template only in
# the user's folder, the rules from --data.
sed 's/^\[class anticoagulant\]$/&\nzorblax/' "$shipped/medications.conf" >"$system/medications.conf"
sed 's/^subtitle: Your massage on/subtitle: Your visit on/' "$shipped/aftercare.conf" >"$user/aftercare.conf"
run "$P" --data "$T/given" screen --json - <<<'{"medications": ["Zorblax 5 mg"]}'
expect_out_has '"rule": "anticoagulant"' "medications.conf from PREFIX/etc with rules from --data"
run "$P" intake --answers "$EX/02-modify-blood-thinner.json"
visit=$out
run "$P" --data "$T/given" aftercare "$visit"
expect_out_has "Your visit on" "aftercare.conf from the user's folder"
rm "$system/medications.conf" "$user/aftercare.conf"

# A copy that is there but broken or unreadable is refused by name, never
# skipped for the next one.
printf 'version = broken\n[rule x]\nlevel = severe\n' >"$user/rules.conf"
run "$P" rules
expect_rc 65 "a broken rules.conf in the user's folder"
expect_err_has "$user/rules.conf:" "the broken file named"
mkdir "$T/given/medications.conf"
run "$P" --data "$T/given" rules
expect_rc 66 "a medications.conf that is a folder"
expect_err_has "$T/given/medications.conf" "the unreadable file named"
run "$P" --data "$T/nowhere" rules
expect_rc 66 "--data naming no folder"
expect_err_has "the data folder $T/nowhere does not exist or is not a folder." "--data naming no folder"
MASSAGE_INTAKE_DATA="$T/nowhere" run "$P" rules
expect_rc 66 "MASSAGE_INTAKE_DATA naming no folder"

# Nothing anywhere but the shipped folder, which is missing a file: the
# shipped path is the one named.
rm -r "$user" "$system"
rm "$shipped/aftercare.conf"
run "$P" aftercare "$visit"
expect_rc 66 "no aftercare.conf anywhere"
expect_err_has "$shipped/aftercare.conf" "the shipped path named"

finish
