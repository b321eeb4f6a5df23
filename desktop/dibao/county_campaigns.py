"""清理检查 opened by the county (issue 15, item 4): one record per township, travelling
in the county's next bundle to that township, which passes it on to each village named
(none named: each of its villages) as its own opening under its own number, naming the
county and its event — so the villages' households become review tasks as in a
township's campaign, and the township's `campaign status` names the county.

The county may end it before its date (`close_county_campaign`): the closing travels to
each township like the opening, and the township ends it in its villages. At the county,
progress per township is what each township reports (`report_county_campaigns`, made at
its every export to the county when the figures changed, carried up in its relay). The
county holds every approved 低保 household and its reviews (sync/relay.py), but which of
them were the campaign's tasks is the township's word, from the campaign as it passed it
on: the county takes the figures rather than counting them again."""

from __future__ import annotations

import json
from datetime import date

from desktop.core.dibao_campaign import CAMPAIGN, FIGURES, county_record_id, report_record_id
from desktop.core.editions import ISSUERS
from desktop.core.errors import Refusal
from desktop.core.regions import code_problem
from desktop.core.rulebook import RULES
from desktop.dibao.campaigns import Campaign, VillageProgress, _next_number, _record, progress
from desktop.sync.peers import active_peers
from desktop.township.villages import village_names

OPENED = RULES["dibao_county_campaign"].event
FORWARDED = RULES["forward_dibao_campaign"].event
CLOSED = RULES["dibao_county_campaign_close"].event
REPORTED = RULES["report_dibao_campaign"].event


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
        if e.type == CLOSED:
            _close_forwarded(store, e.payload, today)
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


def _forwarded_number(db, township_id: str, county_campaign: str) -> str:
    """The township's number for the county's campaign ("" if never passed on)."""
    row = db.execute("SELECT json_extract(payload, '$.campaign') FROM events WHERE type = ?"
                     " AND workstation_id = ? AND json_extract(payload, '$.county_campaign') = ?"
                     " LIMIT 1", [FORWARDED, township_id, county_campaign]).fetchone()
    return row[0] if row else ""


def _close_forwarded(store, closing: dict, today: date) -> None:
    """The county ended its campaign early: the township ends it in each village still in
    it (once: a bundle brought again finds none open)."""
    number = _forwarded_number(store.db, store.workstation["id"], closing["campaign"])
    rows = store.db.execute("SELECT village_code FROM dibao_campaigns WHERE campaign = ?"
                            " AND closed_on IS NULL ORDER BY village_code", [number]).fetchall()
    if rows:
        _record(store, "dibao_campaign_close", [
            {"campaign": number, "village_code": code, "date": closing["date"]}
            for (code,) in rows], today)


def report_county_campaigns(store, today: date) -> int:
    """The township's figures of each county campaign passed on here, recorded for the
    county when they changed since the last report (its export calls this); returns how
    many were recorded. The county sees the figures only as the townships report them."""
    ws, reported = store.workstation, 0
    for county_campaign, number in store.db.execute(
            "SELECT DISTINCT json_extract(payload, '$.county_campaign'),"
            " json_extract(payload, '$.campaign') FROM events WHERE type = ?"
            " AND workstation_id = ?", [FORWARDED, ws["id"]]).fetchall():
        c = progress(store, number, today)
        figures = {k: c.total(k) for k in FIGURES}
        record = report_record_id(ws["township_code"], county_campaign)
        last = store.db.execute("SELECT payload FROM events WHERE case_id = ? AND type = ?"
                                " ORDER BY seq DESC LIMIT 1", [record, REPORTED]).fetchone()
        if last and {k: json.loads(last[0])[k] for k in FIGURES} == figures:
            continue
        _record(store, "report_dibao_campaign", [
            {"campaign": county_campaign, "township_code": ws["township_code"],
             "date": today.isoformat(), **figures}], today,
                record=lambda f: report_record_id(f["township_code"], f["campaign"]))
        reported += 1
    return reported


# -- at the county: closing early, progress per township ------------------------------------
def close_county_campaign(store, today: date) -> Campaign:
    """End the county's open campaign today, before its date, in every township it
    reached; the closing travels to each township, which ends it in its villages."""
    if store.workstation["role"] != "county":
        raise Refusal("县局开展的清理检查只能在县级工作站结束。")
    number = latest_county(store.db)
    if not number:
        raise Refusal("本县还没有开展过清理检查。未做任何改动。")
    rows = _openings(store.db, number)
    ended = _closed_on(store.db, number) or (rows[0]["until"] if rows[0]["until"]
                                             < today.isoformat() else "")
    if ended:
        raise Refusal(f"清理检查 {number} 已于 {ended} 结束,无须再结束。未做任何改动。")
    _record(store, "dibao_county_campaign_close", [
        {"campaign": number, "township_code": p["township_code"], "date": today.isoformat()}
        for p in rows], today, record=lambda f: county_record_id(f["township_code"],
                                                                  f["campaign"]))
    return county_progress(store, number, today)


def _openings(db, number: str) -> list[dict]:
    return [json.loads(r[0]) for r in db.execute(
        "SELECT payload FROM events WHERE type = ? AND json_extract(payload, '$.campaign') = ?"
        " ORDER BY case_id", [OPENED, number])]


def _closed_on(db, number: str) -> str:
    row = db.execute("SELECT MIN(json_extract(payload, '$.date')) FROM events WHERE type = ?"
                     " AND json_extract(payload, '$.campaign') = ?", [CLOSED, number]).fetchone()
    return row[0] or ""

def latest_county(db) -> str:
    row = db.execute("SELECT json_extract(payload, '$.campaign') FROM events WHERE type = ?"
                     " ORDER BY json_extract(payload, '$.date') DESC, seq DESC LIMIT 1",
                     [OPENED]).fetchone()
    return row[0] if row else ""


def county_progress(store, number: str, today: date) -> Campaign:
    """Per township, the figures it last reported (none yet: zeros, `reported_on` empty);
    once the campaign has ended (closed early, or past its date), the households not
    reviewed are overdue."""
    if not CAMPAIGN.fullmatch(number or ""):
        raise Refusal(f"清理检查编号应为“年份-序号”(如 2027-1),现在是“{number[:20]}”。")
    rows = _openings(store.db, number)
    if not rows:
        raise Refusal(f"本县没有编号为 {number} 的清理检查。")
    names = {p["township_code"]: p["township"] for p in active_peers(store.db)
             if p["role"] == "township"}
    first = rows[0]
    closed = _closed_on(store.db, number) or (
        first["until"] if first["until"] < today.isoformat() else None)
    townships = [_township(store.db, p, names.get(p["township_code"], p["township_code"]),
                           bool(closed)) for p in rows]
    return Campaign(number, first["date"], first["until"], closed, townships)


def _township(db, p: dict, name: str, ended: bool) -> VillageProgress:
    t = VillageProgress(p["township_code"], name)
    if p["villages"]:
        t.village += f"({len(p['villages'])} 个村)"
    row = db.execute("SELECT payload FROM events WHERE case_id = ? AND type = ?"
                     " ORDER BY json_extract(payload, '$.date') DESC, seq DESC LIMIT 1",
                     [report_record_id(p["township_code"], p["campaign"]), REPORTED]).fetchone()
    if row:
        figures = json.loads(row[0])
        for key in FIGURES:
            setattr(t, key, figures[key])
        t.reported_on = figures["date"]
    if ended:
        t.overdue = max(t.households - t.reviewed, 0)
    return t


__all__ = ["close_county_campaign", "county_progress", "forward_county_campaigns",
           "latest_county", "open_county_campaign", "report_county_campaigns"]
