#!/usr/bin/env bash
# Where the release nps-oracle spends its work under GetReading load, while `oracle-benchmark load` drives it with
# 16 streams; keeps the data in reports/profile/.
#
#   dev/profile.sh [CALLS]               `perf record` (software clock sampling, which works on virtual machines
#                                        without hardware counters) of the server pinned to core 0, the load on core 1;
#                                        prints the top symbols by their own time. Needs perf (Debian's linux-perf).
#                                        CALLS: default 200000, 1000 to 2000000.
#   dev/profile.sh --callgrind [CALLS]   the server under `valgrind --tool=callgrind`, once with no calls and once with
#                                        CALLS (default 2000, 100 to 20000): instructions per call, which the machine's
#                                        noise does not change, and the top functions by their own instructions.
#                                        Needs valgrind.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
say() { echo "profile: $*" >&2; }
die() { echo "profile: $*" >&2; exit 1; }

mode=perf
if [ "${1:-}" = --callgrind ]; then
  mode=callgrind
  shift
fi
if [ $mode = perf ]; then
  calls=${1:-200000} least=1000 most=2000000
  command -v perf >/dev/null || die "perf is missing: apt-get install linux-perf"
  command -v taskset >/dev/null || die "taskset is missing: apt-get install util-linux"
else
  calls=${1:-2000} least=100 most=20000
  command -v valgrind >/dev/null || die "valgrind is missing: apt-get install valgrind"
fi
if ! [[ "$calls" =~ ^[0-9]+$ ]] || [ "$calls" -lt $least ] || [ "$calls" -gt $most ]; then
  die "CALLS must be a whole number from $least to $most, not '$calls'"
fi

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

port=50172
target=127.0.0.1:$port
# Runs "$@" (the Oracle, under a profiler) in the background with the profile's environment; sets $server.
start_server() {
  env DATABASE_URL="$(dev/postgres-test-server.sh url)" NPS_MASTER_PASSWORD=profile-master-password \
    GRPC_PORT=$port HEALTH_PORT=8172 BIND_HOST=127.0.0.1 LOG_LEVEL=warning \
    LOG_FILE="$scratch/oracle.log" NPS_SPOOL_DIR="$scratch/spool" "$@" >"$scratch/server.out" 2>&1 &
  server=$!
  "$bin/oracle-benchmark" load --target "$target" --wait-ready 120 >/dev/null || { cat "$scratch/server.out" >&2; die "the server never answered"; }
}

if [ $mode = perf ]; then
  say "nps-oracle under perf record on core 0 (gRPC $target)"
  start_server taskset -c 0 perf record --quiet -e cpu-clock -F 1999 -g -o "$out/perf.data" -- "$bin/nps-oracle"
  say "$calls GetReading calls, 16 streams, from core 1"
  taskset -c 1 "$bin/oracle-benchmark" load --target "$target" --readings "$calls" --concurrency 16 | tee "$out/load.json"
  # SIGTERM to the Oracle (perf's child) ends it gracefully; perf then writes its data and exits.
  pkill -TERM -P "$server" nps-oracle || true
  wait "$server" || true
  server=
  perf report -i "$out/perf.data" --stdio --no-children --sort dso,symbol --percent-limit 0.7 2>/dev/null \
    | grep -v '^$' | grep -v '^#' | sed -n '1,60p' | tee "$out/top.txt"
  say "kept: $out/perf.data, $out/top.txt (perf report -i $out/perf.data for more)"
  exit 0
fi

# Debian 12's valgrind (3.19) gives up on the toolchain's DWARF ("Possibly corrupted debuginfo"): a copy without the
# debug sections keeps the symbol table, which is all callgrind needs to name functions.
strip --strip-debug -o "$scratch/nps-oracle" "$bin/nps-oracle"
# Runs the Oracle under callgrind through readiness, $1 GetReading calls and a SIGTERM stop; sets $total to the
# instructions it ran.
instructions() {
  start_server valgrind --tool=callgrind --callgrind-out-file="$out/callgrind.$1.out" "$scratch/nps-oracle"
  if [ "$1" -gt 0 ]; then
    "$bin/oracle-benchmark" load --target "$target" --readings "$1" --concurrency 16 >"$out/load.json"
  fi
  kill -TERM "$server"
  wait "$server" || true
  server=
  total=$(sed -n 's/^totals: //p' "$out/callgrind.$1.out")
}
say "nps-oracle under callgrind: start, readiness and stop (about 15 s)"
instructions 0
idle=$total
say "again with $calls GetReading calls, 16 streams (about 40 s per 1000 calls)"
instructions "$calls"
loaded=$total
if [ -z "$idle" ] || [ -z "$loaded" ]; then
  die "callgrind wrote no totals; see $out/callgrind.*.out"
fi
printf 'instructions per GetReading call: %d  (%d with %d calls, %d without)\n' \
  $(((loaded - idle) / calls)) "$loaded" "$calls" "$idle" | tee "$out/callgrind-top.txt"
callgrind_annotate "$out/callgrind.$calls.out" 2>/dev/null | sed -n '/^Ir /,$p' | sed -n '3,30p' \
  | swift demangle --simplified | cut -c1-200 | tee -a "$out/callgrind-top.txt"
say "kept: $out/callgrind.$calls.out, $out/callgrind-top.txt (callgrind_annotate --tree=caller for callers)"
