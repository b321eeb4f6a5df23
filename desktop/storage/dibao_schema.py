"""低保 households in payment (issue 15): migrations 0012 and 0014.

- `applications.investigated_income_fen`: the household's annual income as the 入户调查
  found it. A 低保 approval reckons the monthly amount from it (差额), and the rule book
  must know it when an approval is checked — also while an import projects a bundle,
  when only the case row is current. Existing stores take it from their history.
- `dibao_households`: each enrolled household (one per approved 低保 case): persons,
  monthly amount, class, the month payment starts, the month its review is due, the
  month it stops (none yet).
- `dibao_months` and `dibao_payments`: each village's monthly payment as recorded by the
  township, and each household's line in it. Projections of the log, like the ledger."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database

from desktop.storage.migration_steps import migration


@migration("0012_dibao_households")
def dibao_households(db: Database) -> None:
    db.execute("ALTER TABLE applications ADD COLUMN investigated_income_fen INTEGER")
    db.execute(
        "UPDATE applications SET investigated_income_fen = (SELECT json_extract(h.fields,"
        " '$.household_income_fen') FROM history h WHERE h.application_id = applications.id"
        " AND h.action = 'investigate'"
        " ORDER BY h.occurred_on DESC, h.recorded_at DESC, h.seq DESC LIMIT 1)")
    db.execute("""CREATE TABLE dibao_households (
        case_id TEXT PRIMARY KEY,
        village_code TEXT NOT NULL, persons INTEGER NOT NULL, monthly_fen INTEGER NOT NULL,
        class TEXT NOT NULL, since_month TEXT NOT NULL, next_review TEXT NOT NULL,
        approved_on TEXT NOT NULL, stopped_month TEXT)""")
    db.execute("CREATE INDEX dibao_households_village ON dibao_households (village_code)")
    db.execute("""CREATE TABLE dibao_months (
        village_code TEXT NOT NULL, month TEXT NOT NULL, households INTEGER NOT NULL,
        persons INTEGER NOT NULL, total_fen INTEGER NOT NULL, paid_on TEXT NOT NULL,
        PRIMARY KEY (village_code, month))""")
    db.execute("CREATE INDEX dibao_months_month ON dibao_months (month)")
    db.execute("""CREATE TABLE dibao_payments (
        month TEXT NOT NULL, case_id TEXT NOT NULL, village_code TEXT NOT NULL,
        persons INTEGER NOT NULL, amount_fen INTEGER NOT NULL,
        PRIMARY KEY (month, case_id))""")


@migration("0014_dibao_reviews")
def dibao_reviews(db: Database) -> None:
    """复核 and 停保 (动态管理): the review awaiting the township's decision (its fields as
    JSON), the month of the last decided review (the next is reckoned from it), the
    first month of a gradual exit (渐退) and the reason and date of a stop; and each
    village's part in a 清理检查 campaign."""
    for column in ("pending_review", "last_review", "exit_from", "stop_reason",
                   "stop_kind", "stopped_on"):
        db.execute(f"ALTER TABLE dibao_households ADD COLUMN {column} TEXT")
    db.execute("CREATE INDEX dibao_households_stopped ON dibao_households (stopped_month)")
    db.execute("""CREATE TABLE dibao_campaigns (
        campaign TEXT NOT NULL, village_code TEXT NOT NULL, opened_on TEXT NOT NULL,
        until TEXT NOT NULL, closed_on TEXT, PRIMARY KEY (campaign, village_code))""")


@migration("0017_dibao_objections")
def dibao_objections(db: Database) -> None:
    """Objections to a 低保变动公示 (core/dibao_objection.py): each line a change notice
    posted (what an objection names and the notice list counts), each objection and its
    result, and on the household the change it was last decided (`last_change`: decided
    on, from month), the amount paid while that change is objected to (`held_fen`) and
    the objection that sent it back to 复核 (`recheck`). A store's existing notices'
    lines are read from their events; enrollments and decisions from the history."""
    db.execute("""CREATE TABLE dibao_change_lines (
        village_code TEXT NOT NULL, notice_id TEXT NOT NULL, position INTEGER NOT NULL,
        case_id TEXT NOT NULL, change TEXT NOT NULL, decided_on TEXT NOT NULL,
        from_month TEXT NOT NULL, old_fen INTEGER NOT NULL, new_fen INTEGER NOT NULL,
        notice_date TEXT NOT NULL, days INTEGER NOT NULL,
        PRIMARY KEY (village_code, notice_id, position))""")
    db.execute("CREATE INDEX dibao_change_lines_case ON dibao_change_lines (case_id)")
    db.execute("""CREATE TABLE dibao_objections (
        case_id TEXT NOT NULL, objection_id TEXT NOT NULL, notice_id TEXT NOT NULL,
        village_code TEXT NOT NULL, received_on TEXT NOT NULL, from_whom TEXT NOT NULL,
        content TEXT NOT NULL, held_change TEXT, status TEXT NOT NULL,
        result TEXT, how_checked TEXT, reason TEXT, closed_on TEXT,
        PRIMARY KEY (case_id, objection_id))""")
    db.execute("CREATE INDEX dibao_objections_notice ON dibao_objections"
               " (village_code, notice_id)")
    for column in ("last_change TEXT", "held_fen INTEGER", "recheck TEXT"):
        db.execute(f"ALTER TABLE dibao_households ADD COLUMN {column}")
    from desktop.storage.dibao_projections import LINE_SQL, change_lines, last_change_of

    for payload in db.execute("SELECT payload FROM events WHERE type ="
                              " 'DibaoChangeNoticeIssued' ORDER BY rowid").fetchall():
        db.conn.executemany(LINE_SQL, change_lines(json.loads(payload[0])))
    for case_id, key in last_change_of(db):
        db.execute("UPDATE dibao_households SET last_change = ? WHERE case_id = ?",
                   [key, case_id])
