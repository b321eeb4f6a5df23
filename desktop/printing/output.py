"""Saving a printed document: atomically (a crash or a pulled USB stick leaves the whole
file or none), and refused with a clear message when the place cannot be written."""

from __future__ import annotations

import os
from pathlib import Path

from desktop.core.errors import Refusal
from desktop.storage.attachments import write_atomically


def save_document(path: Path | str, content: bytes) -> Path:
    target = Path(path).expanduser()
    if target.is_dir():
        raise Refusal(f"{target} 是一个文件夹,请给出要保存的文件名(例如 {target / '公示.pdf'})。")
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise Refusal(f"文件夹 {folder} 不存在,请先建立它或换一个保存位置。")
    if not os.access(folder, os.W_OK) or (target.exists() and not os.access(target, os.W_OK)):
        raise Refusal(f"没有权限写入 {target},请换一个保存位置(例如桌面或 U 盘)。")
    try:
        write_atomically(target, content)
    except OSError as exc:
        raise Refusal(f"无法写入 {target}:{exc.strerror or exc},"
                      f"请换一个保存位置(例如桌面或 U 盘)。") from None
    return target
