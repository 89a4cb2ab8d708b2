#!/usr/bin/env bash
# deploy.sh — put the NPS stack on Docker Swarm (stack "nps", infrastructure/swarm/stack.yml) and wait for it.
#
#   infrastructure/scripts/deploy.sh            # deploy, or update in place (rolling), then wait until converged
#   infrastructure/scripts/deploy.sh --remove   # remove the stack; volumes kept; leave a swarm only deploy.sh made
#
# 1. a Docker engine and the images, as up.sh does (setup-engine.sh, offline-images.sh, docker compose build):
#    a single node needs no registry (--resolve-image never); more nodes need the images on each (README);
# 2. infrastructure/.env (made with random passwords when missing) and the web-ui's certificate (tls-cert.sh);
# 3. a single-node swarm when this engine is in none (said, and remembered in a node label so that --remove
#    leaves only a swarm it made); postgres is placed on the node labelled nps.postgres=true (this one, unless
#    a node has the label);
# 4. Docker secrets from .env and configs from the repository, named by their content's digest;
# 5. docker stack deploy; then the database brought up to date (migrate.sh's files, when postgres runs here);
# 6. wait, at most DEPLOY_TIMEOUT seconds (120), until every service runs its replicas healthy and no update is
#    in progress: a table of the services, and on failure the service that did not converge with its tasks' errors.
set -euo pipefail
# shellcheck source=stack-env.sh
source "$(dirname "${BASH_SOURCE[0]}")/stack-env.sh"
# shellcheck source=swarm-env.sh
source "$(dirname "${BASH_SOURCE[0]}")/swarm-env.sh"
SELF=deploy.sh
say() { printf '%s%s:%s %s\n' "$BOLD" "$SELF" "$RESET" "$*" >&2; }
die() { printf '%s%s: %s%s\n' "$RED" "$SELF" "$*" "$RESET" >&2; exit 1; }

remove() {
  "$DOCKER" info >/dev/null 2>&1 || die "no Docker engine answers; nothing to remove"
  if [ "$(swarm_state)" != active ]; then
    say "this engine is in no swarm: nothing to remove"
    return 0
  fi
  local made_here
  made_here=$("$DOCKER" node inspect self --format "{{index .Spec.Labels \"$CREATED_LABEL\"}}" 2>/dev/null || true)
  if swarm_stack_deployed; then
    say "removing the stack $STACK_NAME (volumes kept)"
    "$DOCKER" stack rm "$STACK_NAME" >&2
    wait_stack_gone
  fi
  remove_unused_objects secret ""
  remove_unused_objects config ""
  if [ "$made_here" = "$SELF" ]; then
    say "leaving the single-node swarm $SELF made (docker swarm leave --force)"
    "$DOCKER" swarm leave --force >&2
    # The bridge swarm init made for its containers' outside traffic outlives the swarm: the engine as it was found.
    "$DOCKER" network rm docker_gwbridge >/dev/null 2>&1 || true
  else
    say "the swarm was here before $SELF: left as it is"
  fi
  say "${GREEN}removed; the volumes $(stack_volumes | tr '\n' ' ')are kept${RESET}"
}

ensure_swarm() {
  case "$(swarm_state)" in
    active) ;;
    inactive)
      say "${YELLOW}this engine is in no swarm: initialising a single-node swarm (docker swarm init)${RESET}"
      local output
      if ! output=$("$DOCKER" swarm init 2>&1); then
        # Several addresses and none chosen: the one the default route leaves by.
        local address
        address=$(ip -4 route get 1.1.1.1 2>/dev/null | sed -n 's/.* src \([0-9.]*\).*/\1/p')
        [ -n "$address" ] || die "docker swarm init failed: $output"
        say "docker swarm init needs an address; using $address (the default route's)"
        "$DOCKER" swarm init --advertise-addr "$address" >/dev/null || die "docker swarm init --advertise-addr $address failed"
      fi
      "$DOCKER" node update --label-add "$CREATED_LABEL=$SELF" "$(this_node)" >/dev/null
      ;;
    *) die "this engine's swarm is $(swarm_state); see docker info" ;;
  esac
  [ "$("$DOCKER" info --format '{{.Swarm.ControlAvailable}}')" = true ] \
    || die "this engine is a swarm worker: run $SELF on a manager"
  if [ -z "$("$DOCKER" node ls --filter "node.label=$POSTGRES_LABEL=true" -q)" ]; then
    say "placing postgres (and its volume) on this node: label $POSTGRES_LABEL=true"
    "$DOCKER" node update --label-add "$POSTGRES_LABEL=true" "$(this_node)" >/dev/null
  fi
}

# Creates a $1 (secret or config) for key $2 from standard input (its trailing newlines dropped), named
# nps_$2_<digest> (a changed value is a new object, which the services roll over to), unless it exists; exports
# its name in $3. Values go through standard input only: never a file or a command line.
content_object() {
  local kind=$1 key=$2 variable=$3 content digest name
  content=$(cat)
  [ -n "$content" ] || die "the $kind $key would be empty"
  digest=$(printf '%s' "$content" | sha256sum | cut -c1-12)
  name="${STACK_NAME}_${key}_${digest}"
  if ! "$DOCKER" "$kind" inspect "$name" >/dev/null 2>&1; then
    printf '%s' "$content" | "$DOCKER" "$kind" create --label "$OBJECT_LABEL=$key" "$name" - >/dev/null \
      || die "docker $kind create $name failed"
  fi
  export "$variable=$name"
}

make_secrets_and_configs() {
  local key
  content_object secret postgres_password NPS_SECRET_POSTGRES_PASSWORD <<<"$(env_value POSTGRES_PASSWORD)"
  content_object secret oracle_db_password NPS_SECRET_ORACLE_DB_PASSWORD <<<"$(env_value ORACLE_DB_PASSWORD)"
  content_object secret oracle_database_url NPS_SECRET_ORACLE_DATABASE_URL \
    <<<"postgres://$(env_value ORACLE_DB_USER):$(env_value ORACLE_DB_PASSWORD)@postgres:5432/$(env_value POSTGRES_DB)?sslmode=disable"
  content_object secret nps_master_password NPS_SECRET_NPS_MASTER_PASSWORD <<<"$(env_value NPS_MASTER_PASSWORD)"
  # A secret cannot be empty: no key is the .env.example placeholder, which the Oracle reads as no key.
  key=$(env_value ANTHROPIC_API_KEY)
  content_object secret anthropic_api_key NPS_SECRET_ANTHROPIC_API_KEY <<<"${key:-your_claude_api_key_here}"
  content_object secret web_ui_key NPS_SECRET_WEB_UI_KEY <"$INFRA_DIR/volumes/tls/key.pem"
  content_object config web_ui_certificate NPS_CONFIG_WEB_UI_CERTIFICATE <"$INFRA_DIR/volumes/tls/cert.pem"
  content_object config postgres_schema NPS_CONFIG_POSTGRES_SCHEMA <"$INFRA_DIR/postgres/init/01-schema.sql"
  content_object config postgres_oracle_role NPS_CONFIG_POSTGRES_ORACLE_ROLE <"$INFRA_DIR/postgres/init/02-oracle-role.sh"
}

# The stack file reads only the process environment (the stack loader ignores .env): export the names it uses.
export_settings() {
  local variable value
  for variable in POSTGRES_USER POSTGRES_DB ORACLE_DB_USER ANTHROPIC_BASE_URL NPS_AI_MODEL LOG_LEVEL \
    NPS_SPOOL_MAX_RECORDS NPS_SPOOL_MAX_BYTES PUZZLE_NUMBER API_PORT WEB_UI_PORT WEB_UI_HTTP_PORT; do
    value=$(env_value "$variable")
    if [ -n "$value" ]; then export "$variable=$value"; else unset "$variable"; fi
  done
}

# migrate.sh's files in the postgres task's container, when it runs on this node; elsewhere the entrypoint made
# the schema and the role on its first start, and a later version's additions need migrate on that node.
migrate_database() {
  local container
  container=$("$DOCKER" ps -q --filter "label=com.docker.swarm.service.name=${STACK_NAME}_postgres" | head -n 1)
  if [ -z "$container" ]; then
    say "postgres runs on another node: its first start made the schema; run the files of postgres/init there to migrate"
    return 0
  fi
  read_database_settings
  apply_database_files "$container"
  say "database up to date (postgres/init applied)"
}

deploy() {
  say "engine"
  "$INFRA_DIR/scripts/setup-engine.sh"
  if compose_stack_running; then
    die "the compose stack runs on this engine and uses the same ports: stop it first (infrastructure/scripts/down.sh)"
  fi
  say "base images"
  "$INFRA_DIR/scripts/offline-images.sh"
  ensure_env_file
  "$INFRA_DIR/scripts/tls-cert.sh"
  say "building images (docker compose build; the first Swift build takes about 10 minutes)"
  compose build --build-arg "APT_REFRESH=$(date -u +%F)"
  ensure_swarm
  make_secrets_and_configs
  export_settings
  local started
  started=$(date +%s)
  say "deploying the stack $STACK_NAME (docker stack deploy --resolve-image never)"
  "$DOCKER" stack deploy --resolve-image never --prune -c "$STACK_FILE" "$STACK_NAME" >&2
  say "waiting until every service runs its replicas healthy (at most ${DEPLOY_TIMEOUT}s)"
  wait_converged "$started" "$DEPLOY_TIMEOUT" || die "the stack did not converge within ${DEPLOY_TIMEOUT}s; see above"
  migrate_database
  say "${GREEN}converged in $(($(date +%s) - started)) s${RESET}"
  remove_unused_objects secret "(older versions)"
  remove_unused_objects config "(older versions)"
  local api_port=${API_PORT:-8000} web_port=${WEB_UI_PORT:-8443}
  cat <<TABLE

  web-ui   https://<any node>:${web_port}/   (http://<any node>:${WEB_UI_HTTP_PORT:-8080}/ redirects there)
  api      http://<any node>:${api_port}/api/health
  oracle   inside the overlay network only: oracle:50052 (gRPC), oracle:8052/health
  logs     docker service logs ${STACK_NAME}_oracle

TABLE
  if command -v curl >/dev/null; then
    say "a reading through the api:"
    curl -fsS --retry 5 --retry-connrefused --retry-delay 1 \
      "http://127.0.0.1:${api_port}/api/oracle/reading?datetime=2026-02-06T01:15:00%2B08:00" | head -c 600
    echo
  fi
  say "update in place: run $SELF again; roll back: infrastructure/scripts/rollback.sh [service]; remove: $SELF --remove"
}

case "${1:-}" in
  "") deploy ;;
  --remove) remove ;;
  -h | --help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0" ;;
  *) die "unknown argument: $1 (see --help)" ;;
esac
