"""How the ledger's table is shown: each column as wide as what it holds, in the current
font and the interface's language, and the case number elided at its start. Apart from
the model (ledger_model), whose cells are made without Python at paint time; the
delegate here is the one Python call a painted cell of the number column makes."""

from __future__ import annotations

from PySide6.QtWidgets import QStyledItemDelegate

from desktop.core.deadlines import DUE_LABELS
from desktop.core.status import STATUS_LABELS
from desktop.ui.core_words import category_word, due_word, reason_word, status_word
from desktop.ui.i18n import tr
from desktop.ui.ledger_model import SHORT_FLAGS

# i18n: data (what the columns hold: names, and labels that come from desktop/core)
SAMPLES = ("…2026-0001", "阿不都热依木", "430522196001010011", "第三村民小组", "急难型",
           "突发重大疾病", "12,345.00", "2026-12-05", "乡镇已接收", "2026-12-05 先行救助补办",
           "近亲属、超上限")


def column_widths(role: str, metrics, header_metrics, titles: list[str]) -> list[int]:
    """Each column as wide as its sample text, its longest word as shown and its title,
    in the current font (so the widths follow the font size setting)."""
    samples = list(SAMPLES)
    if role != "village":  # cases of many villages: all of the number
        samples[0] = "430522101201-2026-0001"
    if role == "county":  # the village beside its group
        samples[3] = "大坪村(430522101201) 第三村民小组"  # i18n: data
    words = shown_samples()  # the core's words as shown (longer in English)
    return [max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(words.get(col, "")),
                header_metrics.horizontalAdvance(title)) + 16
            for col, (sample, title) in enumerate(zip(samples, titles, strict=True))]


def status_list_width(metrics) -> int:
    """The list of statuses beside the ledger: its longest status and a count."""
    return max(metrics.horizontalAdvance("乡镇已接收  9999"),  # i18n: data
               metrics.horizontalAdvance(shown_samples()[8] + "  9999")) + 24


def shown_samples() -> dict[int, str]:
    """The longest of what the columns holding the core's words show, in the interface's
    language, by column: the ledger sizes them for these too, since English words are
    longer than the Chinese samples it was sized for ("Paid in ad…")."""
    dues = [due_word(label.split("(")[0]) for label in DUE_LABELS.values()]
    return {4: category_word("支出型"), 5: reason_word("突发重大疾病"),  # i18n: data
            8: max((status_word(label) for label in STATUS_LABELS.values()), key=len),
            9: "2026-12-05 " + max(dues, key=len),
            10: tr("、").join(tr(SHORT_FLAGS[k]) for k in ("officer_relative", "over_cap"))}


class ElideLeft(QStyledItemDelegate):
    """Case numbers differ at their end (…2026-0001): a narrow column keeps the end."""

    def __init__(self, parent=None):
        from PySide6.QtCore import Qt  # (made once the window has painted)

        super().__init__(parent)
        self.mode = Qt.TextElideMode.ElideLeft

    def initStyleOption(self, option, index) -> None:
        super().initStyleOption(option, index)
        option.textElideMode = self.mode
