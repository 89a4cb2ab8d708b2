#!/usr/bin/env bash
# Runs the Python grpcio client checks against a running Oracle.
#
#   Tests/PythonClient/run.sh --target 127.0.0.1:50052
#   Tests/PythonClient/run.sh                      # target: $NPS_ORACLE_TARGET or 127.0.0.1:50052
#
# Makes (once) a venv in ${NPS_PY_VENV:-$HOME/.cache/nps-stack/py-venv} with the
# pinned requirements.txt, generates grpcio stubs from the repo's Protos/ into a
# temporary folder, and runs oracle_client_test.py. Other arguments are passed on
# (e.g. --connect-timeout 30). Exit 0 all passed, 1 a check failed, 2 target not
# reachable or setup failed. Python: $NPS_PYTHON, else python3.
set -euo pipefail

PROG=python-client-test
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$HERE/../.." && pwd)
VENV=${NPS_PY_VENV:-$HOME/.cache/nps-stack/py-venv}
PYTHON=${NPS_PYTHON:-python3}
REQS="$HERE/requirements.txt"
ORACLE_PROTO="$REPO_ROOT/Protos/nps/oracle/oracle.proto"
HEALTH_PROTO="$REPO_ROOT/Protos/grpc/health/v1/health.proto"

say() { echo "$PROG: $*" >&2; }
die() { echo "$PROG: error: $*" >&2; exit 2; }

args=("$@")
has_target=0
for a in "$@"; do
    case "$a" in --target|--target=*) has_target=1 ;; -h|--help) has_target=1 ;; esac
done
if [ "$has_target" -eq 0 ]; then
    args=(--target "${NPS_ORACLE_TARGET:-127.0.0.1:50052}" "${args[@]}")
fi

[ -f "$ORACLE_PROTO" ] || die "missing $ORACLE_PROTO"
[ -f "$HEALTH_PROTO" ] || die "missing $HEALTH_PROTO"
command -v "$PYTHON" >/dev/null 2>&1 || die "$PYTHON not found (set NPS_PYTHON)"

# --- the venv (reused; reinstalled when requirements.txt changes) -------------------
req_sum=$(sha256sum "$REQS" | cut -d' ' -f1)
stamp="$VENV/.nps-requirements.sha256"
if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c 'import sys' >/dev/null 2>&1; then
    say "creating venv $VENV"
    mkdir -p "$(dirname "$VENV")"
    rm -rf "$VENV"
    if ! "$PYTHON" -m venv "$VENV" >/dev/null 2>&1; then
        rm -rf "$VENV"
        die "'$PYTHON -m venv' failed; on Debian install python3-venv (apt-get install python3-venv)"
    fi
fi
if [ "$(cat "$stamp" 2>/dev/null || true)" != "$req_sum" ]; then
    say "installing $(grep -cv '^\s*\(#\|$\)' "$REQS") pinned packages into $VENV"
    t0=$SECONDS
    "$VENV/bin/python" -m pip install -q --disable-pip-version-check -r "$REQS" >&2 \
        || die "pip install -r $REQS failed"
    echo "$req_sum" > "$stamp"
    say "installed in $((SECONDS - t0)) s"
fi

# --- stubs ----------------------------------------------------------------------------
STUBS=$(mktemp -d "${TMPDIR:-/tmp}/nps-py-stubs.XXXXXX")
trap 'rm -rf "$STUBS"' EXIT
# oracle.proto keeps its package path (nps/oracle/oracle_pb2.py). health.proto is
# generated at the top level (health_pb2.py): a generated grpc/health/... package
# would collide with the grpc library itself. The wire names do not change.
"$VENV/bin/python" -m grpc_tools.protoc -I "$REPO_ROOT/Protos" \
    --python_out="$STUBS" --grpc_python_out="$STUBS" "$ORACLE_PROTO" \
    || die "protoc failed on $ORACLE_PROTO"
"$VENV/bin/python" -m grpc_tools.protoc -I "$(dirname "$HEALTH_PROTO")" \
    --python_out="$STUBS" --grpc_python_out="$STUBS" "$HEALTH_PROTO" \
    || die "protoc failed on $HEALTH_PROTO"

# --- run --------------------------------------------------------------------------------
set +e
PYTHONPATH="$STUBS" PYTHONDONTWRITEBYTECODE=1 "$VENV/bin/python" "$HERE/oracle_client_test.py" "${args[@]}"
rc=$?
set -e
exit "$rc"
