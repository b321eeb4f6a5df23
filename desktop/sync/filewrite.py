"""Writing a bundle to a USB stick so that a pulled stick leaves a whole, valid bundle or
nothing: a temporary file beside the target, flushed and fsynced, read back and checked,
and only then renamed to its real name."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Callable

from desktop.core.errors import Refusal, os_reason
from desktop.safety import leftovers


def write_temp(folder: Path, content: bytes, check: Callable[[bytes], None]) -> Path:
    """The fsynced temporary file, already read back and checked by `check`."""
    folder = Path(folder)
    if not folder.is_dir():
        raise Refusal(f"文件夹 {folder} 不存在。请插好 U 盘,或选择一个已有的文件夹。")
    leftovers.clean_folder(folder, leftovers.USB_PREFIX)  # a write a crash cut short
    try:
        fd, name = tempfile.mkstemp(prefix=leftovers.part_name(leftovers.USB_PREFIX),
                                    suffix=".part", dir=folder)
    except OSError as exc:
        raise Refusal(f"不能在 {folder} 写入({os_reason(exc)}):U 盘可能写保护或已满。"
                      f"请换一个 U 盘或文件夹。本机数据未做任何改动。") from None
    tmp = Path(name)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(content)
            fh.flush()
            os.fsync(fh.fileno())
        check(tmp.read_bytes())
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise Refusal(f"写入 {folder} 失败({os_reason(exc)}):U 盘可能已满、写保护或被拔出。"
                      f"请换一个 U 盘后重新导出。本机数据未做任何改动。") from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return tmp


def publish(tmp: Path, target: Path, hint: str = "请换一个 U 盘或文件夹后重试。") -> None:
    """Give the checked temporary file its real name, durably."""
    try:
        os.replace(tmp, target)
        if os.name == "posix":
            fd = os.open(target.parent, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise Refusal(f"文件未能保存到 {target.parent}({os_reason(exc)})。{hint}") from None


def free_name(folder: Path, stem: str, suffix: str) -> Path:
    target = Path(folder) / f"{stem}{suffix}"
    n = 2
    while target.exists():
        target = Path(folder) / f"{stem}({n}){suffix}"
        n += 1
    return target
