#!/usr/bin/env bash
# migrate.sh — bring the running stack's database schema up to date.
#
#   infrastructure/scripts/migrate.sh
#
# Re-applies infrastructure/postgres/init/* (the .sql files and the .sh scripts, in name order) in the
# postgres container, as the database's owner. Those files are idempotent (CREATE ... IF NOT EXISTS,
# ADD COLUMN IF NOT EXISTS, the Oracle's role created when missing and its grants set again), so a
# database made by an older version of the stack gains what it lacks (the record_key columns, the
# Oracle's own role) and an up-to-date one is left as it is. up.sh runs it once postgres is healthy,
# before the Oracle starts. Records the Oracle could not store meanwhile wait in its spool.
set -euo pipefail
# shellcheck source=stack-env.sh
source "$(dirname "${BASH_SOURCE[0]}")/stack-env.sh"
SELF=migrate.sh
say() { printf '%s%s:%s %s\n' "$BOLD" "$SELF" "$RESET" "$*" >&2; }
die() { printf '%s%s: %s%s\n' "$RED" "$SELF" "$*" "$RESET" >&2; exit 1; }

read_database_settings
require_healthy_postgres

apply_database_files "$POSTGRES"
say "schema up to date (the files of infrastructure/postgres/init applied to $POSTGRES_DB)"
