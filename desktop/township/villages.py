"""The township's villages: which are enrolled, what each has sent and when, and which
have been silent for longer than the setting (a village that sends nothing may have cases
waiting on a USB stick in a drawer)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop.core import clock
from desktop.core.errors import Refusal
from desktop.core.roles import region_of


def village_code_of(case_id: str) -> str:
    """Case numbers start with their village's code (430522101201-2026-0001)."""
    return case_id.split("-", 1)[0]


def village_names(db) -> dict[str, str]:
    """Village code → name, from every card ever enrolled (a replaced card keeps its name);
    at the county, which enrolls no village, "name(code)" by its township's word."""
    rows = db.execute("SELECT village_code, village FROM peers WHERE role = 'village'"
                      " ORDER BY active").fetchall()
    names = {code: name for code, name in rows}
    for code, name in db.execute("SELECT village_code, village FROM village_cards"):
        names.setdefault(code, f"{name}({code})")
    return names


def village_officer(db, code: str) -> str:
    """The village's officer (民生员) as its card says (enrolled here, or at the county by
    its township's word); "" when neither is held."""
    row = db.execute("SELECT officer FROM peers WHERE role = 'village' AND village_code = ?"
                     " ORDER BY active DESC LIMIT 1", [code]).fetchone() or db.execute(
        "SELECT officer FROM village_cards WHERE village_code = ?", [code]).fetchone()
    return row[0] if row else ""


def enrolled_codes(db) -> set[str]:
    return {r[0] for r in db.execute(
        "SELECT village_code FROM peers WHERE role = 'village' AND active = 1")}


def require_enrolled(db, case_id: str) -> None:
    """A decision travels back only to an enrolled village: refuse the others."""
    code = village_code_of(case_id)
    if code not in enrolled_codes(db):
        name = village_names(db).get(code, f"村代码 {code}")
        raise Refusal(f"案件 {case_id} 来自{name},该村没有在本乡镇登记(或登记已被替换),"
                      f"决定无法送回。请先在“数据交换 → 登记对方工作站”登记该村的身份文件;"
                      f"未做任何改动。")


@dataclass(frozen=True)
class VillageInbox:
    code: str
    name: str
    officer: str
    enrolled_at: str
    last_bundle_at: str  # when the last bundle from it was imported ("" = never)
    bundles: int
    cases: int
    awaiting: int
    silent_days: int
    silent: bool


def inbox(db, today: date, policy, below: str = "village") -> list[VillageInbox]:
    """One line per enrolled village (or, at the county, township), the longest silent
    first."""
    out = []
    for p in db.query("SELECT * FROM peers WHERE role = ? AND active = 1", [below]):
        last, count = db.execute(
            "SELECT MAX(imported_at), COUNT(*) FROM bundles_received WHERE sender_id = ?",
            [p["workstation_id"]]).fetchone()
        code = region_of(p).code
        # a place's cases: their numbers begin with its code (a village's then a '-')
        start = code + "-" if below == "village" else code
        # awaiting this workstation's decision: at the township what it holds, not what
        # it referred (the county decides those); at the county what was referred to it
        waits = "acknowledged" if below == "village" else "referred"
        cases, awaiting = db.execute(
            "SELECT COUNT(*), SUM(status = ?) FROM applications"
            " WHERE id >= ? AND id < ?", [waits, start, start + "~"]).fetchone()
        since = clock.day_of(last or p["enrolled_at"])  # the officer's day, not UTC's
        days = max((today - since).days, 0)
        out.append(VillageInbox(code, p[below], p["officer"],
                                clock.day_of(p["enrolled_at"]).isoformat(), clock.local_minute(last or ""),
                                count, cases, awaiting or 0, days,
                                days >= policy.village_silent_days))
    return sorted(out, key=lambda v: (-v.silent_days, v.code))


def received_bundles(db, limit: int = 200) -> list[dict]:
    """What arrived, newest first: from whom, when, and how much."""
    return list(db.query(
        "SELECT b.imported_at, b.created_at, b.file_name, b.new_events, b.known_events,"
        " b.refused_events, COALESCE(p.village, p.township, '') AS place FROM bundles_received b"
        " LEFT JOIN peers p ON p.workstation_id = b.sender_id"
        " ORDER BY b.imported_at DESC LIMIT ?", [limit]))
