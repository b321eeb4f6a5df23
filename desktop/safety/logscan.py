"""Looking for personal data where none may be: log and crash folders, and the data
directory's files other than the databases (the lock, the keys, encrypted backups). Used
by the privacy test and available to a technician checking a laptop."""

from __future__ import annotations

from pathlib import Path

SQLITE_MAGIC = b"SQLite format 3\x00"


def personal_data(conn) -> set[str]:
    """Every applicant's and member's name, ID number and phone in a store."""
    from desktop.storage.packing import register
    from desktop.storage.queries import application_documents

    register(conn)  # any connection: the applications as received are read through the log's view
    found: set[str] = set()
    documents = application_documents(conn)
    for case_id, name, id_number in conn.execute(
            "SELECT id, applicant_name, applicant_id_number FROM applications"):
        found |= {name, id_number}
        doc = documents.get(case_id, {})
        found.add(str(doc.get("applicant", {}).get("phone") or ""))
    for name, id_number in conn.execute("SELECT name, id_number FROM members"):
        found |= {name, id_number}
    return {x for x in found if x and len(x) >= 2}


def leaks(folders: list[Path], needles: set[str]) -> list[tuple[Path, str]]:
    """(file, what) for every needle found in a file that is not a database."""
    encoded = [(n, n.encode("utf-8")) for n in needles]
    out = []
    for folder in folders:
        for path in sorted(Path(folder).rglob("*")) if Path(folder).exists() else []:
            if not path.is_file():
                continue
            raw = path.read_bytes()
            if raw.startswith(SQLITE_MAGIC):
                continue
            out += [(path, n) for n, b in encoded if b in raw]
    return out
