"""Objections to a 低保变动公示 at the village: the dialogs that record one against the
chosen household's line and resolve it, each checked by the rule book as it is typed
(`dibao_objection`, `dibao_resolve_objection`), like every village step; and the table
of objections the village's 低保 window shows. What `dibao objection record|resolve`
does on the command line."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.ui import widgets as w
from desktop.ui.dibao_panel import _Rows
from desktop.ui.i18n import QT_TR_NOOP, tr
from desktop.ui.step_dialogs import StepDialog

RESULTS = {"upheld": QT_TR_NOOP("异议成立:该户的变动不执行,重新复核"),
           "dismissed": QT_TR_NOOP("异议不成立:变动照常执行(写明理由)")}
STATES = {"open": QT_TR_NOOP("待处理"), "upheld": QT_TR_NOOP("异议成立"),
          "dismissed": QT_TR_NOOP("异议不成立")}


class ObjectionsModel(_Rows):
    COLUMNS = (("objection_id", QT_TR_NOOP("异议编号")), ("case_id", QT_TR_NOOP("案件编号")),
               ("name", QT_TR_NOOP("户主")), ("notice_id", QT_TR_NOOP("变动公示")),
               ("received_on", QT_TR_NOOP("收到日期")), ("state", QT_TR_NOOP("状态")),
               ("content", QT_TR_NOOP("异议内容")))

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        row, key = self._rows[index.row()], self.COLUMNS[index.column()][0]
        if key == "state":
            return tr(STATES[row["result"] or row["status"]])
        return str(row.get(key) or "")


class DibaoObjectionDialog(StepDialog):
    """An objection to the household's line on one of its change notices."""

    code = "dibao_objection"

    def build(self) -> None:
        from desktop.dibao.objections import next_objection_id

        self.objection_id = next_objection_id(self.casework.db, self.casework.today.year)
        posted = (self.facts.dibao or {}).get("posted", {})
        notices = {n: tr("{notice}({day} 张贴)").format(notice=n, day=p["date"])
                   for n, p in sorted(posted.items(), key=lambda kv: kv[1]["date"],
                                      reverse=True)}
        self.add(tr("变动公示"), "notice_id", w.combo(notices, next(iter(notices), "")))
        self.add(tr("收到异议日期"), "received_on", w.date_edit(self.casework.today))
        self.add(tr("异议人"), "from", w.line_edit(tr("可匿名,不填"), 60))
        self.add(tr("异议内容"), "content", w.text_area(tr("对该户哪项变动、有何异议"), 80))

    def values(self, local: list) -> dict:
        return {"objection_id": self.objection_id, "notice_id": self.value("notice_id"),
                "received_on": self.value("received_on"), "from": self.value("from"),
                "content": self.value("content")}

    def consequence(self) -> str:
        return tr("异议处理之前,该户的这项变动暂不执行(按变动前的金额发放)。"
                  "异议随下一次导出的数据包报乡镇。")


class DibaoResolveDialog(StepDialog):
    """The result of an open objection: upheld (the change undone, 复核 again) or
    dismissed with the reason told to whoever objected."""

    code = "dibao_resolve_objection"

    def build(self) -> None:
        objections = (self.facts.dibao or {}).get("objections", {})
        waiting = {k: k for k, o in objections.items() if o["status"] == "open"}
        self.add(tr("异议编号"), "objection_id", w.combo(waiting, next(iter(waiting), "")))
        self.date_field(QT_TR_NOOP("处理日期"))
        self.add(tr("核查情况"), "how_checked", w.text_area(tr("如何核查、核查到什么"), 60))
        result = self.add(tr("处理结果"), "result",
                          w.combo({k: tr(v) for k, v in RESULTS.items()}, "dismissed"))
        self.add(tr("不成立的理由"), "reason", w.text_area(tr("告知异议人"), 50))
        result.currentIndexChanged.connect(self._result_changed)
        self._result_changed()

    def _result_changed(self) -> None:
        self.inputs["reason"].setEnabled(self.value("result") == "dismissed")

    def values(self, local: list) -> dict:
        result = self.value("result")
        return {"objection_id": self.value("objection_id"), "date": self.value("date"),
                "how_checked": self.value("how_checked"), "result": result,
                "reason": self.value("reason") if result == "dismissed" else ""}

    def consequence(self) -> str:
        if self.value("result") == "upheld":
            return tr("该户的变动不执行,按变动前的金额发放,复核即到期,请重新入户复核。")
        return tr("该户的变动照常执行。处理结果随下一次导出的数据包报乡镇。")
