#!/usr/bin/env bash
# Keeps the stack honest in CI: brings it up with the README's up command, checks the five services
# healthy and a real Oracle reading through the api, runs health-check.sh on a healthy stack (0) and
# with one service stopped (1), and takes the stack down. Fails naming what broke.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
scripts="$root/infrastructure/scripts"
say() { printf '\nstack-smoke: %s\n' "$*" >&2; }
fail() { printf 'stack-smoke: FAIL: %s\n' "$*" >&2; exit 1; }
trap '"$scripts/down.sh" >/dev/null 2>&1 || true' EXIT

say "up"
"$scripts/up.sh"

say "a reading through the api comes from the Oracle"
api_port=$(sed -n 's/^API_PORT=//p' "$root/infrastructure/.env" | tail -n 1)
reading=$(curl -fsS "http://127.0.0.1:${api_port:-8000}/api/oracle/reading?datetime=2026-02-06T01:15:00%2B08:00") \
  || fail "the api's reading endpoint did not answer 200"
grep -q '"cycle": *58' <<<"$reading" || fail "the reading has no fc60 cycle 58 (JDN 2461078 mod 60): $reading"

say "health-check.sh on a healthy stack exits 0"
"$scripts/health-check.sh" || fail "health-check.sh exited $? on a healthy stack"

say "health-check.sh with the scanner stopped exits 1"
docker stop nps-scanner >/dev/null
set +e
"$scripts/health-check.sh"
status=$?
set -e
[ "$status" -eq 1 ] || fail "health-check.sh exited $status with the scanner stopped (expected 1)"

say "down"
"$scripts/down.sh"
trap - EXIT
say "passed"
