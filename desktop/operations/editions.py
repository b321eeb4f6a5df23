"""Issuing an edition of policy (at the township today, at the county once it has a
workstation): checked by the rule book like an edition received, recorded in the
issuer's log, and sent down with the next bundle to every workstation below."""

from __future__ import annotations

from dataclasses import fields
from datetime import date

from desktop.core.editions import EVENT, FORWARDED, ISSUERS, in_force, record_id, upcoming
from desktop.core.errors import Refusal, ValidationFailed
from desktop.core.policy import Policy, policy_from_settings
from desktop.core.roles import ROLES, region_of
from desktop.core.rulebook import check_step
from desktop.core.setting_values import choices_as_codes
from desktop.storage.edition_projections import held, last_version, local_settings

DOCUMENT_KEYS = ("settings", "version", "note")


def edition_fields(doc) -> tuple[dict, int | None, str]:
    """(settings, version asked for, note) of an edition file: either the settings
    themselves ({"holidays": […]}) or {"settings": {…}, "version": N, "note": "…"}."""
    if not isinstance(doc, dict):
        raise Refusal("政策文件应为一个 JSON 对象({\"holidays\": [\"2027-01-01\"]})。")
    if "settings" not in doc:
        return choices_as_codes(doc), None, ""
    extra = sorted(k for k in doc if k not in DOCUMENT_KEYS)
    if extra:
        raise Refusal(f"政策文件中有未知的项“{'、'.join(extra)}”(可用:settings、version、note)。")
    return choices_as_codes(doc["settings"]), doc.get("version"), doc.get("note", "")


def issue_edition(store, settings, effective: date, today: date, *, version=None,
                  note: str = "") -> str:
    """Record the next edition; returns its record id. Refused whole, nothing changed:
    a role that issues none, unknown or barred keys, a bad value, an effective date
    before today, a version that is not the next one."""
    ws = store.workstation
    if ws["role"] not in ISSUERS:
        raise Refusal(f"{ROLES[ws['role']].label}工作站不能发布政策;政策由乡镇民政办或县民政局发布,"
                      f"随数据包送达本机。")
    code = region_of(ws).code
    last = last_version(store.db, record_id(code, 1))
    fields = {"version": last + 1 if version is None else version, "date": today.isoformat(),
              "effective": effective.isoformat(), "level": ws["role"], "region_code": code,
              "issuer": ISSUERS[ws["role"]].name(ws), "settings": settings,
              "note": note}
    try:
        clean = check_step("issue_policy", fields, last, today=today, policy=store.policy)
    except ValidationFailed as exc:
        raise Refusal("政策未发布:" + ";".join(e.message for e in exc.errors[:3])
                      + "未做任何改动。") from None
    rid = record_id(code, clean["version"])
    with store.transaction():
        store.record(actor=ws["officer"], case_id=rid, type_=EVENT, payload=clean)
    store.refresh_policy(today)  # in force today already: the ledger follows it now
    return rid


def next_edition_form(store) -> tuple[dict, dict, frozenset]:
    """What the form of the next edition starts from, at an issuing workstation: each
    setting its issuer sets as it stands here (the local settings overlaid by its own
    latest edition, in force or coming — not the days another level issued), the local
    settings, and the keys that latest edition set."""
    role = store.workstation["role"]
    local = policy_from_settings(local_settings(store.db)).to_settings()
    own = [e for e in held(store.db) if e.level == role]
    last = max(own, key=lambda e: e.version).settings if own else {}
    values = {k: local[k] for k in ISSUERS[role].keys}
    values.update({k: v for k, v in last.items() if k in values})
    return values, local, frozenset(last)


def edition_settings(typed: dict, local: dict, before: frozenset) -> dict:
    """The settings a new edition states, from the form: each that differs from the
    local setting, and each the issuer's last edition set (left out, it would turn
    local again)."""
    return {k: v for k, v in typed.items() if v != local.get(k) or k in before}


def policy_report(store, today) -> dict:
    """The policy in force here on `today`: the editions, and each setting with where its
    value comes from (an edition's record id, or "local")."""
    editions = held(store.db)
    force = in_force(editions, today)
    values = store.policy.to_settings()
    source = {k: e.record_id for e in force for k in e.settings}
    return {"date": today.isoformat(),
            "in_force": [_edition(e) for e in force],
            "upcoming": [_edition(e) for e in upcoming(editions, today)],
            "settings": {f.name: {"value": values[f.name],
                                  "source": source.get(f.name, "local")}
                         for f in fields(Policy)}}


def _edition(e) -> dict:
    return {"record_id": e.record_id, "level": e.level, "version": e.version,
            "issuer": e.issuer, "issued": e.issued_on.isoformat(),
            "effective": e.effective_on.isoformat(), "settings": sorted(e.settings)}


def forward_edition(store, event, today) -> str:
    """Pass a county's edition (the county's own event, held here) on to this township's
    villages: they do not know the county's key, and take it on the township's word."""
    fields = {"edition": event.payload, "from_workstation": event.workstation_id,
              "from_seq": event.seq, "from_hash": event.hash}
    # checked here as at the villages; its version follows the one before it
    clean = check_step("forward_policy", fields, event.payload["version"] - 1, today=today,
                       policy=store.policy)
    store.record(actor=store.workstation["officer"], case_id=event.case_id,
                 type_=FORWARDED, payload=clean)
    return event.case_id

