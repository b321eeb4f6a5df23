"""The officer's notice (公示) operations: post a batch, record and resolve objections,
close a batch, post the result notice, attach the photo of the posted sheet.

A batch is built on the Casework steps (post_notice, objection, resolve_objection,
close_notice, post_result), so each case's history shows its notice like any other step,
and every operation validates all of its cases first and writes them in one transaction:
a batch is posted whole or not at all."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from desktop.core import clock
from desktop.core.errors import Refusal, ValidationFailed
from desktop.core.status import status_label
from desktop.operations.casework import Casework
from desktop.storage import attachments
from desktop.storage import notice_queries as nq
from desktop.storage.notice_projections import PHOTO_ATTACHED, RESULT_ISSUED, batch_record_id

_PHONE = re.compile(r"^[0-9()()\- ]{5,20}$")
_IMAGE_MAGIC = (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n")


class Notices:
    def __init__(self, store, today: date | None = None):
        self.store = store
        self.db = store.db
        self.today = today or clock.today()
        self.work = Casework(store, self.today)

    # -- batches -------------------------------------------------------------------------
    def create(self, case_ids: list[str], *, start: date | None = None,
               days: int | None = None, board: str | None = None) -> str:
        """Post the cases (all 初审通过, one program) on the board from `start`; returns
        the new notice id."""
        rows = self._cases(case_ids, "reviewed", "初审通过", "公示")
        program = rows[0]["program"]
        start = start or self.today
        notice_id = nq.next_notice_id(self.db, "initial", start.year)
        fields = {"notice_id": notice_id, "start": start.isoformat(),
                  "days": self.store.policy.notice_days(program) if days is None else days,
                  "board": board or "村务公开栏"}
        with self.store.transaction():
            for row in rows:
                self._step(row, "post_notice", fields)
        return notice_id

    def post_results(self, case_ids: list[str], *, on: date | None = None,
                     board: str | None = None, days: int | None = None) -> str:
        """The result notice (结果公示) of approved cases; they become result_posted."""
        rows = self._cases(case_ids, "approved", "批准", "结果公示")
        program = rows[0]["program"]
        on = on or self.today
        days = self.store.policy.notice_days(program) if days is None else days
        if not 1 <= days <= 60:
            raise Refusal("结果公示天数应在 1 到 60 之间。")
        notice_id = nq.next_notice_id(self.db, "result", on.year)
        with self.store.transaction():
            self.store.record(actor=self.work.officer,
                              case_id=batch_record_id(self._village, notice_id),
                              type_=RESULT_ISSUED,
                              payload={"notice_id": notice_id, "village_code": self._village,
                                       "program": program, "date": on.isoformat(),
                                       "days": days, "board": board or "村务公开栏"})
            for row in rows:
                self._step(row, "post_result", {"date": on.isoformat(), "notice_id": notice_id})
        return notice_id

    def close(self, notice_id: str, on: date | None = None) -> list[str]:
        """End a batch after its period: every case still on notice becomes notice_done.
        Refused before the period has elapsed or while an objection is open."""
        b = self.batch(notice_id)
        if b["kind"] != "initial":
            raise Refusal(f"{notice_id} 是{nq.KIND_LABELS[b['kind']]},无须结束;只有初审公示需要结束。")
        on = on or self.today
        last = nq.last_day(b, self.store.policy)
        if on <= last:
            raise Refusal(f"公示 {notice_id} 的公示期到 {last} 结束,"
                          f"{date.fromordinal(last.toordinal() + 1)} 起才能结束公示。")
        still_open = nq.open_objections(self.db, b)
        if still_open:
            listed = "、".join(f"{name}({oid})" for _, name, oid in still_open)
            raise Refusal(f"公示 {notice_id} 还有未处理的异议:{listed}。请先处理异议再结束公示。")
        cases = nq.batch_cases(self.db, b, ("on_notice",))
        if not cases:
            raise Refusal(f"公示 {notice_id} 已经结束,没有仍在公示的案件。")
        with self.store.transaction():
            for c in cases:
                self._step({"id": c["application_id"], "applicant_name": c["applicant_name"]},
                           "close_notice", {"date": on.isoformat()})
        return [c["application_id"] for c in cases]

    def attach_photo(self, notice_id: str, path: Path, on: date | None = None) -> str:
        """Keep the photo of the posted sheet (proof of posting); returns its SHA-256."""
        b = self.batch(notice_id)
        path = Path(path)
        if not path.is_file():
            raise Refusal(f"找不到照片文件 {path},请检查路径。")
        with open(path, "rb") as fh:
            head = fh.read(8)
        if not head.startswith(_IMAGE_MAGIC):
            raise Refusal(f"{path.name} 不是 JPG 或 PNG 照片,请选择张贴现场的照片。")
        digest = attachments.store_file(self.store.path.parent, path)
        with self.store.transaction():
            self.store.record(actor=self.work.officer,
                              case_id=batch_record_id(b["village_code"], b["notice_id"]),
                              type_=PHOTO_ATTACHED,
                              payload={"notice_id": b["notice_id"],
                                       "village_code": b["village_code"],
                                       "photo_sha256": digest,
                                       "file_name": path.name,
                                       "date": (on or self.today).isoformat()})
        return digest

    # -- objections ----------------------------------------------------------------------
    def record_objection(self, case_id: str, *, content: str, from_whom: str = "",
                         received_on: date | None = None) -> str:
        """An objection to a case on notice; returns its id (YY-2026-0001)."""
        received_on = received_on or self.today
        objection_id = nq.next_objection_id(self.db, received_on.year)
        self.work.step(case_id, "objection", {
            "objection_id": objection_id, "received_on": received_on.isoformat(),
            "from": from_whom, "content": content})
        return objection_id

    def resolve_objection(self, case_id: str, objection_id: str, *, result: str,
                          how_checked: str, back_to: str = "", on: date | None = None) -> str:
        """Upheld sends the case back (re-investigation or re-deliberation) and out of its
        batch; dismissed leaves it on notice. Returns the case's new status."""
        fields = {"objection_id": objection_id, "date": (on or self.today).isoformat(),
                  "how_checked": how_checked, "result": result}
        if result == "upheld":
            fields["back_to"] = back_to
        return self.work.step(case_id, "resolve_objection", fields)

    # -- settings and lookups ------------------------------------------------------------
    def set_phones(self, village: str | None, township: str | None) -> None:
        """The objection channel printed on every notice."""
        changes = {}
        for key, value, who in (("village_committee_phone", village, "村委会"),
                                ("township_office_phone", township, "乡镇民政办")):
            if value is None:
                continue
            value = value.strip()
            if value and not _PHONE.match(value):
                raise Refusal(f"{who}电话“{value}”无效:应为数字(可带区号和连字符),"
                              f"如 0739-3612345。")
            changes[key] = value
        if changes:
            self.store.set_settings(changes)

    def batch(self, notice_id: str) -> dict:
        return nq.batch(self.db, notice_id, self._village)

    def batches(self) -> list[dict]:
        return nq.all_batches(self.db, self.today, self.store.policy)

    @property
    def _village(self) -> str:
        ws = self.store.workstation
        return ws["village_code"] or ws["township_code"]

    def _cases(self, case_ids, status: str, label: str, what: str) -> list[dict]:
        """The cases of a new batch, refused whole if any is missing or not in `status`,
        or if they mix programs (one sheet, one program)."""
        if self.work.role != "village":
            raise Refusal(f"{what}由村级工作站张贴,本工作站不能办理。")
        ids = list(dict.fromkeys(c.strip() for c in case_ids if c and c.strip()))
        if not ids:
            raise Refusal(f"{what}至少要包含一个案件。请选择“{label}”的案件。")
        rows = [self.work.case(case_id) for case_id in ids]
        wrong = [f"{r['id']}({r['applicant_name']},{status_label(r['status'])})"
                 for r in rows if r["status"] != status]
        if wrong:
            raise Refusal(f"只有“{label}”的案件可以{what}。这些案件不是:{'、'.join(wrong)}。")
        if len({r["program"] for r in rows}) > 1:
            raise Refusal(f"一张{what}只能包含同一救助项目的案件,请把临时救助和低保分开{what}。")
        return rows

    def _step(self, row: dict, code: str, fields: dict) -> None:
        who = f"案件 {row['id']}({row['applicant_name']})"
        try:
            self.work.perform(row["id"], code, dict(fields))
        except ValidationFailed as exc:
            raise ValidationFailed(exc.errors, where=who) from None
        except Refusal as exc:
            raise Refusal(f"{who}:{exc.message}") from None
