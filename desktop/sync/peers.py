"""Enrollment: which other workstations this one trusts, and for what.

A village trusts exactly one township office (its own); a township trusts the villages
of its own township code and its county; a county, the townships of its code. Trust is given only after a person compared the fingerprint,
and a changed key is never accepted silently: a thief with a copied identity card must
not be able to slip in a key of his own."""

from __future__ import annotations

import json
from dataclasses import dataclass

from desktop.core.errors import Refusal
from desktop.core.roles import enroll_problem, region_of
from desktop.core.ways import way
from desktop.storage.store import now_utc
from desktop.sync.identity import fingerprint, place_name, show_fingerprint


@dataclass(frozen=True)
class Enrollment:
    card: dict
    fingerprint: str
    replaced: list[str]  # workstation ids no longer trusted
    already: bool  # the very same card was enrolled before: nothing changed


def peer(db, workstation_id: str) -> dict | None:
    rows = list(db.query("SELECT * FROM peers WHERE workstation_id = ?", [workstation_id]))
    return rows[0] if rows else None


def active_peers(db) -> list[dict]:
    return list(db.query("SELECT * FROM peers WHERE active = 1 ORDER BY village_code, "
                         "workstation_id"))


def township_peer(db) -> dict | None:
    return _one_peer(db, "township")


def county_peer(db) -> dict | None:
    return _one_peer(db, "county")


def _one_peer(db, role: str) -> dict | None:
    rows = [p for p in active_peers(db) if p["role"] == role]
    return rows[0] if rows else None


def check_scope(own: dict, card: dict) -> None:
    """A village enrolls its own township; a township, villages of its own township (the
    roles table in core says who may trust whom; codes are compared parsed)."""
    if card["workstation_id"] == own["id"]:
        raise Refusal("这是本机自己的身份文件,不能登记。请登记对方工作站的身份文件。")
    problem = enroll_problem(own, card)
    if problem:
        raise Refusal(f"不能登记 {place_name(card)}:{problem}。请核对身份文件是否拿错;"
                      f"未登记任何内容。")


def _rivals(db, own: dict, card: dict) -> list[dict]:
    """Trusted workstations the new card would take the place of: another key for the
    same workstation, or another workstation for the same village (or the township)."""
    out, place = [], region_of(card)
    for p in active_peers(db):
        if p["workstation_id"] == card["workstation_id"] or region_of(p) == place:
            out.append(p)
    return out


def enroll(store, card: dict, *, confirmed_fingerprint: str, replace: bool = False
           ) -> Enrollment:
    """Trust `card`. `confirmed_fingerprint` is what the person compared it with."""
    own, db = store.workstation, store.db
    check_scope(own, card)
    fp = fingerprint(card)
    if confirmed_fingerprint != fp:
        raise Refusal(f"指纹不一致:身份文件的指纹是 {show_fingerprint(fp)},与核对的不符。"
                      f"身份文件可能被调换或改动,请当面向对方核实,未登记任何内容。")
    known = peer(db, card["workstation_id"])
    if known and known["active"] and known["fingerprint"] == fp:
        return Enrollment(card, fp, [], True)
    rivals = _rivals(db, own, card)
    if rivals and not replace:
        names = "、".join(f"{place_name(p)}(指纹 {show_fingerprint(p['fingerprint'])})"
                         for p in rivals)
        raise Refusal(f"已登记过 {names},这份身份文件的密钥不同。只有对方确实换了电脑或重新"
                      f"建立了工作站时才应替换;确认后请{way('enroll_replace')}。未做任何改动。")
    with store.transaction():
        for p in rivals:
            db["peers"].update(p["workstation_id"], {"active": 0,
                                                     "replaced_by": card["workstation_id"]})
        db["peers"].upsert({**card, "fingerprint": fp, "card": json.dumps(card, ensure_ascii=False),
                            "enrolled_at": now_utc(), "active": 1, "replaced_by": None},
                           pk="workstation_id")
    return Enrollment(card, fp, [p["workstation_id"] for p in rivals], False)
