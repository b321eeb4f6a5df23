"""清理检查 in the township's 低保 tab (issue 15): the progress of the current (or last)
campaign per village, opening one over chosen villages until a date, closing it and
saving its summary (PDF, Excel). What `dibao campaign open|status|close` do, through
`desktop.dibao.campaigns`."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import Refusal
from desktop.ui import guard
from desktop.ui import widgets as w
from desktop.ui.i18n import tr
from desktop.ui.places import save_name


class CampaignBox(QWidget):
    def __init__(self, store, today, parent=None):
        super().__init__(parent)
        self.store, self.today = store, today
        self.on_change = self.refresh  # the tab replaces it: its due list changes too
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(tr("清理检查:")))
        w.add_buttons(bar, [(tr("开展清理检查(&N)…"), self.open_campaign),
                            (tr("结束并汇总(&Y)…"), self.close_campaign),
                            (tr("保存汇总(&V)…"), self.save_summary)])
        layout.addLayout(bar)
        self.progress = QLabel()
        self.progress.setWordWrap(True)
        layout.addWidget(self.progress)
        self.message = w.ErrorLabel()
        layout.addWidget(self.message)
        self.refresh()

    def campaign(self):
        from desktop.dibao.campaigns import latest, progress

        number = latest(self.store.db)
        return progress(self.store, number, self.today) if number else None

    def refresh(self) -> None:
        c = self.campaign()
        if c is None:
            self.progress.setText(tr("还没有开展过清理检查。"))
            return
        state = (tr("已于 {date} 结束").format(date=c.closed_on) if c.closed_on
                 else tr("进行中,截止 {date}").format(date=c.until))
        lines = [tr("{campaign}({state}):应复核 {households} 户,已复核 {reviewed} 户;继续 "
                    "{continued}、调整 {adjusted}、停保 {stopped}、新纳入 {found}").format(
            campaign=c.campaign + (tr("(名义:{county})").format(county=c.issuer)
                                   if c.issuer else ""),
            state=state, households=c.total("households"),
            reviewed=c.total("reviewed"), continued=c.total("continued"),
            adjusted=c.total("adjusted"), stopped=c.total("stopped"),
            found=c.total("newly_found"))]
        lines += [tr("  {village}:{reviewed}/{households} 户").format(
            village=v.village, reviewed=v.reviewed, households=v.households)
            for v in c.villages]
        self.progress.setText("\n".join(lines))

    # -- actions (each ask_* is replaced by tests) ---------------------------------------
    def ask_open(self) -> tuple[list[str], object] | None:
        from desktop.township.villages import village_names

        dialog = OpenDialog(village_names(self.store.db), self.today, self)
        return dialog.value() if dialog.exec() else None

    def ask_save(self, name: str, kind: str) -> str:
        return save_name(self, tr("保存清理检查汇总"), name, kind)

    def open_campaign(self) -> None:
        from desktop.dibao.campaigns import open_campaign

        answer = self.ask_open()
        if not answer:
            return
        self._act(lambda: tr("已开展清理检查 {number}。").format(
            number=open_campaign(self.store, answer[0], answer[1], self.today)))

    def close_campaign(self) -> None:
        from desktop.dibao.campaigns import close_campaign

        try:
            if not guard.confirm_step(self, tr("结束清理检查"),
                                      tr("结束后各村的进度不再计入;可随时保存汇总。"),
                                      check=lambda: close_campaign(self.store, self.today)):
                return
        except Refusal as exc:
            self.message.show_message(exc.message)
            return
        if self._act(lambda: tr("已结束清理检查 {number}。").format(
                number=close_campaign(self.store, self.today).campaign)):
            self.save_summary()

    def save_summary(self) -> None:
        from desktop.printing.dibao_campaign import summary_pdf, summary_xlsx
        from desktop.printing.output import save_document

        c = self.campaign()
        if c is None:
            self.message.show_message(tr("还没有开展过清理检查。"))
            return
        for suffix, kind, build in ((".pdf", "PDF (*.pdf)", summary_pdf),
                                    (".xlsx", "Excel (*.xlsx)", summary_xlsx)):
            path = self.ask_save(tr("清理检查汇总-{number}").format(number=c.campaign) + suffix,
                                 kind)
            if path:
                save_document(Path(path), build(self.store, c, self.today))

    def _act(self, act) -> bool:
        try:
            done = act()
        except Refusal as exc:
            self.message.show_message(exc.message)
            return False
        self.message.show_message("")
        self.on_change()
        guard.tell(self, done)
        return True


class OpenDialog(QDialog):
    """The villages to check (ticked) and the closing date (at the county: townships)."""

    def __init__(self, villages: dict[str, str], today, parent=None, label: str = ""):
        super().__init__(parent)
        self.setWindowTitle(tr("开展清理检查"))
        layout = QVBoxLayout(self)
        self.villages = QListWidget()
        for code, name in sorted(villages.items()):
            item = QListWidgetItem(f"{name}({code})")
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setCheckState(Qt.CheckState.Checked)
            self.villages.addItem(item)
        form = QFormLayout()
        self.until = w.date_edit(today, today + timedelta(days=60),
                                 latest=today + timedelta(days=366))
        form.addRow(label or tr("参加的村:"), self.villages)
        form.addRow(tr("截止日期:"), self.until)
        layout.addLayout(form)
        buttons, self.ok_button = w.ok_cancel(self, self.accept)
        layout.addWidget(buttons)

    def value(self) -> tuple[list[str], object] | None:
        chosen = [self.villages.item(i).data(Qt.ItemDataRole.UserRole)
                  for i in range(self.villages.count())
                  if self.villages.item(i).checkState() == Qt.CheckState.Checked]
        until = self.until.date()
        return (chosen, until) if chosen and until else None
