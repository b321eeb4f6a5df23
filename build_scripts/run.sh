#!/usr/bin/env bash
# Set up a virtual environment and open Relief Desk. With no data directory given
# (RELIEF_DESK_HOME or --data-dir), it opens a demo village workstation in ./demo-data,
# creating it with synthetic cases the first time.
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-python3}"
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install --quiet -e .
if [ -z "${RELIEF_DESK_HOME:-}" ] && [[ " $* " != *" --data-dir "* ]]; then
    export RELIEF_DESK_HOME="$PWD/demo-data"
    [ -f "$RELIEF_DESK_HOME/relief-desk.sqlite3" ] || .venv/bin/relief-desk demo
fi
exec .venv/bin/relief-desk "$@"
