#!/usr/bin/env bash
# Checks that the committed generated code in Sources/OracleAPI/Generated/ matches what
# dev/generate.sh produces from Protos/. Regenerates into a temporary folder (the work
# tree is not touched, unlike upstream grpc-swift's `git diff` approach), so it also
# works on uncommitted changes and catches missing or stale files.
#
# Exit status: 0 when up to date; 1 with the diff on stderr when anything differs.
set -euo pipefail

log() { printf -- '** %s\n' "$*" >&2; }
fatal() { printf -- '** ERROR: %s\n' "$*" >&2; exit 1; }

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
committed="${1:-$root/Sources/OracleAPI/Generated}"

[[ -d "$committed" ]] || fatal "$committed does not exist; run dev/generate.sh"

fresh="$(mktemp -d "${TMPDIR:-/tmp}/nps-check-generated.XXXXXX")"
trap 'rm -rf "$fresh"' EXIT

log "Regenerating into $fresh..."
"$here/generate.sh" "$fresh"

# Compare only generated files; anything else in the folder is not ours to judge.
status=0
# 1. Same set of files (a removed or added proto shows up here).
diff -u --label committed-files --label regenerated-files \
  <(cd "$committed" && LC_ALL=C ls -1 -- *.pb.swift *.grpc.swift 2>/dev/null || true) \
  <(cd "$fresh" && LC_ALL=C ls -1 -- *.pb.swift *.grpc.swift) || status=1
# 2. Same contents.
for f in "$fresh"/*.swift; do
  name="$(basename "$f")"
  if [[ -f "$committed/$name" ]]; then
    diff -u "$committed/$name" "$f" || status=1
  fi
done

if ((status != 0)); then
  log "Generated code is out of date: run dev/generate.sh and commit the result."
  exit 1
fi
log "Generated code is up-to-date"
