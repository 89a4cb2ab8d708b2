#!/usr/bin/env bash
# The Oracle's own database role (SEC.dbrole): it may log in, read and add rows to its two tables and take their
# ids from their sequences; nothing else (no UPDATE, DELETE or TRUNCATE, no DDL, no other table), and it is never
# a superuser. Its name and password come from ORACLE_DB_USER and ORACLE_DB_PASSWORD (infrastructure/.env). The
# image's entrypoint runs this after 01-schema.sql on an empty data directory; migrate.sh runs it on every start,
# so an older database gains the role and a changed password or a widened grant is set back. Idempotent, in one
# transaction.
set -euo pipefail
# ORACLE_DB_PASSWORD_FILE (a Docker secret) stands for ORACLE_DB_PASSWORD, as POSTGRES_PASSWORD_FILE does for the image.
if [ -n "${ORACLE_DB_PASSWORD_FILE:-}" ]; then
  [ -z "${ORACLE_DB_PASSWORD:-}" ] || { echo "02-oracle-role.sh: both ORACLE_DB_PASSWORD and ORACLE_DB_PASSWORD_FILE are set; set one" >&2; exit 1; }
  ORACLE_DB_PASSWORD=$(<"$ORACLE_DB_PASSWORD_FILE")
fi
: "${ORACLE_DB_USER:?set ORACLE_DB_USER in infrastructure/.env}"
: "${ORACLE_DB_PASSWORD:?set ORACLE_DB_PASSWORD in infrastructure/.env}"

# The values reach SQL as psql variables, quoted by format(%I, %L), never pasted into the statement text.
psql -v ON_ERROR_STOP=1 -q --no-psqlrc --single-transaction --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v role="$ORACLE_DB_USER" -v password="$ORACLE_DB_PASSWORD" -v database="$POSTGRES_DB" <<'SQL'
SELECT format('CREATE ROLE %I', :'role') WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'role') \gexec
SELECT format('ALTER ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS NOINHERIT PASSWORD %L', :'role', :'password') \gexec
SELECT format('GRANT CONNECT ON DATABASE %I TO %I', :'database', :'role') \gexec
SELECT format('GRANT USAGE ON SCHEMA public TO %I', :'role') \gexec
SELECT format('REVOKE ALL ON ALL TABLES IN SCHEMA public FROM %I', :'role') \gexec
SELECT format('REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM %I', :'role') \gexec
SELECT format('GRANT SELECT, INSERT ON oracle_suggestions, insights TO %I', :'role') \gexec
SELECT format('GRANT USAGE ON SEQUENCE oracle_suggestions_id_seq, insights_id_seq TO %I', :'role') \gexec
SQL
