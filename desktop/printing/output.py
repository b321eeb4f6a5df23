"""Saving a printed document: atomically (a crash or a pulled USB stick leaves the whole
file or none), and refused with a clear message when the place cannot be written."""

from __future__ import annotations

import os
from pathlib import Path

from desktop.core.errors import Refusal, os_reason
from desktop.storage.attachments import write_atomically


def save_document(path: Path | str, content: bytes) -> Path:
    target = Path(path).expanduser()
    _check_ending(target, content)
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
        raise Refusal(f"无法写入 {target}:{os_reason(exc)},"
                      f"请换一个保存位置(例如桌面或 U 盘)。") from None
    return target


def save_documents(documents: list[tuple[Path, bytes]]) -> list[Path]:
    """Files that belong together (a register's PDF, workbook and signed file): every one
    written, or none left behind. Each is written and read back under a temporary name
    first; only then are they renamed, and a failure on the way removes those already
    renamed. A name already taken is refused before anything is written (removing it
    on a failure would lose someone else's file)."""
    from desktop.sync.filewrite import publish, write_temp

    targets = [Path(t).expanduser() for t, _ in documents]
    for target, (_, content) in zip(targets, documents, strict=True):
        _check_ending(target, content)
    for target in targets:
        if target.exists():
            raise Refusal(f"{target.parent} 中已有 {target.name},请换一个文件夹后重试。")
    temps: list[tuple[Path, Path]] = []
    done: list[Path] = []
    try:
        for target, (_, data) in zip(targets, documents, strict=True):
            temps.append((write_temp(target.parent, data, _same_as(data)), target))
        for tmp, target in temps:
            publish(tmp, target, "已写入的文件均已删除,请腾出空间或换一个 U 盘后重试。")
            done.append(target)
    except BaseException:
        for tmp, _target in temps:
            tmp.unlink(missing_ok=True)
        for target in done:
            target.unlink(missing_ok=True)
        raise
    return done


def _check_ending(target: Path, content: bytes) -> None:
    """A PDF or a workbook saved under another ending opens in the wrong program (or in
    none) on the officer's machine: the name must say what the file is."""
    kind = ("PDF", ".pdf") if content.startswith(b"%PDF") else (
        ("Excel", ".xlsx") if content.startswith(b"PK") and b"xl/workbook.xml" in content
        else None)
    if kind and target.suffix.lower() != kind[1]:
        raise Refusal(f"{target.name}:保存的是 {kind[0]} 文件,文件名应以 {kind[1]} 结尾"
                      f"(例如 {target.stem}{kind[1]})。未做任何改动。")


def _same_as(data: bytes):
    def check(raw: bytes) -> None:
        if raw != data:
            raise Refusal("写入后读回的文件与写入的不一致,U 盘可能有故障。请换一个 U 盘重试。")
    return check
