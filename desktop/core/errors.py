"""Errors a user may see. Everything that refuses input raises one of these,
with a Chinese message that says what is wrong and what to do."""

from __future__ import annotations

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
