#!/usr/bin/env bash
# Build the package: dist/relief-desk/ (onedir) with relief-desk (GUI) and relief-desk-cli.
# Uses its own virtual environment, .venv-build/, holding only the app and PyInstaller, so
# nothing from the test tools ends up in the package. BUILD_VENV=DIR uses another one.
# On Windows use build_scripts/build.ps1 (same steps).
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-python3}"
VENV="${BUILD_VENV:-.venv-build}"
start=$(date +%s)
[ -x "$VENV/bin/python" ] || "$PY" -m venv "$VENV"
"$VENV/bin/python" -m pip install --quiet -c build_scripts/constraints.txt -e . "pyinstaller>=6.5,<7" \
    "tomli>=2; python_version < '3.11'" 2>&1 | { grep -v "is ignored: it is neither" || true; }
# The interface's translations (.ts → .qm), compiled from the committed .ts files.
VENV_BIN="$VENV/bin" bash build_scripts/i18n.sh --compile
"$VENV/bin/python" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller build_scripts/relief-desk.spec
# PyInstaller links every library into _internal/; drop the links to those the spec pruned.
find dist/relief-desk -xtype l -delete
if [ "$(uname -s)" = Linux ]; then
    bash build_scripts/stub_icu_data.sh dist/relief-desk/_internal/PySide6/Qt/lib
fi
size=$(du -sm dist/relief-desk | cut -f1)
echo "已生成 dist/relief-desk/($size MB,用时 $(( $(date +%s) - start )) 秒)"
