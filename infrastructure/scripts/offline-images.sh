#!/usr/bin/env bash
# offline-images.sh — make the base images the stack names available without a registry.
#
#   infrastructure/scripts/offline-images.sh [options] [IMAGE...]
#
# For each image (default: all of debian:bookworm-slim swift:6.3-bookworm postgres:15-bookworm):
#   1. the engine already has it            -> "present" (used as is; nothing is rebuilt)
#   2. else `docker pull` answers in time   -> "pulled"
#   3. else a local stand-in, same tag      -> "built"  (recipes: infrastructure/offline/<image>/)
#        debian:bookworm-slim  debootstrap --variant=minbase, trimmed like the official slim image,
#                              `docker import`ed; apt uses the host's Debian mirror
#        swift:6.3-bookworm    FROM debian:bookworm-slim + the official image's packages + the host
#                              toolchain (/opt/swift/usr -> /usr) + the package mirror /opt/swift-packages
#        postgres:15-bookworm  FROM debian:bookworm-slim + Debian's postgresql-15 + an entrypoint with
#                              the official image's contract
#      Stand-ins carry the label org.nps-stack.offline-stand-in=true.
# and prints a table of what it used, pulled or built. Images built in this run are smoke-tested.
#
# Options:
#   --no-pull          do not try `docker pull` (straight to the stand-in)
#   --rebuild          rebuild the stand-ins of the named images (or all) even if present
#   --no-cache         with --rebuild: build without the engine's layer cache (fresh apt packages)
#   --verify           smoke-test every image at the end, not just the ones built now
#   -h, --help         this text
# Environment:
#   DOCKER             docker CLI (default: what setup-engine.sh --print-cli says, else `docker`)
#   PULL_TIMEOUT       seconds for each `docker pull` try (default 20)
#   SWIFT_TOOLCHAIN    toolchain root holding usr/ (default /opt/swift)
#   SWIFT_PACKAGES_MIRROR  bare-repo mirror of github.com packages (default /opt/swift-packages)
#   DEBIAN_MIRROR, DEBIAN_SECURITY_MIRROR  override the mirrors read from the host's apt sources
#   BUILD_LOG_DIR      where build logs go (default /var/tmp/nps-offline-images)
set -euo pipefail

readonly SELF=offline-images.sh
SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
readonly SCRIPT_DIR
OFFLINE_DIR="$(cd "$SCRIPT_DIR/../offline" && pwd)"
readonly OFFLINE_DIR
readonly ALL_IMAGES=(debian:bookworm-slim swift:6.3-bookworm postgres:15-bookworm)
readonly LABEL=org.nps-stack.offline-stand-in
readonly PULL_TIMEOUT="${PULL_TIMEOUT:-20}"
readonly SWIFT_TOOLCHAIN="${SWIFT_TOOLCHAIN:-/opt/swift}"
readonly SWIFT_PACKAGES_MIRROR="${SWIFT_PACKAGES_MIRROR:-/opt/swift-packages}"
readonly BUILD_LOG_DIR="${BUILD_LOG_DIR:-/var/tmp/nps-offline-images}"
readonly SUITE=bookworm

log() { printf '%s: %s\n' "$SELF" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

CLEANUP=()
cleanup() {
  local d m
  for d in "${CLEANUP[@]}"; do
    # never leave proc/sys/dev mounted inside a half-made debootstrap root
    while read -r m; do umount -l "$m" 2>/dev/null || true; done \
      < <(awk -v d="$d/" 'index($2, d) == 1 { print $2 }' /proc/mounts | sort -r)
    rm -rf --one-file-system "$d"
  done
}
trap cleanup EXIT

# --- helpers ---------------------------------------------------------------------

dk() { "$DOCKER" "$@"; }
# Stand-ins build with the classic builder: it needs no buildx (the CLI here may lack it)
# and no frontend image from a registry.
dk_build() { DOCKER_BUILDKIT=0 "$DOCKER" build ${NO_CACHE:+--no-cache} "$@"; }

have_image() { dk image inspect "$1" >/dev/null 2>&1; }
image_label() { dk image inspect -f "{{ index .Config.Labels \"$2\" }}" "$1" 2>/dev/null | sed 's/^<no value>$//'; }
image_size() { dk image inspect -f '{{.Size}}' "$1" 2>/dev/null | numfmt --to=si --round=nearest --suffix=B --format='%.1f' 2>/dev/null || echo '?'; }
slug() { printf '%s' "$1" | tr ':/' '--'; }   # debian:bookworm-slim -> debian-bookworm-slim
recipe_dir() { printf '%s/%s' "$OFFLINE_DIR" "$(slug "$1")"; }
# A hash of a stand-in's recipe folder, stored as a label, to notice a changed recipe.
recipe_hash() {
  (cd "$(recipe_dir "$1")" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16)
}

fmt_secs() { local s="$1"; if ((s >= 60)); then printf '%dm%02ds' $((s / 60)) $((s % 60)); else printf '%ds' "$s"; fi; }

# run_logged NAME CMD...: run CMD with output to a log file; on failure show its tail.
run_logged() {
  local name="$1"; shift
  local logf="$BUILD_LOG_DIR/$name.log"
  mkdir -p "$BUILD_LOG_DIR"
  if "$@" >"$logf" 2>&1; then return 0; fi
  log "FAILED: $* (last lines of $logf follow)"
  tail -n 40 "$logf" >&2
  return 1
}

# The first URI the host's apt sources use for SUITE (deb822 *.sources or one-line *.list).
host_mirror_for() {
  local suite="$1" f
  {
    for f in /etc/apt/sources.list.d/*.sources; do
      [[ -r "$f" ]] || continue
      awk -v suite="$suite" '
        function flush() {
          if ((" " types " ") ~ / deb / && (" " suites " ") ~ (" " suite " ") && uris != "") { split(uris, u, " "); print u[1] }
          types = ""; suites = ""; uris = ""
        }
        /^[ \t]*#/ { next }
        /^[ \t]*$/ { flush(); next }
        { key = tolower($1); val = $0; sub(/^[^:]*:[ \t]*/, "", val) }
        key == "types:" { types = val } key == "suites:" { suites = val } key == "uris:" { uris = val }
        END { flush() }' "$f"
    done
    for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
      [[ -r "$f" ]] || continue
      awk -v suite="$suite" '$1 == "deb" { i = 2; if ($i ~ /^\[/) { while (i < NF && $i !~ /\]$/) i++; i++ } if ($(i + 1) == suite) print $i }' "$f"
    done
  } | sed -n '1p'
}

ensure_tool() {  # ensure_tool COMMAND DEBIAN-PACKAGE
  command -v "$1" >/dev/null 2>&1 && return 0
  if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null 2>&1; then
    log "installing $2 (for $1)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$2" >/dev/null 2>&1 \
      || { DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null
           DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$2" >/dev/null; }
    command -v "$1" >/dev/null 2>&1 && return 0
  fi
  die "$1 is needed (Debian package $2)"
}

# --- stand-in: debian:bookworm-slim ---------------------------------------------

# Delete what the slim image's dpkg path-exclude rules exclude (path-include wins).
# find -path matches like dpkg's fnmatch: '*' also matches '/'.
slimify() {
  local root="$1" kind pat ex base
  local -a excludes=() keep=()
  while read -r kind pat; do
    case "$kind" in
      path-exclude) excludes+=("$pat") ;;
      path-include) keep+=(! -path "$root$pat") ;;
    esac
  done < "$root/etc/dpkg/dpkg.cfg.d/docker"
  for ex in "${excludes[@]}"; do
    base="${ex%%\**}"; base="${base%/}"       # fixed prefix of the glob: /usr/share/doc
    [[ -d "$root$base" ]] || continue
    find "$root$base" -mindepth 1 \( -type f -o -type l \) -path "$root$ex" "${keep[@]}" -delete
    find "$root$base" -mindepth 1 -depth -type d -empty -delete
  done
}

build_debian() {
  local tag="$1" mirror security root t0 dir
  [[ "$(id -u)" == 0 ]] || die "building the $tag stand-in needs root (debootstrap)"
  ensure_tool debootstrap debootstrap
  [[ -r /usr/share/keyrings/debian-archive-keyring.gpg ]] || ensure_tool gpgv debian-archive-keyring
  mirror="${DEBIAN_MIRROR:-$(host_mirror_for "$SUITE")}"
  mirror="${mirror:-http://deb.debian.org/debian}"
  security="${DEBIAN_SECURITY_MIRROR:-$(host_mirror_for "$SUITE-security")}"
  security="${security:-http://deb.debian.org/debian-security}"
  log "$tag: debootstrap --variant=minbase $SUITE from $mirror (security: $security)"

  root="$(mktemp -d "${TMPDIR:-/var/tmp}/nps-debootstrap.XXXXXX")"
  CLEANUP+=("$root")
  chmod 0755 "$root"
  t0=$(date +%s)
  run_logged debootstrap-"$SUITE" debootstrap --variant=minbase \
    --keyring=/usr/share/keyrings/debian-archive-keyring.gpg "$SUITE" "$root" "$mirror" \
    || die "debootstrap failed"
  T_DEBOOTSTRAP=$(($(date +%s) - t0))
  log "$tag: debootstrap took $(fmt_secs "$T_DEBOOTSTRAP")"
  t0=$(date +%s)

  dir="$(recipe_dir "$tag")"
  # slim config (dpkg path-exclude, apt docker-* settings, policy-rc.d), then apply it
  cp -a "$dir/rootfs/." "$root/"
  chmod 0755 "$root/usr/sbin/policy-rc.d"
  slimify "$root"

  # apt sources: the host's mirror, in the official image's deb822 layout
  rm -f "$root/etc/apt/sources.list"
  cat > "$root/etc/apt/sources.list.d/debian.sources" <<EOF
Types: deb
URIs: $mirror
Suites: $SUITE $SUITE-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: $security
Suites: $SUITE-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF

  # debootstrap installs from $SUITE alone; the official image carries the security suite's updates (SEC.patched).
  t_upgrade=$(date +%s)
  cp /etc/resolv.conf "$root/etc/resolv.conf"
  mount -t proc proc "$root/proc"
  run_logged upgrade-"$SUITE" chroot "$root" sh -c 'apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get -y -q upgrade' \
    || { umount "$root/proc"; die "upgrading the stand-in from $security failed"; }
  umount "$root/proc"
  log "$tag: security and point-release updates applied in $(fmt_secs $(($(date +%s) - t_upgrade)))"

  # what a container gets from the engine, and caches/logs
  rm -f "$root/etc/resolv.conf" "$root/etc/hostname"
  rm -rf "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/*.bin "$root"/var/cache/apt/archives/*.deb \
         "$root"/var/cache/debconf/*-old "$root"/var/lib/dpkg/*-old "$root"/var/log/* "$root"/tmp/* \
         "$root"/var/cache/ldconfig/aux-cache
  mkdir -p "$root/var/lib/apt/lists/partial"
  [[ -e "$root/etc/machine-id" ]] && : > "$root/etc/machine-id"

  log "$tag: trimmed like the official slim image in $(fmt_secs $(($(date +%s) - t0))); docker import"
  tar --numeric-owner --xattrs --xattrs-include='*' -C "$root" \
      --exclude='./dev/*' --exclude='./proc/*' --exclude='./sys/*' --exclude='./run/*' -c . \
    | dk import \
        --change 'CMD ["bash"]' \
        --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
        --change "LABEL $LABEL=true $LABEL.of=$tag $LABEL.recipe=$(recipe_hash "$tag") $LABEL.mirror=$mirror" \
        --message "nps-stack offline stand-in: debootstrap --variant=minbase $SUITE, slim" \
        - "$tag" >/dev/null
  rm -rf --one-file-system "$root"
  T_IMPORT=$(($(date +%s) - t0))
}

# --- stand-in: swift:6.3-bookworm -----------------------------------------------

build_swift() {
  local tag="$1" dir toolchain
  dir="$(recipe_dir "$tag")"
  [[ -x "$SWIFT_TOOLCHAIN/usr/bin/swift" ]] || die "no Swift toolchain at $SWIFT_TOOLCHAIN (set SWIFT_TOOLCHAIN)"
  [[ -d "$SWIFT_PACKAGES_MIRROR" ]] || die "no Swift package mirror at $SWIFT_PACKAGES_MIRROR (set SWIFT_PACKAGES_MIRROR)"
  toolchain="$("$SWIFT_TOOLCHAIN/usr/bin/swift" --version 2>/dev/null | sed -n '1p')"
  log "$tag: toolchain $toolchain, $(du -sh "$SWIFT_TOOLCHAIN/usr" | cut -f1) + mirror $(du -sh "$SWIFT_PACKAGES_MIRROR" | cut -f1)"
  # The build context is a tar stream of exactly: the recipe folder, <toolchain>/usr as
  # swift/usr, and the mirror as swift-packages. Nothing is staged on disk.
  log "$tag: docker build (context streamed as tar; log: $BUILD_LOG_DIR/$(slug "$tag").log)"
  build_swift_ctx() {
    tar --numeric-owner -c \
      -C "$dir" . \
      --transform 's,^usr\(/\|$\),swift/usr\1,S' \
      --transform "s,^$(basename "$SWIFT_PACKAGES_MIRROR")\\(/\\|\$\\),swift-packages\\1,S" \
      -C "$SWIFT_TOOLCHAIN" usr \
      -C "$(dirname "$SWIFT_PACKAGES_MIRROR")" "$(basename "$SWIFT_PACKAGES_MIRROR")" \
      | dk_build --label "$LABEL.recipe=$(recipe_hash "$tag")" --label "$LABEL.toolchain=$toolchain" -t "$tag" -
  }
  run_logged "$(slug "$tag")" build_swift_ctx || die "building $tag failed"
}

# --- stand-in: postgres:15-bookworm ---------------------------------------------

build_postgres() {
  local tag="$1" dir
  dir="$(recipe_dir "$tag")"
  log "$tag: docker build $dir (log: $BUILD_LOG_DIR/$(slug "$tag").log)"
  run_logged "$(slug "$tag")" dk_build --label "$LABEL.recipe=$(recipe_hash "$tag")" -t "$tag" "$dir" \
    || die "building $tag failed"
}

# --- smoke tests ------------------------------------------------------------------

verify_debian() {
  local out
  # shellcheck disable=SC2016  # expanded inside the container
  out="$(dk run --rm "$1" bash -c 'apt-get -qq update && apt-cache policy bash | sed -n 3p | tr -s " " && . /etc/os-release && echo "$PRETTY_NAME"')" \
    || { log "verify $1: FAILED (apt-get update in a container)"; return 1; }
  log "verify $1: OK — $(tr '\n' ';' <<<"$out" | sed 's/;$//')"
}

verify_swift() {
  local out
  # shellcheck disable=SC2016  # expanded inside the container
  out="$(dk run --rm "$1" bash -c 'swift --version 2>&1 | sed -n 1p; git ls-remote --tags https://github.com/apple/swift-log | sed -n "\$p" | cut -f2')" \
    || { log "verify $1: FAILED (swift --version / git ls-remote via mirror)"; return 1; }
  log "verify $1: OK — $(tr '\n' ';' <<<"$out" | sed 's/;$//')"
}

verify_postgres() {
  local tag="$1" init name i rc out uid
  init="$(mktemp -d)"; CLEANUP+=("$init")
  chmod 0755 "$init"
  cat > "$init/01-smoke.sql" <<'EOF'
CREATE TABLE smoke (id int PRIMARY KEY, note text);
INSERT INTO smoke VALUES (1, 'init ran');
EOF
  chmod 0644 "$init/01-smoke.sql"
  name="nps-offline-verify-pg-$$"
  dk run -d --name "$name" -e POSTGRES_USER=nps -e POSTGRES_PASSWORD=verify-pw -e POSTGRES_DB=npsdb \
    -v "$init:/docker-entrypoint-initdb.d:ro" "$tag" >/dev/null
  for ((i = 0; i < 60; i++)); do
    # ready on TCP = init finished and the real server is up
    dk exec "$name" pg_isready -h 127.0.0.1 -U nps -d npsdb -q 2>/dev/null && break
    [[ "$(dk inspect -f '{{.State.Running}}' "$name")" == true ]] || break
    sleep 1
  done
  if ! out="$(dk exec -e PGPASSWORD=verify-pw "$name" psql -h 127.0.0.1 -U nps -d npsdb -At \
        -c "SELECT note || ', ' || current_user || ', ' || split_part(version(), ' ', 2) || ', ' || (SELECT count(*) FROM pg_hba_file_rules WHERE auth_method LIKE 'scram%') || ' scram hba rule(s)' FROM smoke")"; then
    log "verify $tag: FAILED (psql over TCP); container log:"; dk logs "$name" 2>&1 | tail -n 30 >&2
    dk rm -f -v "$name" >/dev/null; return 1
  fi
  # shellcheck disable=SC2016  # expanded inside the container
  uid="$(dk exec "$name" awk '/^Uid:/ { print $2 }' /proc/1/status)"
  dk stop -t 30 "$name" >/dev/null
  rc="$(dk inspect -f '{{.State.ExitCode}}' "$name")"
  dk rm -f -v "$name" >/dev/null
  if [[ "$rc" != 0 ]]; then log "verify $tag: FAILED (docker stop gave exit code $rc)"; return 1; fi
  log "verify $tag: OK — $out; pg_isready ok; docker stop -> exit 0; PID 1 (postgres) runs as uid $uid"
}

verify_image() {
  case "$1" in
    debian:*) verify_debian "$1" ;;
    swift:*) verify_swift "$1" ;;
    postgres:*) verify_postgres "$1" ;;
  esac
}

# --- main -------------------------------------------------------------------------

declare -A RESULT=() HOW=() TOOK=()
T_DEBOOTSTRAP=""; T_IMPORT=""

ensure_image() {
  local tag="$1" t0 kind old_id other
  [[ -n "${RESULT[$tag]:-}" ]] && return 0
  if have_image "$tag" && [[ -z "${REBUILD[$tag]:-}" ]]; then
    RESULT[$tag]=present; TOOK[$tag]=0
    if [[ "$(image_label "$tag" "$LABEL")" == true ]]; then
      HOW[$tag]="engine's copy (offline stand-in)"
      if [[ -d "$(recipe_dir "$tag")" && "$(image_label "$tag" "$LABEL.recipe")" != "$(recipe_hash "$tag")" ]]; then
        log "$tag: WARNING: its recipe in $(recipe_dir "$tag") changed since it was built; run: $0 --rebuild $tag"
        HOW[$tag]+=" [recipe changed: --rebuild]"
      fi
    else
      HOW[$tag]="engine's copy"
    fi
    log "$tag: present, using the engine's copy"
    return 0
  fi
  if ((PULL)) && [[ -z "${REBUILD[$tag]:-}" ]]; then
    log "$tag: not present; trying docker pull (timeout ${PULL_TIMEOUT}s)"
    t0=$(date +%s)
    if timeout "$PULL_TIMEOUT" "$DOCKER" pull -q "$tag" >/dev/null 2>"$BUILD_LOG_DIR/pull.err"; then
      RESULT[$tag]=pulled; HOW[$tag]="registry"; TOOK[$tag]=$(($(date +%s) - t0))
      log "$tag: pulled"
      return 0
    fi
    log "$tag: pull failed after $(fmt_secs $(($(date +%s) - t0))): $(tr '\n' ' ' < "$BUILD_LOG_DIR/pull.err" | cut -c1-160)"
  fi
  kind="${tag%%:*}"
  # the other stand-ins are FROM debian:bookworm-slim
  [[ "$kind" != debian ]] && ensure_image debian:bookworm-slim
  log "$tag: building the offline stand-in"
  old_id="$(dk image inspect -f '{{.Id}}' "$tag" 2>/dev/null || true)"
  t0=$(date +%s)
  case "$kind" in
    debian) build_debian "$tag"
      for other in swift:6.3-bookworm postgres:15-bookworm; do
        if have_image "$other" && [[ -z "${REBUILD[$other]:-}" ]]; then
          log "$tag: note: $other is still built on the previous $tag; run: $0 --rebuild $other"
        fi
      done
      HOW[$tag]="stand-in: debootstrap $(fmt_secs "$T_DEBOOTSTRAP") + trim/import $(fmt_secs "$T_IMPORT")" ;;
    swift) build_swift "$tag"; HOW[$tag]="stand-in: bookworm-slim + $SWIFT_TOOLCHAIN + $SWIFT_PACKAGES_MIRROR" ;;
    postgres) build_postgres "$tag"; HOW[$tag]="stand-in: bookworm-slim + Debian postgresql-15" ;;
    *) die "no stand-in recipe for $tag" ;;
  esac
  TOOK[$tag]=$(($(date +%s) - t0))
  RESULT[$tag]=built
  # a rebuild leaves the previous stand-in untagged: drop it unless something still uses it
  if [[ -n "$old_id" && "$old_id" != "$(dk image inspect -f '{{.Id}}' "$tag")" ]]; then
    if dk rmi "$old_id" >/dev/null 2>&1; then log "$tag: removed the previous build ${old_id:7:12}"; fi
  fi
  log "$tag: built in $(fmt_secs "${TOOK[$tag]}"), $(image_size "$tag")"
  VERIFY_NOW+=("$tag")
}

main() {
  PULL=1; VERIFY_ALL=0; NO_CACHE=""
  local rebuild_all=0 arg
  local -a wanted=()
  declare -gA REBUILD=()
  VERIFY_NOW=()
  while (($#)); do
    arg="$1"; shift
    case "$arg" in
      --no-pull) PULL=0 ;;
      --rebuild) rebuild_all=1 ;;
      --verify) VERIFY_ALL=1 ;;
      --no-cache) NO_CACHE=1 ;;
      -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
      -*) die "unknown option: $arg (see --help)" ;;
      *)
        local ok=0 i
        for i in "${ALL_IMAGES[@]}"; do [[ "$i" == "$arg" ]] && ok=1; done
        ((ok)) || die "unknown image $arg (known: ${ALL_IMAGES[*]})"
        wanted+=("$arg") ;;
    esac
  done
  ((${#wanted[@]})) || wanted=("${ALL_IMAGES[@]}")
  if ((rebuild_all)); then for arg in "${wanted[@]}"; do REBUILD[$arg]=1; done; fi

  # The docker CLI, by the stack scripts' one rule.
  # shellcheck source=stack-env.sh
  source "$SCRIPT_DIR/stack-env.sh"
  dk info >/dev/null 2>&1 || die "no Docker engine answers to $DOCKER; run $SCRIPT_DIR/setup-engine.sh first"
  mkdir -p "$BUILD_LOG_DIR"
  log "engine $(dk version --format '{{.Server.Version}}' 2>/dev/null) via $DOCKER"

  local t_all; t_all=$(date +%s)
  for arg in "${wanted[@]}"; do ensure_image "$arg"; done

  local failed=0 tag
  local -a to_verify=()
  if ((VERIFY_ALL)); then to_verify=("${wanted[@]}"); else to_verify=("${VERIFY_NOW[@]}"); fi
  for tag in "${to_verify[@]}"; do verify_image "$tag" || failed=1; done

  printf '\n%-22s %-8s %-9s %-8s %s\n' IMAGE RESULT SIZE TIME SOURCE
  for tag in "${ALL_IMAGES[@]}"; do
    [[ -n "${RESULT[$tag]:-}" ]] || continue
    printf '%-22s %-8s %-9s %-8s %s\n' "$tag" "${RESULT[$tag]}" "$(image_size "$tag")" "$(fmt_secs "${TOOK[$tag]}")" "${HOW[$tag]}"
  done
  printf '%s: done in %s\n' "$SELF" "$(fmt_secs $(($(date +%s) - t_all)))"
  ((failed == 0)) || die "a smoke test failed (see above)"
}

main "$@"
