# shellcheck shell=bash
# Sourced (not run) by Tests/PythonClient/run.sh, the Python grpcio client checks.
# Before sourcing, set PROG (the prefix of messages).
#
# After sourcing:
#   $VENV_PYTHON  the venv's python: ${NPS_PY_VENV:-$HOME/.cache/nps-stack/py-venv},
#                 made once with the pinned requirements.txt (reinstalled when it changes)
#   $STUBS        a temporary folder (removed on exit) holding grpcio stubs generated
#                 from the repo's Protos/: nps/oracle/oracle_pb2*.py and health_pb2*.py
#   say, die      messages on stderr; die exits 2 (setup failed)
# Python to make the venv with: $NPS_PYTHON, else python3.

NPS_PY_HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$NPS_PY_HERE/../.." && pwd)
VENV=${NPS_PY_VENV:-$HOME/.cache/nps-stack/py-venv}
PYTHON=${NPS_PYTHON:-python3}
REQS="$NPS_PY_HERE/requirements.txt"
ORACLE_PROTO="$REPO_ROOT/Protos/nps/oracle/oracle.proto"
HEALTH_PROTO="$REPO_ROOT/Protos/grpc/health/v1/health.proto"

say() { echo "$PROG: $*" >&2; }
die() { echo "$PROG: error: $*" >&2; exit 2; }

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
VENV_PYTHON="$VENV/bin/python"

# --- stubs ----------------------------------------------------------------------------
STUBS=$(mktemp -d "${TMPDIR:-/tmp}/nps-py-stubs.XXXXXX")
trap 'rm -rf "$STUBS"' EXIT
# oracle.proto keeps its package path (nps/oracle/oracle_pb2.py). health.proto is
# generated at the top level (health_pb2.py): a generated grpc/health/... package
# would collide with the grpc library itself. The wire names do not change.
"$VENV_PYTHON" -m grpc_tools.protoc -I "$REPO_ROOT/Protos" \
    --python_out="$STUBS" --grpc_python_out="$STUBS" "$ORACLE_PROTO" \
    || die "protoc failed on $ORACLE_PROTO"
"$VENV_PYTHON" -m grpc_tools.protoc -I "$(dirname "$HEALTH_PROTO")" \
    --python_out="$STUBS" --grpc_python_out="$STUBS" "$HEALTH_PROTO" \
    || die "protoc failed on $HEALTH_PROTO"
