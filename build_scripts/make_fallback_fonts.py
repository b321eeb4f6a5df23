"""Maintainer tool: rebuild resources/fonts/hanazono-*-subset.ttf, the fallback fonts for
rare characters in names, from Debian's fonts-hanazono. Kept so the subsets can be
reproduced or widened (e.g. to Extensions C-F, about 8.6 MB more); not run by the build.

    apt-get download fonts-hanazono && dpkg-deb -x fonts-hanazono_*.deb x
    pip install fonttools
    python build_scripts/make_fallback_fonts.py x/usr/share/fonts/truetype/hanazono
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont

FONTS = Path(__file__).resolve().parent.parent / "resources" / "fonts"
PLAN = {  # output: (source, code point ranges kept where the main font lacks them)
    "hanazono-a-subset.ttf": ("HanaMinA.ttf", [
        (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x2F800, 0x2FA1F),
        (0x3000, 0x303F), (0x2E80, 0x2FDF), (0x31C0, 0x31EF)]),
    "hanazono-b-subset.ttf": ("HanaMinB.ttf", [(0x20000, 0x2A6DF)]),
}


def main(source_dir: str) -> None:
    main_cmap = TTCollection(str(FONTS / "wqy-microhei.ttc")).fonts[0].getBestCmap()
    for out, (src, ranges) in PLAN.items():
        font = TTFont(str(Path(source_dir) / src))
        cmap = font.getBestCmap()
        keep = [c for lo, hi in ranges for c in range(lo, hi + 1)
                if c in cmap and c not in main_cmap]
        opts = subset.Options()
        opts.hinting = False
        opts.layout_features = []
        opts.name_IDs = ["*"]
        opts.notdef_outline = True
        opts.drop_tables += ["vhea", "vmtx", "GSUB", "GPOS", "DSIG"]
        subsetter = subset.Subsetter(opts)
        subsetter.populate(unicodes=keep)
        subsetter.subset(font)
        font.save(str(FONTS / out))
        print(f"{out}: {len(keep)} characters")


if __name__ == "__main__":
    main(sys.argv[1])
