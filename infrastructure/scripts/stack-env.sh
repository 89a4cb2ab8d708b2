# Shared settings of the stack scripts (sourced, not run): paths, the docker CLI, compose.
# shellcheck shell=bash disable=SC2034

INFRA_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
COMPOSE_FILE="$INFRA_DIR/docker-compose.yml"
ENV_FILE="$INFRA_DIR/.env"
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
