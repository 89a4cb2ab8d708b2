#!/usr/bin/env bash
# Where the release nps-oracle spends its CPU under GetReading load: `perf record` (software clock sampling, which
# works on virtual machines without hardware counters) of the server pinned to core 0, while `oracle-benchmark load`
# drives it from core 1 with 16 streams; prints the top symbols by their own time and keeps the data in
# reports/profile/. Needs perf (Debian's linux-perf). Usage: dev/profile.sh [CALLS]   (default 200000, at most 2000000)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
say() { echo "profile: $*" >&2; }
die() { echo "profile: $*" >&2; exit 1; }

calls=${1:-200000}
if ! [[ "$calls" =~ ^[0-9]+$ ]] || [ "$calls" -lt 1000 ] || [ "$calls" -gt 2000000 ]; then
  die "CALLS must be a whole number from 1000 to 2000000, not '$calls'"
fi
command -v perf >/dev/null || die "perf is missing: apt-get install linux-perf"
command -v taskset >/dev/null || die "taskset is missing: apt-get install util-linux"

# The release build dev/benchmark.sh uses (symbols kept: SwiftPM does not strip).
build=(swift build -c release --static-swift-stdlib --scratch-path "$root/.build-release")
say "building release binaries (first time: ~10 minutes)"
"${build[@]}" --product nps-oracle >&2
"${build[@]}" --product oracle-benchmark >&2
bin=$("${build[@]}" --show-bin-path)
dev/postgres-test-server.sh start >&2

out=reports/profile
scratch=$(mktemp -d)
mkdir -p "$out"
server=
cleanup() {
  [ -z "$server" ] || kill "$server" 2>/dev/null || true
  rm -rf "$scratch"
}
trap cleanup EXIT

target=127.0.0.1:50172
say "nps-oracle under perf record on core 0 (gRPC $target)"
env DATABASE_URL="$(dev/postgres-test-server.sh url)" NPS_MASTER_PASSWORD=profile-master-password \
  GRPC_PORT=50172 HEALTH_PORT=8172 BIND_HOST=127.0.0.1 LOG_LEVEL=warning \
  LOG_FILE="$scratch/oracle.log" NPS_SPOOL_DIR="$scratch/spool" \
  taskset -c 0 perf record --quiet -e cpu-clock -F 1999 -g -o "$out/perf.data" -- "$bin/nps-oracle" >"$scratch/server.out" 2>&1 &
server=$!
"$bin/oracle-benchmark" load --target "$target" --wait-ready 30 >/dev/null || { cat "$scratch/server.out" >&2; die "the server never answered"; }

say "$calls GetReading calls, 16 streams, from core 1"
taskset -c 1 "$bin/oracle-benchmark" load --target "$target" --readings "$calls" --concurrency 16 | tee "$out/load.json"

# SIGTERM to the Oracle (perf's child) ends it gracefully; perf then writes its data and exits.
pkill -TERM -P "$server" nps-oracle || true
wait "$server" || true
server=
perf report -i "$out/perf.data" --stdio --no-children --sort dso,symbol --percent-limit 0.7 2>/dev/null \
  | grep -v '^$' | grep -v '^#' | sed -n '1,60p' | tee "$out/top.txt"
say "kept: $out/perf.data, $out/top.txt (perf report -i $out/perf.data for more)"
