#!/usr/bin/env bash
# health-check.sh — is every NPS service healthy? Reads each container's health from the engine.
#
#   infrastructure/scripts/health-check.sh
#
# Prints one coloured line per service (postgres, oracle, scanner, api, web-ui) and exits 0 when
# all five are healthy, 1 otherwise, naming the ones that are not. NO_COLOR=1 turns colour off.
set -euo pipefail
# shellcheck source=stack-env.sh
source "$(dirname "${BASH_SOURCE[0]}")/stack-env.sh"

if ! "$DOCKER" info >/dev/null 2>&1; then
  echo "${RED}health-check.sh: no Docker engine answers; run infrastructure/scripts/setup-engine.sh${RESET}" >&2
  exit 1
fi

bad=()
for service in "${SERVICES[@]}"; do
  container=$(container_of "$service")
  if state=$("$DOCKER" inspect --format '{{.State.Status}} {{if .State.Health}}{{.State.Health.Status}}{{else}}no-healthcheck{{end}}' "$container" 2>/dev/null); then
    status=${state%% *} health=${state#* }
  else
    status=missing health=missing
  fi
  if [ "$health" = healthy ]; then
    printf '%s✔ %-8s%s %-12s %s\n' "$GREEN" "$service" "$RESET" "$health" "$container"
  else
    printf '%s✘ %-8s%s %-12s %s (%s)\n' "$RED" "$service" "$RESET" "$health" "$container" "$status"
    bad+=("$service")
  fi
done

if ((${#bad[@]})); then
  echo "${RED}${BOLD}not healthy: ${bad[*]}${RESET} (logs: docker logs nps-<service>)"
  exit 1
fi
echo "${GREEN}${BOLD}all ${#SERVICES[@]} services healthy${RESET}"
