"""The ledger's search on a county's store (issue 14: ≤ 100 ms on 700,000 cases), with
the same finds as reading every row: a name or a group anywhere in it, an ID number from
its start, a case number anywhere in it.

Reading every row's name is 1 s on 700,000 cases. So a name or a group is found through
`search_grams` (migration 0015): every distinct text of the applicants' names and groups
under each of its characters and each pair of its characters. A search reads the texts
that hold every pair of the query's characters (or its one character), keeps those the
query is really part of, then the cases of those names or groups by their indexes. An ID
number is read from its start through its index. A case number is the one part still
read row by row, and only for a query that can be part of one (digits and dashes, no run
longer than a village code's 12 digits): a name or a full ID number never is, and a
query that starts with a village code can only be the start of one (read by index)."""

from __future__ import annotations

import re

from desktop.core.rulebook import RECEIVED_EVENT
from desktop.storage.projection_batch import open_batch

TABLES: tuple[str, ...] = ("search_grams",)
CREATE = ("CREATE TABLE search_grams (gram TEXT NOT NULL, text TEXT NOT NULL,"
          " PRIMARY KEY (gram, text)) WITHOUT ROWID")
_ID_CHARS = re.compile(r"[0-9X]+")
_CASE_CHARS = re.compile(r"[0-9\-]+")
_LONG_DIGITS = re.compile(r"\d{13}")
_VILLAGE_START = re.compile(r"\d{12}(-|$)")


def grams(text: str) -> set[str]:
    """Each character and each pair of neighbours (ASCII letters as LIKE compares them)."""
    t = text.lower()
    return set(t) | {t[i:i + 2] for i in range(len(t) - 1)}


def _wanted(query: str) -> list[str]:
    q = query.lower()
    return sorted({q[i:i + 2] for i in range(len(q) - 1)} or {q})


def text_clause(text: str, escape) -> tuple[str, list]:
    """The WHERE clause of a search for `text` (stripped, not empty), with its parameters."""
    like = f"%{escape(text)}%"
    wanted = _wanted(text)
    having = " INTERSECT ".join(["SELECT text FROM search_grams WHERE gram = ?"] * len(wanted))
    texts = f"SELECT text FROM ({having}) WHERE text LIKE ? ESCAPE '\\'"
    parts = [f"applicant_name IN ({texts})", f"group_name IN ({texts})"]
    params = [*wanted, like, *wanted, like]
    upper = text.upper()
    if _ID_CHARS.fullmatch(upper):  # from its start, as the index is ordered
        parts.append("(applicant_id_number >= ? AND applicant_id_number < ?)")
        params += [upper, upper[:-1] + chr(ord(upper[-1]) + 1)]
    if _CASE_CHARS.fullmatch(text) and not _LONG_DIGITS.search(text):
        if _VILLAGE_START.match(text):  # a case number has one run of 12: its start
            parts.append("(id >= ? AND id < ?)")
            params += [text, text[:-1] + chr(ord(text[-1]) + 1)]
        else:
            parts.append("id LIKE ? ESCAPE '\\'")
            params.append(like)
    return "(" + " OR ".join(parts) + ")", params


def apply(db, event, policy) -> None:
    """A receipt's name and group join the texts searched (once each: a group's name is
    shared by hundreds of cases), when the projection batch open on `db` is written."""
    if event.type == RECEIVED_EVENT:
        a = event.payload["applicant"]
        batch = open_batch(db)
        if batch is None:
            add_texts(db.conn, (a["name"], a["group"]))
        else:  # an import's hundreds of names: one statement, not one each
            texts = batch.held_by(__name__, _HeldTexts).texts
            texts[a["name"]], texts[a["group"]] = None, None


class _HeldTexts:
    def __init__(self, db):
        self.db, self.texts = db, {}  # as a set, in the order they came

    def flush(self) -> None:
        add_texts(self.db.conn, self.texts)


def add_texts(conn, texts) -> None:
    rows = [(g, text) for text in texts
            if text and not conn.execute("SELECT 1 FROM search_grams WHERE gram = ? AND"
                                         " text = ?", [text[0].lower(), text]).fetchone()
            for g in grams(text)]
    conn.executemany("INSERT OR IGNORE INTO search_grams (gram, text) VALUES (?, ?)", rows)


def fill(conn) -> None:
    """Every text of the cases held (a store made before 0015)."""
    add_texts(conn, [r[0] for r in conn.execute(
        "SELECT DISTINCT applicant_name FROM applications UNION"
        " SELECT DISTINCT group_name FROM applications")])
