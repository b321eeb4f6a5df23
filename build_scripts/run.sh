#!/usr/bin/env bash
# Set up a virtual environment and open Relief Desk. With no data directory given
# (RELIEF_DESK_HOME or --data-dir), it opens a demo village workstation in ./demo-data,
# creating it with synthetic cases the first time.
#
# The laptop is offline by design: pip runs only when .venv/ is missing or pyproject.toml
# or the pinned versions (build_scripts/constraints.txt) changed since the last install,
# which .venv/relief-desk-installed.stamp remembers. Otherwise the app starts at once,
# with no package index needed.
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-python3}"
STAMP=.venv/relief-desk-installed.stamp
wanted=$(cat pyproject.toml build_scripts/constraints.txt | cksum)

if [ ! -x .venv/bin/relief-desk ] || [ "$(cat "$STAMP" 2>/dev/null)" != "$wanted" ]; then
    [ -x .venv/bin/python ] || "$PY" -m venv .venv
    if .venv/bin/python -m pip install --quiet -c build_scripts/constraints.txt -e .; then
        printf '%s\n' "$wanted" > "$STAMP.part" && mv -f "$STAMP.part" "$STAMP"
    elif [ -x .venv/bin/relief-desk ]; then
        # pyproject changed while offline: the code is current (editable install); the
        # libraries are those of the last install, which is better than not starting
        echo "run.sh: 无法安装或更新依赖(没有网络?),先用已安装的版本启动;联网后再运行一次即可更新。" >&2
    else
        echo "run.sh: 首次安装需要联网下载依赖,安装未成功。请联网后再运行 bash build_scripts/run.sh。" >&2
        exit 1
    fi
fi

case " $* " in *" --version "* | *" --help "* | *" -h "*) needs_data=no ;; *) needs_data=yes ;; esac
if [ "$needs_data" = yes ] && [ -z "${RELIEF_DESK_HOME:-}" ] && [[ " $* " != *" --data-dir "* ]]; then
    export RELIEF_DESK_HOME="$PWD/demo-data"
    [ -f "$RELIEF_DESK_HOME/relief-desk.sqlite3" ] || .venv/bin/relief-desk demo
fi
exec .venv/bin/relief-desk "$@"
