#!/usr/bin/env bash
# Set up a virtual environment and run the whole test suite, headless.
# This is the README's test command; .ci/run runs exactly this. It installs the tested
# versions pinned in build_scripts/constraints.txt (refreshed by pin_versions.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-python3}"
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -c build_scripts/constraints.txt -e ".[test]"
.venv/bin/ruff check .
QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest "$@"
