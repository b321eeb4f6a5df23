#!/usr/bin/env bash
# Linux only: replace Qt's 32 MB ICU data library in the package with an empty one.
#
# Why: PySide6's Linux wheels link Qt against ICU, and ICU's data (collation, time zones,
# converters of legacy encodings, locale names) is a third of the package. Relief Desk uses
# none of it: dates and numbers come from Qt's own CLDR tables, text is UTF-8, sorting is
# done by SQLite, line breaking by Qt's own Unicode tables. ICU built with empty data
# answers "no data" to anything that would need it, which Qt handles; the smoke test then
# runs selfcheck and the GUI on the result. (Windows wheels carry no ICU: nothing to do.)
#
# Needs ICU's tools (Debian: icu-devtools) and a C compiler; without them the package keeps
# the full library and says so.
set -euo pipefail
lib_dir="${1:?usage: stub_icu_data.sh dist/relief-desk/_internal/PySide6/Qt/lib}"
target=$(find "$lib_dir" -maxdepth 1 -name 'libicudata.so.*' -type f | head -n 1)
[ -n "$target" ] || { echo "ICU: 包内没有 libicudata,无须处理"; exit 0; }
for tool in icupkg genccode cc; do
    command -v "$tool" >/dev/null || { echo "ICU: 缺少 $tool,保留完整的 ICU 数据库"; exit 0; }
done
major="${target##*.so.}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
icupkg -tl new "$work/empty.dat"
genccode -d "$work" "$work/empty.dat" >/dev/null
# ICU looks for its common data under the symbol icudt<major>_dat.
sed "s/empty_dat/icudt${major}_dat/g" "$work/empty_dat.c" > "$work/stub.c"
cc -shared -fPIC -Wl,-soname,"libicudata.so.${major}" -o "$work/libicudata.so.${major}" "$work/stub.c"
before=$(du -k "$target" | cut -f1)
cp "$work/libicudata.so.${major}" "$target"
echo "ICU: 以空数据库替换 $(basename "$target")(${before} KB → $(du -k "$target" | cut -f1) KB)"
