#!/usr/bin/env bash
# backup.sh — back up the NPS database while the stack runs.
#
#   infrastructure/scripts/backup.sh
#
# 1. checks that an engine answers and nps-postgres is running and healthy;
# 2. runs pg_dump -Fc inside nps-postgres (one transaction, so the dump is a consistent snapshot while
#    the Oracle goes on writing), as POSTGRES_USER on POSTGRES_DB from infrastructure/.env
#    (.env.example when there is no .env);
# 3. writes it to a temporary file in infrastructure/volumes/backups/, checks it with pg_restore --list
#    (inside the container, the file on stdin), then renames it to nps-YYYYmmdd-HHMMSS.dump (UTC), so a
#    failed dump never leaves a file that looks complete.
# Prints the backup's path as the last line of stdout; everything else goes to stderr.
# Restore it with infrastructure/scripts/restore.sh PATH.
set -euo pipefail
# shellcheck source=stack-env.sh
source "$(dirname "${BASH_SOURCE[0]}")/stack-env.sh"
SELF=backup.sh
say() { printf '%s%s:%s %s\n' "$BOLD" "$SELF" "$RESET" "$*" >&2; }
die() { printf '%s%s: %s%s\n' "$RED" "$SELF" "$*" "$RESET" >&2; exit 1; }

read_database_settings
require_healthy_postgres

BACKUP_DIR="$INFRA_DIR/volumes/backups"
# A backup holds the whole database: readable by its owner only, like infrastructure/.env.
umask 077
mkdir -p "$BACKUP_DIR" 2>/dev/null || die "cannot create $BACKUP_DIR"
backup="$BACKUP_DIR/nps-$(date -u +%Y%m%d-%H%M%S).dump"
[ ! -e "$backup" ] || die "$backup already exists (one backup per second); try again"
partial="$backup.partial"
errors=$(mktemp)
one_line() { tr '\n' ' ' <"$errors" | sed 's/ *$//'; }
# Whatever happens before the rename, no partial file stays behind.
trap 'rm -f "$partial" "$errors"' EXIT

say "dumping $POSTGRES_DB as $POSTGRES_USER (pg_dump -Fc in $POSTGRES) to $partial"
if ! "$DOCKER" exec "$POSTGRES" pg_dump -Fc -U "$POSTGRES_USER" -d "$POSTGRES_DB" >"$partial" 2>"$errors"; then
  # pg_dump or the docker CLI's write failed (their message is in $errors), or the shell could not create the file.
  [ -s "$errors" ] || die "writing $partial failed (disk full or not writable?)"
  die "dumping to $partial failed: $(one_line)"
fi
sync "$partial" 2>/dev/null || die "writing $partial failed (disk full?)"
[ -s "$partial" ] || die "pg_dump wrote nothing to $partial"

say "checking it (pg_restore --list in $POSTGRES, then a full read, which a truncated file fails)"
if ! entries=$("$DOCKER" exec -i "$POSTGRES" pg_restore --list <"$partial" 2>"$errors"); then
  die "the dump is not readable by pg_restore: $(one_line)"
fi
if ! "$DOCKER" exec -i "$POSTGRES" pg_restore -f /dev/null <"$partial" 2>"$errors"; then
  die "the dump is incomplete (pg_restore cannot read it to the end): $(one_line)"
fi
tables=$(grep -c ' TABLE DATA ' <<<"$entries" || true)

mv "$partial" "$backup" || die "renaming $partial to $backup failed"
say "${GREEN}backup of $POSTGRES_DB: $(du -h "$backup" | cut -f1), $tables tables with data, $(grep -vc '^;' <<<"$entries" || true) entries${RESET}"
say "restore it with infrastructure/scripts/restore.sh $backup"
printf '%s\n' "$backup"
