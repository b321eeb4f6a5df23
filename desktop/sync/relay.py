"""What a township relays to its county (issue 14, item 2): the whole record of every
case the county holds — a case referred to it (转县审批) or filed with it (备案), and a
低保 household once the township approved it — its villages' events and the township's
own, each under its writer's id, sequence number and hash, so the county holds the same
log entries the township does.

A case becomes the county's when it is referred or filed, a 低保 case when it is approved
(enrolled, `dibao_households`): the approval of a household is reported to the county for
备案, but the household is never filed — it stays under continuing protection (monthly
payment, 复核, objections, 停保) for years, and the county must see all of it. From then
on each of its new events follows. So do the records of 低保 that name no one case: each
village's 低保变动公示 and the township's monthly payment of a village.

The township numbers what it queues for the county 1, 2, 3 … (`relay_out`,
migration 0010), in the order the events reached its own log (an order in which each
case's events can be applied), and the county acknowledges that number as a township
acknowledges a village's sequence numbers: a lost stick is sent again, an old bundle
changes nothing."""

from __future__ import annotations

from datetime import date

from desktop.core.county_steps import card_record
from desktop.core.rulebook import RULES, check_step
from desktop.storage.eventlog import _COLUMNS, Event, _from_row

# a case is the county's once one of these steps was taken on it ...
COUNTY_HELD = ("refer", "file")
# ... and a 低保 case once approved: enrolled, it has its row in `dibao_households`
APPROVED = RULES["approve"].event
DIBAO_HELD = "SELECT case_id FROM dibao_households"
# records of 低保 with no case of their own (`<village>-DB-YYYY-MM`, `<village>-BD-…`)
DIBAO_RECORDS = (RULES["dibao_pay"].event, RULES["dibao_change_notice"].event)
NAMED = RULES["name_village"].event
CAMPAIGN_REPORTED = RULES["report_dibao_campaign"].event  # its figures of a 清理检查


def queue_for_county(db, county_id: str) -> int:
    """Append every event of a county-held case not yet queued (the county's own events
    excepted: it has them); returns how many were added. Only what reached the log since
    the last look is read (by row number), and the older events of a case that became
    held since (by the case's index): never the whole log."""
    last = db.execute("SELECT COALESCE(MAX(n), 0) FROM relay_out WHERE recipient_id = ?",
                      [county_id]).fetchone()[0]
    row = db.execute("SELECT scanned_rowid FROM relay_marks WHERE recipient_id = ?",
                     [county_id]).fetchone()
    mark, top = (row[0] if row else 0), db.execute(
        "SELECT COALESCE(MAX(rowid), 0) FROM events").fetchone()[0]
    township, own = db.execute("SELECT township_code, id FROM workstation").fetchone()
    held, since = _held_sql()
    done = db.execute(
        "INSERT INTO relay_out (recipient_id, n, workstation_id, seq)"
        " SELECT :county, :last + ROW_NUMBER() OVER (ORDER BY e.rowid), e.workstation_id,"
        " e.seq FROM events e WHERE e.rowid IN ("
        # what reached the log since the mark: held cases' events and the records ...
        f"  SELECT n.rowid FROM events n WHERE n.rowid > :mark AND n.rowid <= :top AND ({held})"
        # ... and every event of a case that became held since (its older ones too)
        "  UNION SELECT o.rowid FROM events o WHERE o.rowid <= :top AND o.case_id IN ("
        f"   SELECT n.case_id FROM events n WHERE n.rowid > :mark AND n.rowid <= :top"
        f"   AND ({since})))"
        " AND e.workstation_id != :county AND NOT EXISTS (SELECT 1 FROM relay_out r"
        "  WHERE r.recipient_id = :county AND r.workstation_id = e.workstation_id"
        "  AND r.seq = e.seq)",
        {"county": county_id, "last": last, "mark": mark, "top": top, "own": own,
         "reports": township + "000-KH-", "reports_end": township + "000-KH-~"})
    db.execute("INSERT INTO relay_marks (recipient_id, scanned_rowid) VALUES (?, ?)"
               " ON CONFLICT (recipient_id) DO UPDATE SET scanned_rowid = excluded.scanned_rowid",
               [county_id, top])
    return done.rowcount


def _held_sql() -> tuple[str, str]:
    """Which new event `n` goes to the county, and which makes its case the county's."""
    steps = ", ".join(f"'{code}'" for code in COUNTY_HELD)
    made_held = ", ".join(f"'{RULES[code].event}'" for code in COUNTY_HELD)
    by_type = ", ".join(f"'{t}'" for t in DIBAO_RECORDS)
    held = (f"EXISTS (SELECT 1 FROM case_steps s WHERE s.application_id = n.case_id"
            f" AND s.action IN ({steps})) OR n.case_id IN ({DIBAO_HELD})"
            # the township's own monthly 考核 reports (`<township>000-KH-YYYY-MM`, 14/7)
            " OR (n.case_id BETWEEN :reports AND :reports_end"
            "     AND n.type = 'AssessmentReported')"
            # its word on its villages' names (`name_villages`), its 清理检查 figures
            f" OR (n.type IN ('{NAMED}', '{CAMPAIGN_REPORTED}') AND n.workstation_id = :own)"
            f" OR n.type IN ({by_type})")
    since = (f"n.type IN ({made_held}) OR (n.type = '{APPROVED}'"
             f" AND n.case_id IN ({DIBAO_HELD}))")
    return held, since


def name_villages(store, today: date) -> int:
    """Tell the county the name and officer of each village enrolled here, from its card,
    when it is new or changed (a replaced card): the county enrolls no village and names
    them by this record. Checked by the rule book as the county will check it."""
    db, work = store.db, store.workstation
    told = {code: (name, officer) for code, name, officer in db.execute(
        "SELECT village_code, village, officer FROM village_cards WHERE workstation_id = ?",
        [work["id"]])}
    added = 0
    for p in db.query("SELECT village_code, village, officer FROM peers WHERE role ="
                      " 'village' AND active = 1 ORDER BY village_code"):
        if told.get(p["village_code"]) == (p["village"], p["officer"]):
            continue
        fields = dict(p, date=today.isoformat())
        clean = check_step("name_village", fields, None, today=today, policy=store.policy)
        store.record(actor=work["officer"], case_id=card_record(p["village_code"]),
                     type_=NAMED, payload=clean)
        added += 1
    return added


def relayed_events(db, county_id: str, since: int) -> list[tuple[int, Event]]:
    """(number, event) of what was queued for the county after `since`, in order."""
    cols = ", ".join(f"e.{c.strip()}" for c in _COLUMNS.split(","))
    rows = db.execute(
        f"SELECT r.n, {cols} FROM relay_out r JOIN events e ON e.workstation_id ="
        " r.workstation_id AND e.seq = r.seq WHERE r.recipient_id = ? AND r.n > ?"
        " ORDER BY r.n", [county_id, since])
    return [(row[0], _from_row(row[1:])) for row in rows]


def last_queued(db, county_id: str) -> int:
    return db.execute("SELECT COALESCE(MAX(n), 0) FROM relay_out WHERE recipient_id = ?",
                      [county_id]).fetchone()[0]


def queued_case(db, county_id: str, n: int) -> str:
    """The case of the n-th relayed event (to name it when the county refused it)."""
    row = db.execute("SELECT e.case_id FROM relay_out r JOIN events e ON e.workstation_id ="
                     " r.workstation_id AND e.seq = r.seq WHERE r.recipient_id = ? AND r.n = ?",
                     [county_id, n]).fetchone()
    return row[0] if row else ""


# -- at the county ------------------------------------------------------------------------
def held(db, township_id: str) -> int:
    """How far the township's relay has been applied here."""
    row = db.execute("SELECT held_n FROM relay_in WHERE sender_id = ?", [township_id]).fetchone()
    return row[0] if row else 0


def set_held(db, township_id: str, n: int) -> None:
    db.execute("INSERT INTO relay_in (sender_id, held_n) VALUES (?, ?) ON CONFLICT (sender_id)"
               " DO UPDATE SET held_n = MAX(held_n, excluded.held_n)", [township_id, n])
