#!/usr/bin/env bash
# down.sh — stop the NPS stack. Keeps the database volume and the log folder;
# `down.sh -v` also removes the volumes (the database's data is lost).
#
#   infrastructure/scripts/down.sh [-v]
set -euo pipefail
# shellcheck source=stack-env.sh
source "$(dirname "${BASH_SOURCE[0]}")/stack-env.sh"
[ -f "$ENV_FILE" ] || ENV_FILE="$INFRA_DIR/.env.example"
compose down "$@"
