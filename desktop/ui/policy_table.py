"""The county's settings in its next edition of policy (caps, 低保 standards, deadlines,
notice lengths, 考核 weights): one row per setting, named in words, its value typed in
the units the screens show (core/setting_values.py: money in 元, choices in words) and
read back in the units stored, a bad value refused naming its setting."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidget, QTableWidgetItem

from desktop.core.setting_values import form_keys, read_typed, typed_text
from desktop.ui.core_words import setting_label
from desktop.ui.i18n import tr


class SettingsTable(QTableWidget):
    def __init__(self, values: dict, keys, parent=None):
        super().__init__(0, 2, parent)
        self.values_before = values
        self.keys = form_keys(keys)
        self.setHorizontalHeaderLabels([tr("设置项"), tr("值(可修改)")])
        self.setRowCount(len(self.keys))
        for i, key in enumerate(self.keys):
            name = QTableWidgetItem(setting_label(key))
            name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.setItem(i, 0, name)
            self.setItem(i, 1, QTableWidgetItem(typed_text(key, values[key])))
        self.resizeColumnsToContents()
        self.horizontalHeader().setStretchLastSection(True)

    def set_value(self, key: str, text: str) -> None:
        self.item(self.keys.index(key), 1).setText(text)

    def typed(self) -> dict:
        """Each setting as typed, in the units stored; Refusal at the first bad one."""
        return {key: read_typed(key, self.item(i, 1).text(), self.values_before[key])
                for i, key in enumerate(self.keys)}
