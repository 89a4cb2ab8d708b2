# Shared settings of the stack scripts (sourced, not run): paths, the docker CLI, compose.
# shellcheck shell=bash disable=SC2034

INFRA_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
COMPOSE_FILE="$INFRA_DIR/docker-compose.yml"
# NPS_ENV_FILE: another env file (the checkpoint suites pass the copy of .env.example they run the stack with).
ENV_FILE="${NPS_ENV_FILE:-$INFRA_DIR/.env}"
# The five services, in start order.
SERVICES=(postgres oracle scanner api web-ui)

# Colour on a terminal, or when FORCE_COLOR=1 (CI logs, tests); NO_COLOR=1 always wins.
if [ -z "${NO_COLOR:-}" ] && { [ -t 1 ] || [ "${FORCE_COLOR:-}" = 1 ]; }; then
  GREEN=$'\e[32m' RED=$'\e[31m' YELLOW=$'\e[33m' BOLD=$'\e[1m' RESET=$'\e[0m'
else
  GREEN="" RED="" YELLOW="" BOLD="" RESET=""
fi

# The docker CLI: $DOCKER, else the one `setup-engine.sh --print-cli` picks (the one rule, which
# StackHarness's DockerCLI.detect reads too), else `docker` on PATH when no engine answers yet.
if [ -z "${DOCKER:-}" ]; then
  DOCKER="$("$INFRA_DIR/scripts/setup-engine.sh" --print-cli 2>/dev/null || true)"
  DOCKER="${DOCKER:-docker}"
fi

compose() {
  "$DOCKER" compose --project-directory "$INFRA_DIR" -f "$COMPOSE_FILE" --env-file "$ENV_FILE" "$@"
}

container_of() { printf 'nps-%s' "$1"; }

# The value of variable $1 in $ENV_FILE (the last assignment wins, as in compose), empty when unset.
env_value() { sed -n "s/^$1=//p" "$ENV_FILE" | tail -n 1; }

# The database scripts' settings: POSTGRES_USER and POSTGRES_DB from $ENV_FILE (.env.example when there is no
# .env, as the tests run the stack); an empty one stops the script (the caller's `die`) naming it.
read_database_settings() {
  [ -f "$ENV_FILE" ] || ENV_FILE="$INFRA_DIR/.env.example"
  POSTGRES_USER=$(env_value POSTGRES_USER)
  POSTGRES_DB=$(env_value POSTGRES_DB)
  [ -n "$POSTGRES_USER" ] || die "POSTGRES_USER is empty in $ENV_FILE; set it (see .env.example)"
  [ -n "$POSTGRES_DB" ] || die "POSTGRES_DB is empty in $ENV_FILE; set it (see .env.example)"
}

# Stops the script (the caller's `die`) unless an engine answers and the stack's postgres container runs and is
# healthy; sets POSTGRES to the container's name.
require_healthy_postgres() {
  "$DOCKER" info >/dev/null 2>&1 || die "no Docker engine answers; run infrastructure/scripts/setup-engine.sh"
  POSTGRES=$(container_of postgres)
  local state
  state=$("$DOCKER" inspect --format '{{.State.Status}} {{if .State.Health}}{{.State.Health.Status}}{{else}}no-healthcheck{{end}}' "$POSTGRES" 2>/dev/null) \
    || die "the stack is not running ($POSTGRES does not exist); start it with infrastructure/scripts/up.sh"
  [ "${state%% *}" = running ] || die "the stack is not running ($POSTGRES is ${state%% *}); start it with infrastructure/scripts/up.sh"
  [ "${state#* }" = healthy ] || die "$POSTGRES is not healthy (${state#* }); see docker logs $POSTGRES"
}

# The database volumes of the two ways to run the stack: compose's and the Swarm stack's.
DATABASE_VOLUMES=(nps-postgres-data nps_postgres-data)

# Makes $ENV_FILE from .env.example when there is none, with random passwords (an older .env gains the Oracle's
# database role); then stops the script (the caller's `say` and `die`) when a password or name it needs is empty.
ensure_env_file() {
  local variable value volume
  random_secret() { od -An -N18 -tx1 /dev/urandom | tr -d ' \n'; }
  if [ ! -f "$ENV_FILE" ]; then
    # A database volume made under other passwords would refuse the new ones: stop before making .env.
    for volume in "${DATABASE_VOLUMES[@]}"; do
      if "$DOCKER" volume inspect "$volume" >/dev/null 2>&1; then
        die "the database volume $volume exists but infrastructure/.env does not: restore the .env it was made with, or remove the volume (and its data): docker volume rm $volume"
      fi
    done
    cp "$INFRA_DIR/.env.example" "$ENV_FILE"
    chmod 600 "$ENV_FILE"
    for variable in POSTGRES_PASSWORD ORACLE_DB_PASSWORD NPS_MASTER_PASSWORD; do
      sed -i "s|^$variable=change-me-.*|$variable=$(random_secret)|" "$ENV_FILE"
    done
    say "${YELLOW}made infrastructure/.env from .env.example with random POSTGRES_PASSWORD, ORACLE_DB_PASSWORD and NPS_MASTER_PASSWORD; put your ANTHROPIC_API_KEY there to enable AI${RESET}"
  fi
  # An .env made before the Oracle had its own database role gains it (migrate.sh creates the role).
  if ! grep -q '^ORACLE_DB_USER=' "$ENV_FILE"; then
    printf '\n# Added by %s: the role the Oracle logs in as (see .env.example).\nORACLE_DB_USER=nps_oracle\nORACLE_DB_PASSWORD=%s\n' "$SELF" "$(random_secret)" >>"$ENV_FILE"
    say "${YELLOW}added ORACLE_DB_USER and a random ORACLE_DB_PASSWORD to infrastructure/.env: the Oracle's own database role${RESET}"
  fi
  for variable in POSTGRES_USER POSTGRES_PASSWORD POSTGRES_DB ORACLE_DB_USER ORACLE_DB_PASSWORD NPS_MASTER_PASSWORD; do
    value=$(env_value "$variable")
    [ -n "$value" ] || die "$variable is empty in infrastructure/.env; set it (see .env.example)"
  done
}

# The Swarm stack's name (deploy.sh) and its stack file.
STACK_NAME=nps
STACK_FILE="$INFRA_DIR/swarm/stack.yml"

# Whether the Swarm stack is deployed on this engine (it publishes the same ports as the compose stack).
swarm_stack_deployed() {
  [ "$("$DOCKER" info --format '{{.Swarm.ControlAvailable}}' 2>/dev/null)" = true ] || return 1
  "$DOCKER" stack ls --format '{{.Name}}' 2>/dev/null | grep -qx "$STACK_NAME"
}

# Whether a container of the compose stack runs.
compose_stack_running() {
  [ -n "$("$DOCKER" ps -q --filter "label=com.docker.compose.project=nps" 2>/dev/null)" ]
}

# Re-applies infrastructure/postgres/init/* (the .sql files and the .sh scripts, in name order) in postgres
# container $1 as $POSTGRES_USER (read_database_settings); stops the script (the caller's `die`) at a failing file.
apply_database_files() {
  local file run
  for file in "$INFRA_DIR"/postgres/init/*; do
    # NOTICEs ("already exists, skipping") are the normal case here; only warnings and errors are shown.
    # A script runs with the container's environment, as the image's entrypoint would run it.
    case "$file" in
      *.sql) run=(psql -v ON_ERROR_STOP=1 -q -U "$POSTGRES_USER" -d "$POSTGRES_DB") ;;
      *.sh) run=(bash -s) ;;
      *) continue ;;
    esac
    "$DOCKER" exec -i -e PGOPTIONS='-c client_min_messages=warning' "$1" "${run[@]}" <"$file" \
      || die "applying $(basename "$file") failed; the statements before the failing one are applied, see above"
  done
}
