"""Errors a user may see. Everything that refuses input raises one of these,
with a Chinese message that says what is wrong and what to do."""

from __future__ import annotations

import errno
from dataclasses import dataclass


class Refusal(Exception):
    """The input or the request is refused; nothing was changed."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class FieldError:
    """One problem with one field; `path` is e.g. "applicant.id_number" or "members[1].name"."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class ValidationFailed(Refusal):
    """A form or record has field errors; the GUI shows each beside its field."""

    def __init__(self, errors: list[FieldError], where: str = ""):
        self.errors = list(errors)
        self.where = where
        shown = self.errors[:5] or [FieldError("", "数据无效")]
        prefix = f"{where}: " if where else ""
        more = f"(另有 {len(self.errors) - 5} 处错误)" if len(self.errors) > 5 else ""
        super().__init__(prefix + " ".join(str(e) for e in shown) + more)

    def __reduce__(self):
        """Whole across processes (the county generator's workers): by default only the
        message would travel, and be taken for the list of errors."""
        return (ValidationFailed, (self.errors, self.where))


# The system's own words for a failed read or write are English on most machines (and
# in the locale's code page on a Chinese Windows): the officer gets them in Chinese.
_OS_REASONS = {
    errno.ENOENT: "找不到该文件或文件夹",
    errno.EACCES: "没有访问权限",
    errno.EPERM: "没有访问权限",
    errno.EISDIR: "这是一个文件夹,不是文件",
    errno.ENOTDIR: "路径中有一部分不是文件夹",
    errno.ENOSPC: "磁盘已满",
    errno.EROFS: "磁盘是只读的(U 盘可能写保护)",
    errno.EIO: "读写出错(U 盘可能已损坏或被拔出)",
    errno.EEXIST: "同名文件已存在",
    errno.ENAMETOOLONG: "文件名太长",
    errno.EINVAL: "文件名中有系统不允许的字符",
}


def os_reason(exc: BaseException) -> str:
    """Why a read or write failed, in Chinese where the error is a common one."""
    known = _OS_REASONS.get(getattr(exc, "errno", None) or -1)
    return known or getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
