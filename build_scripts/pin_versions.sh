#!/usr/bin/env bash
# Refresh the pinned versions (build_scripts/constraints.txt) that run.sh, test.sh and the
# builds install with. In a scratch virtual environment it installs the newest releases
# pyproject.toml allows (with the test tools and PyInstaller), runs the whole test suite on
# them, and only when it passes writes their `pip freeze` as the new pins. Then run
# build_scripts/build.sh and smoke_test.sh, and commit constraints.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-python3}"
VENV=$(mktemp -d)
trap 'rm -rf "$VENV"' EXIT
"$PY" -m venv "$VENV"
"$VENV/bin/python" -m pip install --quiet --upgrade pip
"$VENV/bin/python" -m pip install --quiet -e ".[test]" "pyinstaller>=6.5,<7" \
    "tomli>=2; python_version < '3.11'"
QT_QPA_PLATFORM=offscreen "$VENV/bin/python" -m pytest -q -x -p no:cacheprovider
{
    echo "# The tested versions: run.sh, test.sh and build.sh install with -c this file."
    echo "# Made by build_scripts/pin_versions.sh on $(date +%Y-%m-%d) with $("$VENV/bin/python" -V)."
    "$VENV/bin/python" -m pip freeze --exclude-editable | grep -v '^#'
} > build_scripts/constraints.txt.part
mv -f build_scripts/constraints.txt.part build_scripts/constraints.txt
echo "已更新 build_scripts/constraints.txt($(grep -vc '^#' build_scripts/constraints.txt) 个包)"
