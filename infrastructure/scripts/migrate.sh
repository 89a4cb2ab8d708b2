#!/usr/bin/env bash
# migrate.sh — bring the running stack's database schema up to date.
#
#   infrastructure/scripts/migrate.sh
#
# Re-applies infrastructure/postgres/init/*.sql in the postgres container. Those files are
# idempotent (CREATE ... IF NOT EXISTS, ADD COLUMN IF NOT EXISTS), so a database made by an older
# version of the stack gains what it lacks (for example the record_key columns) and an up-to-date
# one is left as it is. up.sh runs it on every start. Records the Oracle could not store meanwhile
# (an old schema) wait in its spool and are stored once the schema is current.
set -euo pipefail
# shellcheck source=stack-env.sh
source "$(dirname "${BASH_SOURCE[0]}")/stack-env.sh"
SELF=migrate.sh
say() { printf '%s%s:%s %s\n' "$BOLD" "$SELF" "$RESET" "$*" >&2; }
die() { printf '%s%s: %s%s\n' "$RED" "$SELF" "$*" "$RESET" >&2; exit 1; }

read_database_settings
require_healthy_postgres

applied=0
for file in "$INFRA_DIR"/postgres/init/*.sql; do
  # NOTICEs ("already exists, skipping") are the normal case here; only warnings and errors are shown.
  "$DOCKER" exec -i -e PGOPTIONS='-c client_min_messages=warning' "$POSTGRES" \
    psql -v ON_ERROR_STOP=1 -q -U "$POSTGRES_USER" -d "$POSTGRES_DB" <"$file" \
    || die "applying $(basename "$file") failed; the statements before the failing one are applied, see above"
  applied=$((applied + 1))
done
say "schema up to date ($applied file(s) of infrastructure/postgres/init applied to $POSTGRES_DB)"
