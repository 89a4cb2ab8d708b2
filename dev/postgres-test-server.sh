#!/usr/bin/env bash
# A throwaway PostgreSQL for the Oracle's tests, on 127.0.0.1.
#
#   dev/postgres-test-server.sh start    # install (apt) if needed, init once, start; fast if running
#   dev/postgres-test-server.sh stop     # fast shutdown; the data stays for the next start
#   dev/postgres-test-server.sh status   # exit 0 if it answers, 3 if not
#   dev/postgres-test-server.sh url      # postgres://nps:nps-test@127.0.0.1:<port>/nps_test?sslmode=disable
#   dev/postgres-test-server.sh destroy  # stop and delete the cluster directory
#
# NPS_TEST_PG_PORT (default 25432, below the kernel's ephemeral port range so a
# client's source port can never take it while the server is stopped) and NPS_TEST_PG_DIR (default /tmp/nps-test-pg)
# choose the port and the cluster directory. The schema comes from the repo's
# infrastructure/postgres/init/*.sql, the same files the postgres container runs.
# If some other PostgreSQL already answers on the port, start uses it as it is
# (it only checks that nps/nps-test can reach nps_test) and stop leaves it alone.
set -euo pipefail

PROG=postgres-test-server
SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$SCRIPT_DIR/.." && pwd)
INIT_SQL_DIR="$REPO_ROOT/infrastructure/postgres/init"

PORT=${NPS_TEST_PG_PORT:-25432}
BASE=${NPS_TEST_PG_DIR:-/tmp/nps-test-pg}
DATA="$BASE/data"
LOGFILE="$BASE/postgres.log"
# Holds the checksum of the init SQL applied; a changed schema is applied again (the files are idempotent).
MARKER="$BASE/.nps-initialized"
HOST=127.0.0.1
DB_USER=nps
DB_PASS=nps-test
DB_NAME=nps_test
# Superuser of the throwaway cluster (TCP, password auth like everything else).
SU_USER=postgres
SU_PASS=postgres-test
URL="postgres://$DB_USER:$DB_PASS@$HOST:$PORT/$DB_NAME?sslmode=disable"

say() { echo "$PROG: $*" >&2; }
die() { echo "$PROG: error: $*" >&2; exit 1; }

usage() {
    sed -n '2,14p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
    exit 2
}

[[ "$PORT" =~ ^[0-9]+$ ]] || die "NPS_TEST_PG_PORT must be a port number, got '$PORT'"
[[ "$BASE" = /* ]] || die "NPS_TEST_PG_DIR must be an absolute path, got '$BASE'"

PGBIN=""
find_pgbin() {
    # Debian keeps the server programs in /usr/lib/postgresql/<major>/bin; take the newest.
    local d best="" bestv=0 v
    for d in /usr/lib/postgresql/*/bin; do
        { [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; } || continue
        v=$(basename "$(dirname "$d")"); v=${v%%.*}
        [[ "$v" =~ ^[0-9]+$ ]] || continue
        if (( v > bestv )); then bestv=$v; best=$d; fi
    done
    if [ -z "$best" ] && command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
        best=$(dirname "$(readlink -f "$(command -v pg_ctl)")")
    fi
    PGBIN=$best
    [ -n "$PGBIN" ]
}

install_postgres() {
    [ "$(id -u)" -eq 0 ] || die "PostgreSQL is not installed and only root can apt-get install it (apt-get install postgresql)"
    command -v apt-get >/dev/null 2>&1 || die "PostgreSQL is not installed and there is no apt-get here; install PostgreSQL (initdb, pg_ctl, psql) first"
    say "PostgreSQL not found: installing Debian's postgresql (apt-get)..."
    # Debian's package would create and start a 'main' cluster on 5432; we don't want one.
    mkdir -p /etc/postgresql-common/createcluster.d
    if [ ! -e /etc/postgresql-common/createcluster.d/nps-no-main-cluster.conf ]; then
        echo "create_main_cluster = false" > /etc/postgresql-common/createcluster.d/nps-no-main-cluster.conf
    fi
    local t0=$SECONDS aptlog="$BASE-apt.log"
    export DEBIAN_FRONTEND=noninteractive NEEDRESTART_SUSPEND=1
    { apt-get update -qq && apt-get install -y -qq --no-install-recommends postgresql; } >"$aptlog" 2>&1 \
        || { tail -20 "$aptlog" >&2; die "apt-get install postgresql failed (log: $aptlog)"; }
    say "installed PostgreSQL in $((SECONDS - t0)) s"
    find_pgbin || die "installed postgresql but found no initdb/pg_ctl under /usr/lib/postgresql/*/bin"
}

# Run a server program as the cluster owner: the postgres OS user when we are
# root (initdb and postgres refuse to run as root), else ourselves.
as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

owner_name() { if [ "$(id -u)" -eq 0 ]; then echo postgres; else id -un; fi; }

listening() {
    # Is anything listening on PORT? Read from /proc, without connecting: a
    # connect() to a port nobody listens on, inside the ephemeral range, can
    # connect to itself and then keep the port from the server for a minute.
    local hex f
    hex=$(printf '%04X' "$PORT")
    for f in /proc/net/tcp /proc/net/tcp6; do
        [ -r "$f" ] || return 0     # cannot tell: let the probe decide
        awk -v p=":$hex" '$4 == "0A" && substr($2, length($2) - 4) == p { found = 1 } END { exit !found }' "$f" \
            && return 0
    done
    return 1
}

answers() {
    # Does a PostgreSQL answer on HOST:PORT? (pg_isready: 0 accepting, 1 rejecting/starting)
    listening || return 1
    if [ -n "$PGBIN" ] && [ -x "$PGBIN/pg_isready" ]; then
        "$PGBIN/pg_isready" -q -h "$HOST" -p "$PORT" -t 2
    elif command -v pg_isready >/dev/null 2>&1; then
        pg_isready -q -h "$HOST" -p "$PORT" -t 2
    else
        (exec 3<>"/dev/tcp/$HOST/$PORT") 2>/dev/null
    fi
}

ours_running() {
    # Our cluster is running when pg_ctl says so for our data directory.
    [ -n "$PGBIN" ] && [ -f "$DATA/PG_VERSION" ] && as_owner "$PGBIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1
}

psql_bin() {
    if [ -n "$PGBIN" ] && [ -x "$PGBIN/psql" ]; then echo "$PGBIN/psql"
    elif command -v psql >/dev/null 2>&1; then command -v psql
    else die "psql not found"; fi
}

su_psql() {   # superuser psql over TCP on the maintenance database
    PGPASSWORD=$SU_PASS PGCONNECT_TIMEOUT=5 "$(psql_bin)" -X -q -v ON_ERROR_STOP=1 \
        -h "$HOST" -p "$PORT" -U "$SU_USER" -d postgres "$@"
}

app_check() {  # can the tests' user reach the tests' database?
    PGPASSWORD=$DB_PASS PGCONNECT_TIMEOUT=5 "$(psql_bin)" -X -q -tA -v ON_ERROR_STOP=1 \
        -h "$HOST" -p "$PORT" -U "$DB_USER" -d "$DB_NAME" -c 'select 1' >/dev/null 2>&1
}

init_cluster() {
    local owner; owner=$(owner_name)
    mkdir -p "$BASE"
    chmod 0755 "$BASE"
    [ "$(id -u)" -ne 0 ] || chown postgres:postgres "$BASE"
    as_owner test -w "$BASE" \
        || die "$BASE is not writable by the '$owner' user (or a parent folder is not searchable); choose another NPS_TEST_PG_DIR"
    if [ -e "$DATA" ] && [ ! -f "$DATA/PG_VERSION" ]; then
        say "removing an incomplete cluster directory $DATA"
        rm -rf "$DATA"
    fi
    local pwfile="$BASE/.su-password"
    printf '%s\n' "$SU_PASS" > "$pwfile"
    [ "$(id -u)" -ne 0 ] || chown postgres:postgres "$pwfile"
    chmod 0600 "$pwfile"
    say "creating a throwaway cluster in $DATA (as OS user '$owner')"
    as_owner "$PGBIN/initdb" -D "$DATA" -U "$SU_USER" --pwfile="$pwfile" \
        --auth=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 >"$BASE/initdb.log" 2>&1 \
        || { tail -20 "$BASE/initdb.log" >&2; rm -f "$pwfile"; die "initdb failed (log: $BASE/initdb.log)"; }
    rm -f "$pwfile"
    # Port and address are given on the command line at each start (so the
    # port can change); these only make a test cluster quick. A fast stop is a
    # clean shutdown, so no data is lost between stop and start.
    cat >> "$DATA/postgresql.conf" <<EOF

# --- nps test cluster ($PROG) ---
unix_socket_directories = '$BASE'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 100
log_min_messages = warning
EOF
}

# The checksum of the init SQL files, in the order they are applied.
schema_sum() { cat "$INIT_SQL_DIR"/*.sql 2>/dev/null | sha256sum | cut -d' ' -f1; }

# Whether the database has the current init SQL applied.
schema_current() { [ -f "$MARKER" ] && [ "$(cat "$MARKER")" = "$(schema_sum)" ]; }

setup_database() {
    say "creating user $DB_USER and database $DB_NAME, applying $INIT_SQL_DIR/*.sql"
    su_psql <<EOF
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$DB_USER') THEN
    CREATE ROLE $DB_USER LOGIN PASSWORD '$DB_PASS';
  ELSE
    ALTER ROLE $DB_USER LOGIN PASSWORD '$DB_PASS';
  END IF;
END \$\$;
EOF
    if [ "$(su_psql -tA -c "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'")" != 1 ]; then
        su_psql -c "CREATE DATABASE $DB_NAME OWNER $DB_USER"
    fi
    local f n=0
    shopt -s nullglob
    local files=("$INIT_SQL_DIR"/*.sql)
    shopt -u nullglob
    [ ${#files[@]} -gt 0 ] || say "warning: no init SQL in $INIT_SQL_DIR"
    for f in "${files[@]}"; do   # glob order = the lexical order the container uses
        PGPASSWORD=$DB_PASS PGOPTIONS='-c client_min_messages=warning' "$(psql_bin)" -X -q -v ON_ERROR_STOP=1 -h "$HOST" -p "$PORT" \
            -U "$DB_USER" -d "$DB_NAME" -f "$f" >/dev/null \
            || die "applying $f failed"
        n=$((n + 1))
    done
    schema_sum >"$MARKER"
    say "applied $n init SQL file(s)"
}

with_lock() {
    # One start/stop at a time for this cluster directory. The lock is fd 9:
    # never let the server inherit it (pg_ctl start gets 9>&-).
    mkdir -p "$(dirname "$BASE")"
    exec 9>"$BASE.lock"
    flock -w 120 9 || die "another $PROG is busy with $BASE for 2 minutes; giving up"
}

cmd_start() {
    find_pgbin || true
    if answers; then
        if ours_running; then
            schema_current || { with_lock; schema_current || setup_database; }
            say "already running on $HOST:$PORT ($DATA)"
            return 0
        fi
        app_check || die "a PostgreSQL that is not ours answers on $HOST:$PORT but $DB_USER/$DB_PASS cannot reach $DB_NAME; stop it or set NPS_TEST_PG_PORT"
        say "a PostgreSQL is already running on $HOST:$PORT and $DB_NAME is reachable: using it"
        return 0
    fi
    with_lock
    [ -n "$PGBIN" ] || install_postgres
    # Started by someone else while we waited for the lock, or a postmaster that
    # is just dying (killed)? Give it 5 s to settle one way or the other.
    local _
    for _ in $(seq 50); do
        answers && break
        ours_running || break
        sleep 0.1
    done
    if ours_running; then
        answers || die "our cluster ($DATA) has a postmaster but it does not answer on $HOST:$PORT (log: $LOGFILE)"
        say "already running on $HOST:$PORT ($DATA)"
    else
        [ -f "$DATA/PG_VERSION" ] || { rm -f "$MARKER"; init_cluster; }
        local t0=${EPOCHREALTIME/[.,]/}
        local try
        for try in 1 2 3 4 5; do
            # After a kill -9 the old backends hold the port for a moment: retry.
            if as_owner "$PGBIN/pg_ctl" -D "$DATA" -l "$LOGFILE" -w -t 60 \
                -o "-c listen_addresses=$HOST -p $PORT" start >/dev/null 2>&1 9>&-; then
                break
            fi
            if [ "$try" -eq 5 ] || ! tail -5 "$LOGFILE" 2>/dev/null | grep -q 'Address already in use'; then
                tail -20 "$LOGFILE" >&2 || true
                die "pg_ctl start failed (log: $LOGFILE)"
            fi
            say "port $PORT still busy (attempt $try), retrying in 1 s"
            sleep 1
        done
        local ms=$(( (${EPOCHREALTIME/[.,]/} - t0) / 1000 ))
        say "started on $HOST:$PORT in ${ms} ms"
    fi
    schema_current || setup_database
    app_check || die "started, but $DB_USER cannot connect to $DB_NAME (log: $LOGFILE)"
}

cmd_stop() {
    find_pgbin || true
    if ours_running; then
        with_lock
        as_owner "$PGBIN/pg_ctl" -D "$DATA" -m fast -w -t 60 stop >/dev/null \
            || die "pg_ctl stop failed (log: $LOGFILE)"
        say "stopped (data kept in $DATA)"
    elif answers; then
        say "the PostgreSQL on $HOST:$PORT is not ours ($DATA); leaving it running"
    else
        say "not running"
    fi
}

cmd_status() {
    find_pgbin || true
    if answers; then
        if ours_running; then
            echo "running on $HOST:$PORT (cluster $DATA)"
        else
            echo "a PostgreSQL that is not ours answers on $HOST:$PORT"
        fi
        return 0
    fi
    echo "not running on $HOST:$PORT"
    return 3
}

cmd_destroy() {
    cmd_stop
    with_lock
    rm -rf "$BASE"
    rm -f "$BASE.lock"
    say "removed $BASE"
}

case "${1:-}" in
    start) cmd_start ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    url) echo "$URL" ;;
    destroy) cmd_destroy ;;
    -h|--help|help) usage ;;
    *) echo "$PROG: unknown or missing command '${1:-}'" >&2; usage ;;
esac
