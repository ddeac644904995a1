#!/usr/bin/env bash
# The database's sentences a person meets, in the desk's language
# (LANGUAGE=es, LANGUAGE=fr_CA), with the exit status of English: no such
# visit or client, no database yet, one written by a newer version, one
# busy past the 5-second wait (what was being done said in the language).
source "$(dirname "$0")/../lib/common.sh"
source "$(dirname "$0")/../lib/languages.sh"
EX="$MI_FIXTURES/examples/02-modify-blood-thinner.json"

"$MI" intake --answers "$EX" >/dev/null || fail "setup: an intake"
sqlite3 "$MASSAGE_INTAKE_DB" ".backup '$T/newer.db'" || fail "setup: a copy"
sqlite3 "$T/newer.db" "PRAGMA user_version = 999" || fail "setup: a newer schema"

# said LANG DESCRIPTION SENTENCE CMD...: CMD fails in LANG with English's
# exit status and says SENTENCE, not English's sentence.
said() {
	local lang=$1 what=$2 sentence=$3
	shift 3
	run "$@"
	local en_rc=$rc en_err=$err
	in_language "$lang" "$@"
	holds "$lang: $what: exit $rc, English $en_rc" test "$rc" -eq "$en_rc"
	holds "$lang: $what: exit 0" test "$rc" -ne 0
	holds "$lang: $what: not translated: $err" test "$err" != "$en_err"
	expect_err_has "$sentence" "$lang: $what"
}

# LANG|DATABASE|COMMAND|SENTENCE, DATABASE a file in $T or - for the clinic's.
while IFS='|' read -r lang db command sentence; do
	if [[ $db == - ]]; then db=$MASSAGE_INTAKE_DB; else db=$T/$db; fi
	# shellcheck disable=SC2086 # the command's words split on purpose
	said "$lang" "$command in $db" "${sentence//@T@/$T}" env MASSAGE_INTAKE_DB="$db" "$MI" $command
done <<'EOF'
es|-|show 999|massage-intake: no existe la visita 999.
es|-|history 999|massage-intake: no existe el cliente 999.
es|none.db|show 1|massage-intake: todavía no hay base de datos en @T@/none.db.
es|newer.db|clients|la escribió un massage-intake más nuevo (esquema 999;
fr_CA|-|show 999|massage-intake: la visite 999 n’existe pas.
fr_CA|-|history 999|massage-intake: le client 999 n’existe pas.
fr_CA|none.db|show 1|massage-intake: il n’y a pas encore de base de données à @T@/none.db.
fr_CA|newer.db|clients|a été écrite par un massage-intake plus récent (schéma 999;
EOF

# Busy: another program holds the write lock past the 5-second wait; both
# languages wait at once, so the test waits once.
(
	echo "BEGIN IMMEDIATE;"
	echo ".system touch '$T/locked'"
	sleep 8
	echo "ROLLBACK;"
) | sqlite3 "$MASSAGE_INTAKE_DB" &
holder=$!
for _ in $(seq 1 100); do [[ -e "$T/locked" ]] && break; sleep 0.05; done
holds "the lock holder did not start" test -e "$T/locked"
LANGUAGE=es "$MI" intake --answers "$EX" >/dev/null 2>"$T/busy-es" &
busy_es=$!
LANGUAGE=fr_CA "$MI" intake --answers "$EX" >/dev/null 2>"$T/busy-fr_CA" &
busy_fr=$!
wait "$busy_es"
es_rc=$?
wait "$busy_fr"
fr_rc=$?
wait "$holder"
rc=$es_rc err=$(cat "$T/busy-es")
expect_rc 75 "es: intake while locked"
expect_err_has "massage-intake: la base de datos está ocupada (otro programa la mantuvo bloqueada" \
	"es: busy"
expect_err_has "al empezar a escribir; no se cambió nada, vuelva a intentarlo." "es: busy, what was done"
rc=$fr_rc err=$(cat "$T/busy-fr_CA")
expect_rc 75 "fr_CA: intake while locked"
expect_err_has "massage-intake: la base de données est occupée (un autre programme l’a gardée" \
	"fr_CA: busy"
expect_err_has "en voulant commencer à écrire; rien n’a été changé, réessayez." \
	"fr_CA: busy, what was done"

finish
