"""The county (issue 14): migration 0010 (and 0018, below).

- `applications.county_decision`: the county's decision on a referred case, as decided
  (the township's record of it must match: core/county_steps.py);
- `relay_out`: what a township relays to its county — the events of the cases the county
  holds (referred or filed; 低保 households once approved, since 0018), its villages' and
  its own, numbered 1, 2, 3 … per recipient in the order they were queued. The county acknowledges that number, as a township
  acknowledges a village's sequence numbers, so a lost stick is sent again;
- `relay_marks`: how far the township has looked through its log for what to relay (the
  log is only ever appended to, so its row ids only grow);
- `relay_in`: at the county, how far each township's relay has been applied."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database

from desktop.storage.migration_steps import migration


@migration("0010_county")
def county(db: Database) -> None:
    db.execute("ALTER TABLE applications ADD COLUMN county_decision TEXT")
    db.execute("CREATE TABLE relay_out (recipient_id TEXT NOT NULL, n INTEGER NOT NULL,"
               " workstation_id TEXT NOT NULL, seq INTEGER NOT NULL,"
               " PRIMARY KEY (recipient_id, n))")
    db.execute("CREATE UNIQUE INDEX idx_relay_out_event ON relay_out"
               " (recipient_id, workstation_id, seq)")
    db.execute("CREATE TABLE relay_marks (recipient_id TEXT PRIMARY KEY,"
               " scanned_rowid INTEGER NOT NULL)")
    db.execute("CREATE TABLE relay_in (sender_id TEXT PRIMARY KEY, held_n INTEGER NOT NULL)")


@migration("0018_relay_dibao")
def relay_dibao(db: Database) -> None:
    """A 低保 household is the county's once approved, and the 低保 records relay too
    (sync/relay.py): a township's relay mark may be past households approved before this
    version, which the relay reads only after its mark. So it looks through the whole log
    once more at its next export to the county; what was queued stays queued (the queue
    skips an event already in it), so only what now relays is added."""
    db.execute("UPDATE relay_marks SET scanned_rowid = 0")
