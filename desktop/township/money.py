"""What a case paid out: 先行救助 (paid first at the village) plus 发放 (the township's
payment of the remainder). Every document and figure takes its three amounts from here,
so the filing register, the approval form, `figures` and the ledger add up alike."""

from __future__ import annotations


def case_money(row) -> tuple[int, int, int]:
    """(paid first, paid, total) in fen, from a ledger row (`applications`)."""
    paid_first = _fen(row, "paid_first_fen")  # absent from filings signed before it
    paid = _fen(row, "paid_fen")
    return paid_first, paid, paid_first + paid


def _fen(row, key: str) -> int:
    try:
        return row[key] or 0
    except (KeyError, IndexError):
        return 0


def recovery_owed(row) -> int:
    """Fen paid first beyond what was approved (to recover, 追回); 0 when none."""
    approved = row["approved_fen"]
    if approved is None:
        return 0
    return max(0, (row["paid_first_fen"] or 0) - approved)
