"""Where the file dialogs open: a dialog given no folder opens in the process's working
folder, which is the program's own (an installed program's, not writable) — the officer
then saved PDFs beside the program or looked for a bundle among its files.

- what arrives (bundles, identity cards, photos) is looked for on a USB stick first;
- what the officer saves (PDF, Excel) goes to their Documents folder, and a name typed
  without its ending gets the ending of the chosen type (Qt's own dialog adds none);
- the volumes offered for sending are listed with the sticks first."""

from __future__ import annotations

import os
import re
from pathlib import Path

from PySide6.QtCore import QStandardPaths, QStorageInfo
from PySide6.QtWidgets import QFileDialog

from desktop.ui.i18n import tr


def documents(name: str = "") -> str:
    """The officer's Documents folder (their home if there is none), with `name` in it.
    A folder named but not there (a fresh account) would make the dialog open in the
    program's folder again: the home is used then."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if not folder or not Path(folder).is_dir():
        folder = str(Path.home())
    return str(Path(folder) / name) if name else folder


def save_name(parent, title: str, name: str, pattern: str) -> str:
    """The file the officer chose to save to ("" if cancelled), in Documents by default,
    with the ending of the chosen type added when none was typed (报表 → 报表.pdf)."""
    path, chosen = QFileDialog.getSaveFileName(parent, title, documents(name), pattern)
    ending = re.search(r"\*(\.\w+)", chosen or pattern)
    if path and ending and not Path(path).suffix:
        path += ending.group(1)
    return path


def incoming() -> str:
    """Where a file from another workstation or a camera is: the first USB stick, else
    the Documents folder."""
    sticks = [path for _, path, removable in removable_first() if removable]
    return str(sticks[0]) if sticks else documents()


def removable_first() -> list[tuple[str, Path, bool]]:
    """Writable volumes as (label, folder, removable), USB sticks first."""
    out = []
    for vol in QStorageInfo.mountedVolumes():
        if not vol.isValid() or not vol.isReady() or vol.isReadOnly():
            continue
        root = vol.rootPath()
        removable = _looks_removable(root)
        free = vol.bytesAvailable() // (1024 * 1024)
        name = vol.displayName() or root
        out.append((tr("{v}:{name}({root},剩余 {free} MB)").format(
                        v=tr('U 盘') if removable else tr('磁盘'), name=name, root=root, free=free),
                    Path(root), removable))
    out.sort(key=lambda v: (not v[2], v[0]))
    return out


def _looks_removable(root: str) -> bool:
    if os.name == "nt":
        return not root.upper().startswith(os.environ.get("SystemDrive", "C:").upper())
    return root.startswith(("/media/", "/run/media/", "/Volumes/", "/mnt/"))
