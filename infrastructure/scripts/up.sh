#!/usr/bin/env bash
# up.sh — bring the NPS stack up on this machine and show it working.
#
#   infrastructure/scripts/up.sh                 all of it
#   infrastructure/scripts/up.sh --build-only    steps 1, 2 and 6's build, then stops: images ready, nothing started
#                                                (no .env made: the build reads .env, else .env.example)
#
# 1. a Docker engine and Compose v2 (setup-engine.sh installs and starts them on Debian);
# 2. the base images (offline-images.sh: the engine's copy, a pull, or a local stand-in);
# 3. infrastructure/.env from .env.example when missing, with random passwords (an older .env gains the
#    Oracle's database role);
# 4. the web-ui's certificate (tls-cert.sh: yours in volumes/tls, else a self-signed one), and
#    infrastructure/volumes/logs and volumes/spool, writable by the Oracle's uid 1000;
# 5. the published host ports are free;
# 6. docker compose build; postgres up, the database brought up to date (migrate.sh: a volume made by an older
#    version gains what it lacks), then the rest, up -d --wait (all five healthy within 2 minutes each step);
# 7. a table of the services with their health and URLs, and one reading through the api.
# On failure it names the service and prints the end of its log.
set -euo pipefail
# shellcheck source=stack-env.sh
source "$(dirname "${BASH_SOURCE[0]}")/stack-env.sh"
SELF=up.sh
say() { printf '%s%s:%s %s\n' "$BOLD" "$SELF" "$RESET" "$*" >&2; }
die() { printf '%s%s: %s%s\n' "$RED" "$SELF" "$*" "$RESET" >&2; exit 1; }

build_only=false
case "${1:-}" in
  "") ;;
  --build-only) build_only=true ;;
  *) die "unknown argument: $1 (usage: up.sh [--build-only])" ;;
esac

say "engine"
"$INFRA_DIR/scripts/setup-engine.sh"

if swarm_stack_deployed; then
  die "the Swarm stack $STACK_NAME runs on this engine and publishes the same ports: remove it first (infrastructure/scripts/deploy.sh --remove)"
fi

say "base images"
"$INFRA_DIR/scripts/offline-images.sh"

# Building needs no secrets: --build-only leaves .env alone (a test run on .env.example may own the database volume).
if $build_only; then
  [ -f "$ENV_FILE" ] || ENV_FILE="$INFRA_DIR/.env.example"
else
  ensure_env_file
  "$INFRA_DIR/scripts/tls-cert.sh"
fi

for folder in logs spool; do
  mkdir -p "$INFRA_DIR/volumes/$folder"
  chown 1000:1000 "$INFRA_DIR/volumes/$folder" 2>/dev/null || chmod 0777 "$INFRA_DIR/volumes/$folder"
done

# A published port already taken on the host would fail deep inside compose; say which one.
declare -A published=(
  ["oracle gRPC"]="$(env_value ORACLE_GRPC_PORT)"
  ["oracle health"]="$(env_value ORACLE_HEALTH_PORT)"
  [api]="$(env_value API_PORT)"
  [web-ui]="$(env_value WEB_UI_PORT)"
  ["web-ui http"]="$(env_value WEB_UI_HTTP_PORT)"
)
if ! $build_only && ! compose_stack_running && command -v ss >/dev/null; then
  for name in "${!published[@]}"; do
    port=${published[$name]:-}
    [ -n "$port" ] || continue
    if ss -Hltn "sport = :$port" | grep -q .; then
      die "host port $port (service: $name) is already in use; free it or change its port in infrastructure/.env"
    fi
  done
fi

say "building images (docker compose build; the first Swift build takes about 10 minutes)"
compose build --build-arg "APT_REFRESH=$(date -u +%F)"
if $build_only; then
  say "${GREEN}images built${RESET}; infrastructure/scripts/up.sh starts them"
  exit 0
fi

say "starting (docker compose up -d --wait, at most 120 s)"
started=$(date +%s)
# postgres first, so that migrate.sh brings an older database up to date (the Oracle's role) before the Oracle logs in.
if ! { compose up -d --wait --wait-timeout 120 postgres && "$INFRA_DIR/scripts/migrate.sh" && compose up -d --wait --wait-timeout 120; }; then
  echo >&2
  for service in "${SERVICES[@]}"; do
    container=$(container_of "$service")
    health=$("$DOCKER" inspect --format '{{.State.Status}}/{{if .State.Health}}{{.State.Health.Status}}{{end}}' "$container" 2>/dev/null || echo missing)
    case "$health" in
      running/healthy) ;;
      *)
        printf '%s%s is %s; last log lines (docker logs %s):%s\n' "$RED" "$service" "$health" "$container" "$RESET" >&2
        "$DOCKER" logs --tail 30 "$container" >&2 2>&1 || true
        ;;
    esac
  done
  die "the stack did not become healthy; see above"
fi
say "${GREEN}all services healthy in $(( $(date +%s) - started )) s${RESET}"

"$INFRA_DIR/scripts/health-check.sh"
api_port=${published[api]:-8000}
web_port=${published[web-ui]:-8443}
cat <<TABLE

  web-ui   https://127.0.0.1:${web_port}/   (http://127.0.0.1:${published[web-ui http]:-8080}/ redirects there)
  api      http://127.0.0.1:${api_port}/api/health
  oracle   grpc://127.0.0.1:${published[oracle gRPC]:-50052}   http://127.0.0.1:${published[oracle health]:-8052}/health
  logs     infrastructure/volumes/logs/oracle.log

TABLE
say "a reading through the api:"
if command -v curl >/dev/null; then
  curl -fsS "http://127.0.0.1:${api_port}/api/oracle/reading?datetime=2026-02-06T01:15:00%2B08:00" | head -c 600
  echo
fi
say "stop with infrastructure/scripts/down.sh (keeps data and logs; down.sh -v removes the volumes)"
