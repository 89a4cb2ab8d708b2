#!/usr/bin/env bash
# rollback.sh — roll a service of the Swarm stack back to its previous spec (image, environment, secrets), one task
# at a time, new before old, and wait until it has converged.
#
#   infrastructure/scripts/rollback.sh            # the Oracle
#   infrastructure/scripts/rollback.sh api        # a named service: postgres, oracle, scanner, api or web-ui
#
# Swarm keeps one previous spec per service: a second rollback returns to the spec the first one left.
set -euo pipefail
# shellcheck source=stack-env.sh
source "$(dirname "${BASH_SOURCE[0]}")/stack-env.sh"
# shellcheck source=swarm-env.sh
source "$(dirname "${BASH_SOURCE[0]}")/swarm-env.sh"
SELF=rollback.sh
say() { printf '%s%s:%s %s\n' "$BOLD" "$SELF" "$RESET" "$*" >&2; }
die() { printf '%s%s: %s%s\n' "$RED" "$SELF" "$*" "$RESET" >&2; exit 1; }

case "${1:-oracle}" in
  -h | --help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
  postgres | oracle | scanner | api | web-ui) service="${STACK_NAME}_${1:-oracle}" ;;
  *) die "unknown service '$1': one of ${SERVICES[*]}" ;;
esac
swarm_stack_deployed || die "the Swarm stack $STACK_NAME is not deployed here (infrastructure/scripts/deploy.sh)"
[ -n "$("$DOCKER" service inspect --format '{{if .PreviousSpec}}yes{{end}}' "$service")" ] \
  || die "$service has no previous spec to roll back to (it was never updated)"
before=$("$DOCKER" service inspect --format '{{.Spec.TaskTemplate.ContainerSpec.Image}}' "$service")
started=$(date +%s)
say "rolling $service back (docker service rollback)"
"$DOCKER" service rollback --detach "$service" >/dev/null || die "docker service rollback $service failed"
# The rollback is an update of its own kind: converged when its state is rollback_completed and the replicas run.
deadline=$((started + DEPLOY_TIMEOUT))
while :; do
  read -r running desired update < <(service_state "$service" "$started")
  [ "$update" = rollback_completed ] && [ "$running" = "$desired" ] && break
  if [ "$update" = rollback_paused ] || (($(date +%s) >= deadline)); then
    "$DOCKER" service ps --no-trunc --format '  {{.Name}} {{.Image}} desired {{.DesiredState}}, {{.CurrentState}} {{.Error}}' "$service" | head -n 8 >&2
    die "the rollback of $service did not converge ($running of $desired running, update: $update)"
  fi
  sleep 2
done
print_services
say "${GREEN}$service rolled back in $(($(date +%s) - started)) s: $before → $("$DOCKER" service inspect --format '{{.Spec.TaskTemplate.ContainerSpec.Image}}' "$service")${RESET}"
