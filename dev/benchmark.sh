#!/usr/bin/env bash
# Benchmark of the release nps-oracle on this machine: GetReading latency and throughput at 1 and
# 16 streams (server pinned to one core), /health p99 under load, RSS idle and loaded, SIGTERM to exit,
# and acknowledged SuggestRange calls per second at 16 streams with the database up and with it
# unreachable (a server of its own each, the second one's records going only to its spool), and the spool replay
# after a restart: up to 20,000 records spooled with the database unreachable, then a server on that spool with the
# database up, timed from its process start to /health's pending 0, its rows counted with psql.
# Also the server's CPU time per call (/proc/PID/stat) for GetReading, every other read-only RPC and, as the baseline
# of what any call costs, the gRPC health Check; process start to the first /health 200.
# Prints figures, each with its ratio to the committed baseline (dev/benchmark-baseline.json; it informs, it fails
# nothing: these machines are noisy); it is not a test.
# Usage: dev/benchmark.sh [--json] [--duration SECONDS]    (--json also writes the figures to reports/benchmark.json)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
say() { echo "benchmark: $*" >&2; }

# A scratch path of its own, so the release build never waits on (or invalidates) the debug build; the Swift runtime
# and Foundation linked statically, as the images build them, so the figures are those of what ships.
build=(swift build -c release --static-swift-stdlib --scratch-path "$root/.build-release")
say "building release binaries (first time: ~10 minutes)"
"${build[@]}" --product nps-oracle >&2
"${build[@]}" --product oracle-benchmark >&2
bin=$("${build[@]}" --show-bin-path)
dev/postgres-test-server.sh start >&2
arguments=()
for argument in "$@"; do
  if [ "$argument" = --json ]; then
    mkdir -p reports
    arguments+=(--json reports/benchmark.json)
  else
    arguments+=("$argument")
  fi
done
[ ! -f dev/benchmark-baseline.json ] || arguments+=(--baseline dev/benchmark-baseline.json)
"$bin/oracle-benchmark" --server "$bin/nps-oracle" --database-url "$(dev/postgres-test-server.sh url)" ${arguments[@]+"${arguments[@]}"}
