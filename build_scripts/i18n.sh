#!/usr/bin/env bash
# The interface's translations (README "Languages"). Chinese is the source language: the
# strings in desktop/ui are Chinese, wrapped in tr(). This script
#   1. updates resources/i18n/relief_desk_en.ts from them with pyside6-lupdate (new strings
#      appear with an empty, unfinished translation; strings gone from the code are dropped),
#   2. compiles each .ts to its .qm with pyside6-lrelease.
# Translate the new entries in the .ts (by hand or with pyside6-linguist), run it again and
# commit both files: the app and the tests load the committed .qm, so running from source
# needs no Qt tools; build.sh compiles the .qm again before packaging.
#   bash build_scripts/i18n.sh            update and compile
#   bash build_scripts/i18n.sh --compile  compile only (what build.sh does)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${VENV_BIN:-.venv/bin}"
if [ "${1:-}" != "--compile" ]; then
    for ts in resources/i18n/relief_desk_*.ts; do
        lang="${ts##*relief_desk_}"
        "$BIN/pyside6-lupdate" desktop/ui/*.py -ts "$ts" -source-language zh_CN \
            -target-language "${lang%.ts}" -locations none -no-obsolete
    done
fi
for ts in resources/i18n/*.ts; do  # and qt_extra_*.ts: Qt's strings Qt's catalogue misses
    "$BIN/pyside6-lrelease" -silent "$ts" -qm "${ts%.ts}.qm"
done
