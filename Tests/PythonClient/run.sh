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

args=("$@")
has_target=0
for a in "$@"; do
    case "$a" in --target|--target=*) has_target=1 ;; -h|--help) has_target=1 ;; esac
done
if [ "$has_target" -eq 0 ]; then
    args=(--target "${NPS_ORACLE_TARGET:-127.0.0.1:50052}" "${args[@]}")
fi

# The venv and the stubs ($VENV_PYTHON, $STUBS).
# shellcheck source-path=SCRIPTDIR source=venv.sh
. "$HERE/venv.sh"

# --- run --------------------------------------------------------------------------------
set +e
PYTHONPATH="$STUBS" PYTHONDONTWRITEBYTECODE=1 "$VENV_PYTHON" "$HERE/oracle_client_test.py" "${args[@]}"
rc=$?
set -e
exit "$rc"
