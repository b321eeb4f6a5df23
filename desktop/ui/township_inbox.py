"""各村报送: the township's inbox and its set-up. The steps a new township office takes
are shown here in order (its own identity card out, the villages' cards in, bundles in
and out), each a button, so the flow is found without a manual; then one line per
village — when it last sent, how many cases wait — with the villages silent for longer
than the setting marked."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core import clock
from desktop.township.villages import inbox, received_bundles
from desktop.ui.i18n import QT_TR_NOOP, tr
from desktop.ui.township_models import InboxModel

GUIDE = (QT_TR_NOOP("<b>乡镇工作站怎样开始:</b> ① 本机身份与指纹 → 导出身份文件、打印身份信息表,交各村登记;"
                    " ② 登记村工作站:逐个登记各村的身份文件(当面或电话核对指纹);"
                    " ③ 导入数据包:各村 U 盘送来的数据包可一次选多个,已上报的案件自动接收,进入审批队列;"
                    " ④ 在“审批队列”中审核决定;⑤ 导出数据包:决定随数据包送回各村;"
                    " ⑥ 村里结果公示送回后登记发放,按月导出备案登记册报县民政局。"))


class InboxWidget(QWidget):
    def __init__(self, window, parent=None):
        super().__init__(parent)
        self.window = window
        layout = QVBoxLayout(self)
        guide = QLabel(tr(GUIDE))
        guide.setWordWrap(True)
        guide.setStyleSheet("background:#eef5ff; padding:8px;")
        layout.addWidget(guide)
        bar = QHBoxLayout()
        self.buttons = {}
        for text in (QT_TR_NOOP("本机身份与指纹…"), QT_TR_NOOP("登记村工作站…"),
                     QT_TR_NOOP("导入数据包…"), QT_TR_NOOP("导出数据包(送回决定)…")):
            button = QPushButton(tr(text))
            button.clicked.connect(lambda _=False, t=text: self.act(t))
            bar.addWidget(button)
            self.buttons[text] = button
        bar.addStretch(1)
        layout.addLayout(bar)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.model = InboxModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        layout.addWidget(self.table, 2)
        layout.addLayout(self._setting())
        layout.addWidget(QLabel(tr("最近收到的数据包:")))
        self.recent = QPlainTextEdit(readOnly=True)
        layout.addWidget(self.recent, 1)
        self.refresh()

    def _setting(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.silent_days = QSpinBox()
        self.silent_days.setRange(1, 365)
        self.silent_days.setValue(self.window.store.policy.village_silent_days)
        save = QPushButton(tr("保存"))
        save.clicked.connect(self.save_setting)
        for w in (QLabel(tr("超过")), self.silent_days, QLabel(tr("天未报送的村标黄提醒")), save):
            row.addWidget(w)
        row.addStretch(1)
        return row

    def save_setting(self) -> None:
        self.window.store.set_settings({"village_silent_days": self.silent_days.value()})
        self.refresh()
        from desktop.ui.guard import tell

        tell(self.window, tr("已保存:超过 {days} 天未报送的村标黄提醒。").format(
            days=self.silent_days.value()))

    def act(self, text: str):
        panel = getattr(self.window, "sync_panel", None)
        if panel is None:
            from desktop.ui import sync_panel

            sync_panel.install(self.window)
            panel = self.window.sync_panel
        slot = {"本机身份与指纹…": panel.show_identity,  # i18n: data (the buttons' keys) "登记村工作站…": panel.enroll,
                "导入数据包…": panel.import_bundles, "导出数据包(送回决定)…": panel.export}[text]
        dialog = slot()
        if dialog is not None:
            dialog.finished.connect(lambda *_: self.refresh())
        return dialog

    def refresh(self) -> None:
        store, today = self.window.store, self.window.today
        rows = inbox(store.db, today, store.policy)
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        silent = [v.name for v in rows if v.silent]
        if not rows:
            self.summary.setText(tr("还没有登记任何村:请按上面的第 ①、② 步登记各村。"))
        elif silent:
            said = tr("{n} 个村已超过 {days} 天未报送:").format(
                n=len(silent), days=store.policy.village_silent_days)
            names = tr("、").join(silent)
            self.summary.setText(f"<span style='color:#8a6d00'><b>{said}</b>{names}</span>")
        else:
            never = [v.name for v in rows if not v.bundles]  # enrolled lately, nothing yet
            self.summary.setText(tr("已登记 {n} 个村,都未超过 {days} 天未报送").format(
                n=len(rows), days=store.policy.village_silent_days) + (
                tr(";其中 {names} 登记后还没有报送过。").format(names=tr("、").join(never))
                if never else tr("。")))
        self.recent.setPlainText("\n".join(
            f"{clock.local_minute(b['imported_at'])}  {b['place']}  {b['file_name']}  "
            + tr("新事件 {n} 个").format(n=b["new_events"]) for b in received_bundles(store.db, 50))
            or tr("还没有收到任何数据包。"))
