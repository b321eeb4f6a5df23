#!/usr/bin/env bash
# Smoke-test the built package dist/relief-desk/ (run build_scripts/build.sh first) the way
# an officer's machine would run it: a clean environment (no virtual environment on PATH,
# an empty HOME, no system CJK font visible to Qt), offscreen Qt. Checks --version,
# selfcheck, a demo workstation, and that the GUI starts and keeps running for a few
# seconds. Prints the build's size and the start-up time against `python -m desktop`.
# PYTHON_FOR_TIMING=path/to/python (default: .venv-build/bin/python) for the comparison;
# SIZE_LIMIT_MB (default 150, the target of the README) fails the run above that.
set -euo pipefail
cd "$(dirname "$0")/.."
DIST="$PWD/dist/relief-desk"
CLI="$DIST/relief-desk-cli"
GUI="$DIST/relief-desk"
[ -x "$CLI" ] && [ -x "$GUI" ] || { echo "smoke: 没有 $DIST,请先运行 build_scripts/build.sh" >&2; exit 2; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/home" "$WORK/fonts"
# A fontconfig that sees no system fonts: Chinese must come from the bundled font.
cat > "$WORK/fonts/fonts.conf" <<EOF
<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><dir>$WORK/fonts/none</dir><cachedir>$WORK/fonts/cache</cachedir></fontconfig>
EOF
clean() {  # run a command as on a bare machine
    env -i PATH=/usr/bin:/bin HOME="$WORK/home" QT_QPA_PLATFORM=offscreen LANG=C.UTF-8 \
        FONTCONFIG_FILE="$WORK/fonts/fonts.conf" "$@"
}
fail() { echo "smoke: 失败:$*" >&2; exit 1; }

want=$(sed -n 's/^version *= *"\(.*\)"/\1/p' pyproject.toml | head -1)
got=$(clean "$CLI" --version)
[ "$got" = "relief-desk $want" ] || fail "--version 输出“$got”,应为“relief-desk $want”"
echo "smoke: --version: $got"

clean "$CLI" selfcheck || fail "selfcheck"

for f in resources/fonts/wqy-microhei.ttc resources/icons/relief-desk.png; do
    [ -f "$DIST/_internal/$f" ] || fail "包中缺少 $f"
done
for name in qtbase_zh_CN.qm qtbase_en.qm; do
    qm=$(find "$DIST/_internal/PySide6" -name "$name" | head -1)
    [ -n "$qm" ] || fail "包中缺少 $name"
done
[ -f "$DIST/_internal/resources/i18n/relief_desk_en.qm" ] || fail "包中缺少界面的英文翻译"
others=$(find "$DIST/_internal/PySide6" -name "*.qm" ! -name qtbase_zh_CN.qm ! -name qtbase_en.qm | wc -l)
[ "$others" -eq 0 ] || fail "包中有 $others 个多余的 Qt 翻译文件"
missing=$(find "$DIST/_internal" -name "*.so*" -type f -exec ldd {} + 2>/dev/null \
          | grep "not found" | grep -E "libQt6|libpyside|libshiboken|libpython" | sort -u || true)
[ -z "$missing" ] || fail "包内库缺失:$missing"

DEMO="$WORK/demo"
clean "$CLI" --data-dir "$DEMO" demo --applications 30 >/dev/null || fail "demo"
clean "$GUI" --data-dir "$DEMO" > "$WORK/gui.log" 2>&1 &
gui=$!
sleep 5
if ! kill -0 "$gui" 2>/dev/null; then
    wait "$gui" && rc=0 || rc=$?
    cat "$WORK/gui.log" >&2
    fail "图形界面 5 秒内退出(退出码 $rc)"
fi
kill "$gui"; wait "$gui" 2>/dev/null || true
if grep -qiE "Traceback|内部错误|could not (load|find) the Qt platform" "$WORK/gui.log"; then
    cat "$WORK/gui.log" >&2; fail "图形界面启动时报错"
fi
echo "smoke: 图形界面在演示数据上运行 5 秒无崩溃"

size=$(du -sm "$DIST" | cut -f1)
echo "smoke: 包大小 ${size} MB(上限 ${SIZE_LIMIT_MB:-150} MB)"
[ "$size" -le "${SIZE_LIMIT_MB:-150}" ] || fail "包大小 ${size} MB 超过上限"

ms() {  # mean wall time in ms of 5 runs of a command (after one warm-up run)
    "$@" >/dev/null
    local start end
    start=$(date +%s%N)
    for _ in 1 2 3 4 5; do "$@" >/dev/null; done
    end=$(date +%s%N)
    echo $(( (end - start) / 5000000 ))
}
PY="${PYTHON_FOR_TIMING:-$PWD/.venv-build/bin/python}"
t_build=$(ms clean "$CLI" --version)
t_py=$(cd "$PWD" && ms "$PY" -m desktop --version)
echo "smoke: 启动时间(--version,5 次平均):打包版 ${t_build} ms,python -m desktop ${t_py} ms"
echo "smoke: 全部通过"
