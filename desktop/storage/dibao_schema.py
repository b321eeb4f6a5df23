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
