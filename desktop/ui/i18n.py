"""The interface's two languages. The source strings are Chinese (the default language: the
app in Chinese shows them as written); `resources/i18n/relief_desk_en.ts` holds their English,
compiled to `relief_desk_en.qm` (build_scripts/i18n.sh, run by build.sh; the .qm is committed
so that running from source needs no Qt tools).

Every UI string goes through `tr("…")` (one flat context: a Chinese phrase means one thing
across the windows; pass a disambiguation as the second argument where it does not). A string
with values is `tr("共 {n} 件").format(n=…)`, never an f-string, so that lupdate can extract it.
A label kept in a module constant is marked with `QT_TR_NOOP("…")` and passed through `tr`
where it is shown. Texts from desktop/core and the operations (refusals, status names) stay
Chinese for now."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.paths import resource_path

CONTEXT = ""  # lupdate files a bare tr() call under the empty context
LANGUAGES = {"zh_CN": "中文", "en": "English"}  # i18n: data (each in its own language)
DEFAULT_LANGUAGE = "zh_CN"


def tr(text: str, disambiguation: str | None = None) -> str:
    """`text` (Chinese) in the interface's language."""
    return QCoreApplication.translate(CONTEXT, text, disambiguation)


def QT_TR_NOOP(text: str) -> str:  # noqa: N802 (the name lupdate looks for)
    """Marks a Chinese constant for lupdate; `tr` translates it where it is shown."""
    return text


def catalogue(language: str):
    """The compiled translations of the interface into `language` (None for the source)."""
    if language == DEFAULT_LANGUAGE:
        return None
    return resource_path("i18n", f"relief_desk_{language}.qm")


def qt_supplement(language: str):
    """Our translations of Qt's own strings that Qt's catalogue for `language` misses
    (`qt_extra_<language>.ts`): Qt 6.11 renamed the file dialog's "Look in:" and "Files of
    type:" (adding access keys) and its Chinese kept the old names, so they showed in
    English. None when there is none for the language."""
    path = resource_path("i18n", f"qt_extra_{language}.qm")
    return path if path.is_file() else None
