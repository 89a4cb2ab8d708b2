#!/usr/bin/env bash
# restore.sh — restore a backup made by backup.sh into the running NPS stack.
#
#   infrastructure/scripts/restore.sh infrastructure/volumes/backups/nps-YYYYmmdd-HHMMSS.dump
#
# 1. refuses a missing, empty or corrupt file (pg_restore --list and a full read inside nps-postgres, the
#    file on stdin) and a stack that is not running (nps-postgres running and healthy, nps-oracle created),
#    before it touches anything;
# 2. stops what writes to the database: the Oracle (docker compose stop oracle); the api and the scanner
#    only call the Oracle;
# 3. restores with pg_restore --clean --if-exists --single-transaction --no-owner --exit-on-error inside
#    nps-postgres (the file on stdin of docker exec -i), as POSTGRES_USER on POSTGRES_DB from
#    infrastructure/.env (.env.example when there is no .env): one transaction, so a failure rolls back
#    and the database is exactly as it was — never half-restored;
# 4. starts the Oracle again (docker compose start oracle) and waits until the engine calls it healthy
#    (at most 90 s).
# It says what it does, step by step, on stderr. Exit 0 only when the backup was restored and the Oracle is
# healthy again; 1 otherwise, saying whether the database was changed.
#
# The Oracle keeps the records it acknowledged but had not stored yet in a local spool and replays them
# when it starts; every row carries a unique record_key, so a replayed record that is already in the
# backup is not stored twice (records acknowledged after the backup was made are stored again).
set -euo pipefail
# shellcheck source=stack-env.sh
source "$(dirname "${BASH_SOURCE[0]}")/stack-env.sh"
SELF=restore.sh
say() { printf '%s%s:%s %s\n' "$BOLD" "$SELF" "$RESET" "$*" >&2; }
die() { printf '%s%s: %s%s\n' "$RED" "$SELF" "$*" "$RESET" >&2; exit 1; }
HEALTHY_WITHIN=90

[ $# -eq 1 ] || die "usage: restore.sh PATH (a backup made by infrastructure/scripts/backup.sh)"
backup=$1
[ -e "$backup" ] || die "no such file: $backup"
[ -f "$backup" ] || die "not a regular file: $backup"
[ -r "$backup" ] || die "cannot read $backup"
[ -s "$backup" ] || die "the backup is empty: $backup"

read_database_settings
require_healthy_postgres
ORACLE=$(container_of oracle)
oracle_state=$("$DOCKER" inspect --format '{{.State.Status}}' "$ORACLE" 2>/dev/null) \
  || die "the stack is not running ($ORACLE does not exist); start it with infrastructure/scripts/up.sh"

errors=$(mktemp)
trap 'rm -f "$errors"' EXIT
one_line() { tr '\n' ' ' <"$errors" | sed 's/ *$//'; }

say "1/4 checking $backup (pg_restore --list and a full read in $POSTGRES)"
if ! entries=$("$DOCKER" exec -i "$POSTGRES" pg_restore --list <"$backup" 2>"$errors"); then
  die "not a backup pg_restore can read (corrupt, or not made by backup.sh): $backup: $(one_line)"
fi
if ! "$DOCKER" exec -i "$POSTGRES" pg_restore -f /dev/null <"$backup" 2>"$errors"; then
  die "the backup is incomplete (pg_restore cannot read it to the end): $backup: $(one_line)"
fi
say "    $(grep -c ' TABLE DATA ' <<<"$entries" || true) tables with data, $(grep -vc '^;' <<<"$entries" || true) entries"

say "2/4 stopping the Oracle, the only service that writes to the database (docker compose stop oracle; it was $oracle_state)"
# From here on the Oracle must be started again, whatever happens (an interrupted run included).
oracle_stopped=1
trap 'rm -f "$errors"; if [ "$oracle_stopped" = 1 ]; then compose start oracle >/dev/null 2>&1 || true; fi' EXIT
compose stop oracle >&2 2>"$errors" || die "docker compose stop oracle failed, nothing restored: $(one_line)"

start_oracle() {
  oracle_stopped=0
  say "4/4 starting the Oracle again (docker compose start oracle) and waiting until it is healthy (at most ${HEALTHY_WITHIN} s)"
  if ! compose start oracle >&2 2>"$errors"; then
    say "${RED}docker compose start oracle failed: $(one_line)${RESET}"
    return 1
  fi
  local started health
  started=$(date +%s)
  while :; do
    health=$("$DOCKER" inspect --format '{{if .State.Health}}{{.State.Health.Status}}{{else}}{{.State.Status}}{{end}}' "$ORACLE" 2>/dev/null || echo missing)
    if [ "$health" = healthy ]; then
      say "    the Oracle is healthy after $(($(date +%s) - started)) s"
      return 0
    fi
    if (($(date +%s) - started >= HEALTHY_WITHIN)); then
      say "${RED}the Oracle was started again but is not healthy after ${HEALTHY_WITHIN} s ($health); see docker logs $ORACLE${RESET}"
      return 1
    fi
    sleep 1
  done
}

say "3/4 restoring into $POSTGRES_DB as $POSTGRES_USER (pg_restore --clean --if-exists --single-transaction --no-owner --exit-on-error)"
if ! "$DOCKER" exec -i "$POSTGRES" pg_restore --clean --if-exists --single-transaction --no-owner --exit-on-error \
  -U "$POSTGRES_USER" -d "$POSTGRES_DB" <"$backup" 2>"$errors"; then
  say "${RED}pg_restore failed: $(one_line)${RESET}"
  say "${RED}restore failed; the database is unchanged (the restore ran in one transaction, which was rolled back)${RESET}"
  start_oracle || true
  exit 1
fi
count() {
  "$DOCKER" exec "$POSTGRES" psql -U "$POSTGRES_USER" -d "$POSTGRES_DB" -Atc "SELECT count(*) FROM $1" 2>/dev/null || echo "?"
}
say "${GREEN}restored $(count oracle_suggestions) rows of oracle_suggestions and $(count insights) of insights from $backup${RESET}"

start_oracle || die "restored, but the Oracle is not healthy again"
say "${GREEN}done: $backup restored and the Oracle healthy again${RESET}"
