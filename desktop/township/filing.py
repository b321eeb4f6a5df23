"""The county filing register (备案): the cases paid in a period, written as a PDF to
print and sign, an Excel workbook, and a signed file for the county.

The county role does not exist in this software, so the signed file is plain JSON with
the township's Ed25519 signature over its canonical form: the county verifies it with the
township's identity card (`relief-desk filing verify FILE --card CARD.json`, see
filing_verify.py). The cases become `filed` (the `file` step) in the same transaction
that writes the three files, all or none, so a failed write files nothing and leaves
nothing behind."""

from __future__ import annotations

import calendar
import hashlib
import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from desktop.core.errors import Refusal
from desktop.core.fields import month_wrong
from desktop.core.ways import way
from desktop.operations.casework import Casework
from desktop.storage.eventlog import canonical
from desktop.storage.store import now_utc
from desktop.township.money import case_money
from desktop.township.villages import village_code_of, village_names

FILING_FORMAT = "relief-desk-filing"
FILING_VERSION = 1
SUFFIX = ".rdfiling"


@dataclass(frozen=True)
class Period:
    start: date
    end: date

    @property
    def label(self) -> str:
        return f"{self.start.isoformat()} 至 {self.end.isoformat()}"


def period_of(today: date, month: str = "", start: date | None = None,
              end: date | None = None) -> Period:
    """--month YYYY-MM, or --from/--to-date, or everything paid up to today."""
    if month:
        m = re.fullmatch(r"(\d{4})-(\d{2})", month.strip())
        if not m or not 1 <= int(m.group(2)) <= 12:
            raise Refusal(month_wrong("月份", month))
        y, mo = int(m.group(1)), int(m.group(2))
        return Period(date(y, mo, 1), date(y, mo, calendar.monthrange(y, mo)[1]))
    period = Period(start or date(2000, 1, 1), end or today)
    if period.start > period.end:
        raise Refusal(f"起始日期 {period.start} 晚于截止日期 {period.end},请核对。")
    return period


def filing_rows(db, period: Period) -> list[dict]:
    """Paid (not yet filed) cases whose payment falls in the period, by village and date."""
    names = village_names(db)
    rows = list(db.query(
        "SELECT a.*, p.occurred_on AS paid_on, p.fields AS pay_fields,"
        " d.occurred_on AS decided_on, d.fields AS decision_fields FROM applications a"
        " JOIN history p ON p.application_id = a.id AND p.action = 'pay'"
        " JOIN history d ON d.application_id = a.id AND d.action = 'approve'"
        " WHERE a.status = 'paid' AND p.occurred_on BETWEEN ? AND ?"
        " ORDER BY a.id", [period.start.isoformat(), period.end.isoformat()]))
    for r in rows:
        pay, decision = json.loads(r.pop("pay_fields")), json.loads(r.pop("decision_fields"))
        r["method"] = pay.get("method", "")
        r["approver"] = decision.get("approver", "")
        r["county_ref"] = decision.get("county_ref", "")
        r["village_code"] = village_code_of(r["id"])
        r["village_name"] = names.get(r["village_code"], r["village_code"])
    return sorted(rows, key=lambda r: (r["village_code"], r["paid_on"], r["id"]))


def next_register_no(db, year: int) -> str:
    taken = [json.loads(r[0]).get("register", "") for r in db.execute(
        "SELECT fields FROM history WHERE action = 'file'")]
    numbers = [int(m.group(1)) for t in taken if (m := re.search(rf"BA-{year}-(\d{{4}})", t))]
    return f"BA-{year}-{max(numbers, default=0) + 1:04d}"


@dataclass(frozen=True)
class FilingDone:
    register_no: str
    paths: list[Path]
    rows: list[dict]
    totals: dict


def rows_to_file(store, to_dir: Path, period: Period) -> list[dict]:
    """The register's rows, once everything that would refuse it is checked (asked
    before the officer confirms it, and again by the export itself)."""
    if store.workstation["role"] != "township":
        raise Refusal("备案登记册只能由乡镇工作站导出。")
    folder = Path(to_dir)
    if not folder.is_dir():
        raise Refusal(f"文件夹 {folder} 不存在,请先建立它或换一个位置(例如 U 盘)。")
    rows = filing_rows(store.db, period)
    if not rows:
        raise Refusal(f"{period.label} 没有已发放、待备案的案件,未生成备案登记册。"
                      f"请换一个期间({way('period')}),或先登记发放。")
    return rows


def export_filing(store, to_dir: Path, period: Period, today: date) -> FilingDone:
    """Write the register (PDF, Excel, signed file) and file its cases, all or nothing."""
    from desktop.printing.filing_register import filing_pdf, filing_xlsx
    from desktop.printing.output import save_documents

    folder = Path(to_dir)
    rows = rows_to_file(store, folder, period)
    number = next_register_no(store.db, today.year)
    info = {"register_no": number, "period": period, "today": today, "totals": totals(rows)}
    pdf, xlsx = filing_pdf(store, rows, info), filing_xlsx(store, rows, info)
    stem = f"{_file_safe(store.workstation['township'])}备案登记册_{number}"
    signed = signed_filing(store, rows, period, number, {"pdf": pdf, "xlsx": xlsx})
    work = Casework(store, today)
    register = f"{number}({period.label})"
    paths: list[Path] = []
    try:  # the steps and the three files: one transaction, all or nothing
        with store.transaction():
            for r in rows:
                work.perform(r["id"], "file", {"date": today.isoformat(), "register": register})
            paths = save_documents([(folder / f"{stem}{ext}", data) for ext, data in
                                    ((".pdf", pdf), (".xlsx", xlsx), (SUFFIX, signed))])
    except BaseException:  # the commit itself failed: the files must go too
        for path in paths:
            path.unlink(missing_ok=True)
        raise
    return FilingDone(number, paths, rows, totals(rows))


def _file_safe(name: str) -> str:
    """A place name as part of a file name: no folder separators, nothing Windows refuses."""
    return re.sub(r'[\\/:*?"<>|\x00-\x1f]', "_", name).strip(". ") or "乡镇"


def signed_filing(store, rows: list[dict], period: Period, number: str,
                  files: dict[str, bytes]) -> bytes:
    from desktop.sync.identity import b64, fingerprint, keys_of, own_card

    card = own_card(store)
    body = {"format": FILING_FORMAT, "version": FILING_VERSION, "register_no": number,
            "period": {"start": period.start.isoformat(), "end": period.end.isoformat()},
            "created": now_utc(), "township": {k: card[k] for k in (
                "workstation_id", "county", "county_code", "township", "township_code",
                "officer")}, "fingerprint": fingerprint(card),
            "cases": [_case_record(r) for r in rows], "totals": totals(rows),
            "files_sha256": {k: hashlib.sha256(v).hexdigest() for k, v in files.items()}}
    signature = keys_of(store).signing.sign(canonical(body).encode("utf-8"))
    doc = {"body": body, "signature": b64(signature)}
    return (json.dumps(doc, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def _case_record(r: dict) -> dict:
    return {"id": r["id"], "village": r["village_name"], "applicant_name": r["applicant_name"],
            "applicant_id_number": r["applicant_id_number"], "program": r["program"],
            "category": r["category"], "reason": r["reason"],
            "household_size": r["household_size"], "approved_fen": r["approved_fen"],
            "decided_on": r["decided_on"], "approver": r["approver"],
            "county_ref": r["county_ref"], "paid_first_fen": r["paid_first_fen"] or 0,
            "paid_fen": r["paid_fen"], "paid_on": r["paid_on"], "method": r["method"]}


def totals(cases: list[dict]) -> dict:
    """Count and sums of filing rows or of a signed file's cases (the same keys)."""
    money = [case_money(c) for c in cases]
    return {"cases": len(cases), "approved_fen": sum(c["approved_fen"] or 0 for c in cases),
            "paid_first_fen": sum(m[0] for m in money), "paid_fen": sum(m[1] for m in money),
            "total_fen": sum(m[2] for m in money)}
