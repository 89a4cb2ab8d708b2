#!/usr/bin/env bash
# Regenerates the Swift Protobuf messages and gRPC stubs in Sources/OracleAPI/Generated/
# from the .proto files under Protos/. The output is committed; run this after editing a
# proto and commit the result. dev/check-generated-code.sh verifies it is up to date.
#
# Usage: dev/generate.sh [OUTPUT_DIR]        (default: Sources/OracleAPI/Generated)
#
# Needs: protoc (Debian: protobuf-compiler; macOS: brew install protobuf), git, swift.
# The two protoc plugins are built once from source at the versions pinned below and
# cached outside the repo in ${NPS_PLUGIN_CACHE:-~/.cache/nps-stack/protoc-plugins}/<key>/.
#
# Environment:
#   PROTOC            protoc to use (default: the one on PATH, installed via apt when root)
#   NPS_PLUGIN_CACHE  root of the plugin cache (a subfolder per version set is made in it)
set -euo pipefail

# Plugin versions. Keep them equal to the versions Package.swift resolves to, so the
# generated code matches the runtime libraries (Package.resolved is not committed,
# so they are pinned here and cross-checked against it when it exists).
SWIFT_PROTOBUF_VERSION=1.39.0       # protoc-gen-swift,        runtime: SwiftProtobuf
GRPC_SWIFT_PROTOBUF_VERSION=2.4.1   # protoc-gen-grpc-swift-2, runtime: GRPCProtobuf
GRPC_SWIFT_2_VERSION=2.4.3          # GRPCCodeGen used by the plugin, runtime: GRPCCore

# Protos to generate, relative to Protos/.
PROTOS=(
  nps/oracle/oracle.proto
  grpc/health/v1/health.proto
)

log() { printf -- '** %s\n' "$*" >&2; }
warn() { printf -- '** WARNING: %s\n' "$*" >&2; }
fatal() { printf -- '** ERROR: %s\n' "$*" >&2; exit 1; }

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
proto_root="$root/Protos"
output_dir="${1:-$root/Sources/OracleAPI/Generated}"

# --- version cross-check against Package.resolved (if present) -------------------------

resolved_version() {
  # Prints the pinned version of package identity $1 in Package.resolved, or nothing.
  local id="$1" file="$2"
  awk -v id="\"$id\"" '
    /"identity"/ { cur = $3; sub(/,$/, "", cur) }
    /"version"/ && cur == id { v = $3; gsub(/[",]/, "", v); print v; exit }
  ' "$file"
}

check_pin() {
  local id="$1" want="$2" file="$3" got
  [[ -f "$file" ]] || return 0
  got="$(resolved_version "$id" "$file")"
  if [[ -n "$got" && "$got" != "$want" ]]; then
    warn "$file pins $id $got but dev/generate.sh builds its plugin from $want;" \
      "update the versions at the top of dev/generate.sh (and regenerate)."
  fi
}

check_pin swift-protobuf "$SWIFT_PROTOBUF_VERSION" "$root/Package.resolved"
check_pin grpc-swift-protobuf "$GRPC_SWIFT_PROTOBUF_VERSION" "$root/Package.resolved"
check_pin grpc-swift-2 "$GRPC_SWIFT_2_VERSION" "$root/Package.resolved"

# --- protoc ----------------------------------------------------------------------------

ensure_protoc() {
  if [[ -n "${PROTOC:-}" ]]; then
    [[ -x "$PROTOC" ]] || fatal "PROTOC=$PROTOC is not executable"
    return
  fi
  if ! command -v protoc >/dev/null 2>&1; then
    if [[ "$(id -u)" -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
      log "protoc not found; installing Debian's protobuf-compiler"
      apt-get update -qq >&2
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        protobuf-compiler >&2
    else
      fatal "protoc not found. Install it: 'sudo apt-get install protobuf-compiler'" \
        "(Debian/Ubuntu) or 'brew install protobuf' (macOS), or set PROTOC=/path/to/protoc."
    fi
  fi
  PROTOC="$(command -v protoc)"
}

ensure_protoc
log "Using $("$PROTOC" --version) at $PROTOC"

# --- plugins ---------------------------------------------------------------------------

command -v swift >/dev/null 2>&1 || fatal "swift not found on PATH"
command -v git >/dev/null 2>&1 || fatal "git not found on PATH"

# The toolchain version is part of the cache key: the plugins link the toolchain's runtime.
swift_version="$(swift --version 2>/dev/null | sed -n 's/.*Swift version \([^ ]*\).*/\1/p' | head -n 1)"
swift_version="${swift_version:-unknown}"
cache_root="${NPS_PLUGIN_CACHE:-${HOME}/.cache/nps-stack/protoc-plugins}"
cache_key="swift-protobuf-${SWIFT_PROTOBUF_VERSION}_grpc-swift-protobuf-${GRPC_SWIFT_PROTOBUF_VERSION}_grpc-swift-2-${GRPC_SWIFT_2_VERSION}_swift-${swift_version}"
plugin_dir="$cache_root/$cache_key"
protoc_gen_swift="$plugin_dir/protoc-gen-swift"
protoc_gen_grpc_swift="$plugin_dir/protoc-gen-grpc-swift-2"

tmp_dirs=()
cleanup() { if ((${#tmp_dirs[@]})); then rm -rf "${tmp_dirs[@]}"; fi; }
trap cleanup EXIT

# Checks that the resolved version of $2 in the clone at $1 is $3.
assert_clone_pin() {
  local got
  got="$(resolved_version "$2" "$1/Package.resolved")"
  [[ "$got" == "$3" ]] || fatal "plugin build resolved $2 ${got:-<none>}, expected $3"
}

# build_plugin URL TAG PRODUCT: clones URL at TAG, builds PRODUCT in release mode and
# installs the binary into $plugin_dir. Reuses an existing, working binary.
build_plugin() {
  local url="$1" tag="$2" product="$3" src start
  if [[ -x "$plugin_dir/$product" ]] && "$plugin_dir/$product" --version >/dev/null 2>&1; then
    log "Reusing $plugin_dir/$product"
    return
  fi
  mkdir -p "$plugin_dir"
  src="$(mktemp -d "$plugin_dir/.build-$product.XXXXXX")"
  tmp_dirs+=("$src")
  log "Building $product from $url at $tag (release; takes a few minutes the first time)"
  start=$SECONDS
  git -c advice.detachedHead=false clone --quiet --branch "$tag" "$url" "$src/src"
  if [[ "$product" == protoc-gen-grpc-swift-2 ]]; then
    # Pin the plugin's dependencies to the versions this project uses at run time.
    swift package --package-path "$src/src" resolve >&2
    swift package --package-path "$src/src" resolve grpc-swift-2 --version "$GRPC_SWIFT_2_VERSION" >&2
    swift package --package-path "$src/src" resolve swift-protobuf --version "$SWIFT_PROTOBUF_VERSION" >&2
    assert_clone_pin "$src/src" grpc-swift-2 "$GRPC_SWIFT_2_VERSION"
    assert_clone_pin "$src/src" swift-protobuf "$SWIFT_PROTOBUF_VERSION"
  fi
  swift build --package-path "$src/src" -c release --product "$product" >&2
  local bin
  bin="$(swift build --package-path "$src/src" -c release --show-bin-path)/$product"
  [[ -x "$bin" ]] || fatal "build did not produce $bin"
  cp "$bin" "$plugin_dir/.$product.tmp"
  mv -f "$plugin_dir/.$product.tmp" "$plugin_dir/$product"
  rm -rf "$src"
  log "Built $product in $((SECONDS - start))s"
}

build_plugin https://github.com/apple/swift-protobuf.git "$SWIFT_PROTOBUF_VERSION" protoc-gen-swift
build_plugin https://github.com/grpc/grpc-swift-protobuf.git "$GRPC_SWIFT_PROTOBUF_VERSION" protoc-gen-grpc-swift-2

# --- generate --------------------------------------------------------------------------

gen_dir="$(mktemp -d "${TMPDIR:-/tmp}/nps-generate.XXXXXX")"
tmp_dirs+=("$gen_dir")

# Run from Protos/ with relative paths so the "Source:" lines in headers are stable.
(
  cd "$proto_root"
  "$PROTOC" \
    --proto_path=. \
    "--plugin=protoc-gen-swift=$protoc_gen_swift" \
    --swift_out="$gen_dir" \
    --swift_opt=Visibility=Public \
    --swift_opt=FileNaming=PathToUnderscores \
    "--plugin=protoc-gen-grpc-swift-2=$protoc_gen_grpc_swift" \
    --grpc-swift-2_out="$gen_dir" \
    --grpc-swift-2_opt=Visibility=Public \
    --grpc-swift-2_opt=Server=true \
    --grpc-swift-2_opt=Client=true \
    --grpc-swift-2_opt=FileNaming=PathToUnderscores \
    "${PROTOS[@]}"
)

# Replace the previously generated files (so removed protos don't leave stale output).
mkdir -p "$output_dir"
find "$output_dir" -maxdepth 1 -type f \( -name '*.pb.swift' -o -name '*.grpc.swift' \) -delete
cp "$gen_dir"/*.swift "$output_dir"/
log "Generated into $output_dir:"
(cd "$output_dir" && LC_ALL=C ls -1 -- *.pb.swift *.grpc.swift) | sed 's/^/     /' >&2
