"""Objections to a 低保变动公示 at the village: recorded, checked and resolved as steps of
the household's case (`dibao_objection`, `dibao_resolve_objection` in the rule book), so
they reach the township in the village's bundle with the same checks. What an objection
does to the household's payment is projected (`storage/dibao_objections.py`)."""

from __future__ import annotations

from datetime import date

from desktop.core.errors import Refusal, ValidationFailed
from desktop.operations.casework import Casework

_LIST = (
    "SELECT o.case_id, a.applicant_name AS name, o.objection_id, o.notice_id,"
    " o.received_on, o.from_whom, o.content, o.status, o.result, o.how_checked, o.reason,"
    " o.closed_on, o.held_change IS NOT NULL AS held FROM dibao_objections o"
    " JOIN applications a ON a.id = o.case_id")


def next_objection_id(db, year: int) -> str:
    """DY-YYYY-NNNN (低保 异议), numbered per workstation and year."""
    prefix = f"DY-{year}-"
    taken = [r[0][len(prefix):] for r in db.execute(
        "SELECT objection_id FROM dibao_objections WHERE objection_id LIKE ?", [prefix + "%"])]
    return f"{prefix}{max((int(t) for t in taken if t.isdigit()), default=0) + 1:04d}"


def listed(db, *, open_only: bool = False, notice: tuple[str, str] | None = None
           ) -> list[dict]:
    """The objections (of one notice: (village, notice id)), newest first."""
    where, params = [], []
    if open_only:
        where.append("o.status = 'open'")
    if notice:
        where.append("o.village_code = ? AND o.notice_id = ?")
        params.extend(notice)
    sql = _LIST + (" WHERE " + " AND ".join(where) if where else "")
    cursor = db.execute(sql + " ORDER BY o.received_on DESC, o.objection_id DESC", params)
    columns = [d[0] for d in cursor.description]
    return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]


class Objections:
    def __init__(self, store, today: date):
        self.store, self.today = store, today
        self.work = Casework(store, today)

    def record(self, case_id: str, notice_id: str, content: str, who: str = "",
               received_on: str = "") -> str:
        """Record an objection to the household's line on change notice `notice_id`."""
        self._village()
        oid = next_objection_id(self.store.db, self.today.year)
        self._step(case_id, "dibao_objection", {
            "objection_id": oid, "notice_id": notice_id, "from": who, "content": content,
            "received_on": received_on or self.today.isoformat()})
        return oid

    def resolve(self, case_id: str, objection_id: str, upheld: bool, how_checked: str,
                reason: str = "") -> None:
        self._village()
        self._step(case_id, "dibao_resolve_objection", {
            "objection_id": objection_id, "date": self.today.isoformat(),
            "how_checked": how_checked, "result": "upheld" if upheld else "dismissed",
            "reason": reason})

    def _village(self) -> None:
        if self.store.workstation["role"] != "village":
            raise Refusal("对低保变动公示的异议由村里登记和处理(随数据包报乡镇),"
                          "请在村级工作站办理。")

    def _step(self, case_id: str, code: str, fields: dict) -> None:
        try:
            self.work.step(case_id, code, fields)
        except ValidationFailed as exc:
            text = " ".join(e.message for e in exc.errors)
            raise Refusal(f"案件 {case_id}:{text} 未做任何改动。") from None


__all__ = ["Objections", "listed", "next_objection_id"]
