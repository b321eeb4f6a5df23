"""清理检查 opened by the county (issue 15, item 4): one record per township, travelling
in the county's next bundle to that township, which passes it on to each village named
(none named: each of its villages) as its own opening under its own number, naming the
county and its event — so the villages' households become review tasks as in a
township's campaign, and the township's `campaign status` names the county.

At the county, progress per township is read from what the townships' relays bring up:
the relay carries the cases the county holds (referred to it or filed with it), so the
reviews counted are those of such 低保 cases only — the county never sees the others."""

from __future__ import annotations

import json
from datetime import date

from desktop.core.dibao_campaign import CAMPAIGN, county_record_id
from desktop.core.editions import ISSUERS
from desktop.core.errors import Refusal
from desktop.core.regions import code_problem
from desktop.core.rulebook import RULES
from desktop.dibao.campaigns import Campaign, _next_number, _record, _village
from desktop.sync.peers import active_peers
from desktop.township.villages import village_names

OPENED = RULES["dibao_county_campaign"].event
FORWARDED = RULES["forward_dibao_campaign"].event


def open_county_campaign(store, townships: list[str], villages: list[str], until: date,
                         today: date) -> tuple[str, int]:
    """Open a campaign over whole `townships` or chosen `villages`; returns its number and
    how many townships it reaches."""
    if store.workstation["role"] != "county":
        raise Refusal("按乡镇开展清理检查只能在县级工作站办理;乡镇开展时请选择本乡镇的村。")
    enrolled = {p["township_code"]: p["township"] for p in active_peers(store.db)
                if p["role"] == "township"}
    chosen: dict[str, list[str]] = {t: [] for t in townships}
    for code in villages:
        chosen.setdefault(code[:9], []).append(code)
    for code in townships + villages:
        level = "township" if code in townships else "village"
        if code_problem(code, level) or code[:9] not in enrolled:
            raise Refusal(f"“{code[:20]}”不是本县已登记乡镇的{'乡镇' if level == 'township' else '村'}"
                          f"代码(可用 inbox 查看已登记的乡镇)。未做任何改动。")
    if set(townships) & {v[:9] for v in villages}:
        raise Refusal("同一乡镇不能既整体开展又另列其中的村,请二者选一。未做任何改动。")
    number = _county_number(store.db, today.year)
    _record(store, "dibao_county_campaign", [
        {"campaign": number, "township_code": t, "villages": sorted(set(vs)),
         "date": today.isoformat(), "until": until.isoformat()}
        for t, vs in sorted(chosen.items())], today,
            record=lambda f: county_record_id(f["township_code"], f["campaign"]))
    return number, len(chosen)


def _county_number(db, year: int) -> str:
    numbers = [int(r[0].split("-")[1]) for r in db.execute(
        "SELECT DISTINCT json_extract(payload, '$.campaign') FROM events WHERE type = ?"
        " AND json_extract(payload, '$.campaign') LIKE ?", [OPENED, f"{year}-%"])]
    return f"{year}-{max(numbers, default=0) + 1}"


# -- at the township: passing it on ---------------------------------------------------------
def forward_county_campaigns(store, events: list, peer: dict, today: date) -> list[str]:
    """Each county campaign the bundle brought goes on to its villages (registered here),
    once; returns the township's numbers for them."""
    done = {r[0] for r in store.db.execute(
        "SELECT DISTINCT json_extract(payload, '$.from_hash') FROM events WHERE type = ?"
        " AND workstation_id = ?", [FORWARDED, store.workstation["id"]])}
    county, out = ISSUERS["county"].name(peer), []
    for e in events:
        if e.type != OPENED or e.hash in done:
            continue
        p = e.payload
        villages = sorted(set(p["villages"] or village_names(store.db)) & set(
            village_names(store.db)))
        if not villages:  # none of them registered here: nothing to pass on
            continue
        number = _next_number(store.db, int(p["date"][:4]))
        _record(store, "forward_dibao_campaign", [
            {"campaign": number, "village_code": v, "date": p["date"], "until": p["until"],
             "county": county, "county_campaign": p["campaign"],
             "from_workstation": e.workstation_id, "from_seq": e.seq, "from_hash": e.hash}
            for v in villages], today)
        out.append(number)
    return out


# -- at the county: progress per township ---------------------------------------------------
def latest_county(db) -> str:
    row = db.execute("SELECT json_extract(payload, '$.campaign') FROM events WHERE type = ?"
                     " ORDER BY json_extract(payload, '$.date') DESC, seq DESC LIMIT 1",
                     [OPENED]).fetchone()
    return row[0] if row else ""


def county_progress(store, number: str, today: date) -> Campaign:
    """Per township: the reviews and decisions of its 低保 cases the county holds, made
    since the opening (to the closing date, or today if sooner)."""
    if not CAMPAIGN.fullmatch(number or ""):
        raise Refusal(f"清理检查编号应为“年份-序号”(如 2027-1),现在是“{number[:20]}”。")
    rows = [json.loads(r[0]) for r in store.db.execute(
        "SELECT payload FROM events WHERE type = ? AND json_extract(payload, '$.campaign') = ?"
        " ORDER BY case_id", [OPENED, number])]
    if not rows:
        raise Refusal(f"本县没有编号为 {number} 的清理检查。")
    names = {p["township_code"]: p["township"] for p in active_peers(store.db)
             if p["role"] == "township"}
    first = rows[0]
    end = min(first["until"], today.isoformat())
    townships = [_township(store.db, p, names.get(p["township_code"], p["township_code"]),
                           end) for p in rows]
    closed = first["until"] if first["until"] < today.isoformat() else None
    return Campaign(number, first["date"], first["until"], closed, townships)


def _township(db, p: dict, name: str, end: str):
    parts = [_village(db, code, code, p["date"], end)
             for code in (p["villages"] or [p["township_code"]])]
    total = parts[0]
    total.village_code, total.village = p["township_code"], name
    for v in parts[1:]:
        for key in ("households", "reviewed", "continued", "adjusted", "stopped",
                    "newly_found"):
            setattr(total, key, getattr(total, key) + getattr(v, key))
        for officer, n in v.officers.items():
            total.officers[officer] = total.officers.get(officer, 0) + n
    if p["villages"]:
        total.village += f"({len(p['villages'])} 个村)"
    return total


__all__ = ["county_progress", "forward_county_campaigns", "latest_county",
           "open_county_campaign"]
