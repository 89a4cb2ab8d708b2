#!/usr/bin/env bash
# Entrypoint of the offline postgres:15-bookworm stand-in (infrastructure/offline/postgres-15-bookworm).
# Follows the official image's docker-entrypoint.sh contract:
#   POSTGRES_PASSWORD[_FILE]   required unless POSTGRES_HOST_AUTH_METHOD=trust
#   POSTGRES_USER[_FILE]       default postgres
#   POSTGRES_DB[_FILE]         default = POSTGRES_USER
#   POSTGRES_INITDB_ARGS       extra initdb arguments
#   POSTGRES_HOST_AUTH_METHOD  auth for remote hosts (default scram-sha-256)
#   PGDATA                     default /var/lib/postgresql/data
#   /docker-entrypoint-initdb.d/*.sh|*.sql|*.sql.gz|*.sql.xz|*.sql.zst run once, on an empty PGDATA
# Runs as root only to fix ownership, then re-execs itself as postgres (uid 999) and
# finally exec's postgres, so SIGINT/SIGTERM from `docker stop` shut it down cleanly (exit 0).
set -Eeo pipefail

log() { printf '%s: %s\n' "docker-entrypoint.sh" "$*"; }
die() { printf '%s: error: %s\n' "docker-entrypoint.sh" "$*" >&2; exit 1; }

# file_env VAR [DEFAULT]: VAR or VAR_FILE (Docker secrets), not both.
file_env() {
  local var="$1" fileVar="${1}_FILE" def="${2:-}" val
  if [ "${!var:-}" ] && [ "${!fileVar:-}" ]; then die "both $var and $fileVar are set (but are exclusive)"; fi
  val="$def"
  if [ "${!var:-}" ]; then val="${!var}"; elif [ "${!fileVar:-}" ]; then val="$(< "${!fileVar}")"; fi
  export "$var"="$val"
  unset "$fileVar"
}

setup_env() {
  file_env POSTGRES_PASSWORD
  file_env POSTGRES_USER postgres
  file_env POSTGRES_DB "$POSTGRES_USER"
  file_env POSTGRES_INITDB_ARGS
  : "${POSTGRES_HOST_AUTH_METHOD:=}"
  export PGDATA="${PGDATA:-/var/lib/postgresql/data}"
  DATABASE_ALREADY_EXISTS=
  if [ -s "$PGDATA/PG_VERSION" ]; then DATABASE_ALREADY_EXISTS=true; fi
}

create_db_directories() {
  local user; user="$(id -u)"
  mkdir -p "$PGDATA"
  chmod 00700 "$PGDATA" || :
  mkdir -p /var/run/postgresql || :
  chmod 03775 /var/run/postgresql || :
  if [ "$user" = 0 ]; then
    find "$PGDATA" \! -user postgres -exec chown postgres: '{}' +
    find /var/run/postgresql \! -user postgres -exec chown postgres: '{}' +
  fi
}

verify_minimum_env() {
  if [ -z "$POSTGRES_PASSWORD" ] && [ "$POSTGRES_HOST_AUTH_METHOD" != trust ]; then
    cat >&2 <<'EOM'
docker-entrypoint.sh: error: Database is uninitialized and superuser password is not specified.
       You must specify POSTGRES_PASSWORD to a non-empty value for the
       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".

       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all
       connections without a password. This is *not* recommended.
EOM
    exit 1
  fi
  if [ "${#POSTGRES_PASSWORD}" -ge 100 ]; then
    log "warning: POSTGRES_PASSWORD is 100+ characters; md5 auth may truncate it"
  fi
  if [ "$POSTGRES_HOST_AUTH_METHOD" = trust ]; then
    log "warning: POSTGRES_HOST_AUTH_METHOD=trust: every remote host may connect without a password"
  fi
}

init_database_dir() {
  # shellcheck disable=SC2086
  initdb --username="$POSTGRES_USER" --pwfile=<(printf '%s\n' "$POSTGRES_PASSWORD") $POSTGRES_INITDB_ARGS
}

setup_hba_conf() {
  local auth="${POSTGRES_HOST_AUTH_METHOD}"
  if [ -z "$auth" ]; then
    # PostgreSQL 14+ defaults to scram-sha-256 (md5 also works if password_encryption=md5)
    auth="$(postgres -C password_encryption "$@" 2>/dev/null || echo scram-sha-256)"
  fi
  { printf '\n'; printf 'host all all all %s\n' "$auth"; } >> "$PGDATA/pg_hba.conf"
}

temp_server_start() {
  # only the unix socket: nothing outside the container can connect during init
  PGUSER="$POSTGRES_USER" pg_ctl -D "$PGDATA" -o "$(printf '%q ' -c listen_addresses='' -p "${PGPORT:-5432}" "$@")" -w start
}
temp_server_stop() { PGUSER="$POSTGRES_USER" pg_ctl -D "$PGDATA" -m fast -w stop; }

psql_cmd() {
  local -a args=(psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --no-password --no-psqlrc)
  PGHOST='' PGHOSTADDR='' "${args[@]}" "$@"
}

setup_db() {
  local exists
  exists="$(psql_cmd --dbname postgres --set db="$POSTGRES_DB" --tuples-only <<<"SELECT 1 FROM pg_database WHERE datname = :'db';")"
  if [ -z "${exists// /}" ]; then
    psql_cmd --dbname postgres --set db="$POSTGRES_DB" <<<'CREATE DATABASE :"db" ;'
    log "created database $POSTGRES_DB"
  fi
}

process_init_files() {
  local f
  for f in "$@"; do
    case "$f" in
      *.sh)
        if [ -x "$f" ]; then log "running $f"; "$f"
        else log "sourcing $f"; # shellcheck disable=SC1090
          . "$f"; fi ;;
      *.sql)     log "running $f"; psql_cmd --dbname "$POSTGRES_DB" -f "$f" ;;
      *.sql.gz)  log "running $f"; gunzip -c "$f" | psql_cmd --dbname "$POSTGRES_DB" ;;
      *.sql.xz)  log "running $f"; xzcat "$f" | psql_cmd --dbname "$POSTGRES_DB" ;;
      *.sql.zst) log "running $f"; zstd -dc "$f" | psql_cmd --dbname "$POSTGRES_DB" ;;
      *)         log "ignoring $f" ;;
    esac
  done
}

main() {
  # `docker run postgres:15-bookworm -c shared_buffers=256MB` means: postgres -c ...
  if [ "${1:0:1}" = '-' ]; then set -- postgres "$@"; fi

  if [ "$1" = postgres ] && [ "${2:-}" != '--help' ] && [ "${2:-}" != '--describe-config' ]; then
    setup_env
    create_db_directories
    if [ "$(id -u)" = 0 ]; then
      # drop to postgres (uid 999) and start over
      exec setpriv --reuid=postgres --regid=postgres --init-groups "${BASH_SOURCE[0]}" "$@"
    fi

    if [ -z "$DATABASE_ALREADY_EXISTS" ]; then
      verify_minimum_env
      ls /docker-entrypoint-initdb.d/ >/dev/null  # fail early if it is not readable
      init_database_dir
      setup_hba_conf "${@:2}"
      export PGPASSWORD="${PGPASSWORD:-$POSTGRES_PASSWORD}"
      temp_server_start "${@:2}"
      setup_db
      shopt -s nullglob
      process_init_files /docker-entrypoint-initdb.d/*
      shopt -u nullglob
      temp_server_stop
      unset PGPASSWORD
      log "PostgreSQL init process complete; ready for start up."
    else
      log "PostgreSQL Database directory appears to contain a database; Skipping initialization"
    fi
  fi

  exec "$@"
}

main "$@"
