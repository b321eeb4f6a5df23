"""The officer's operations on cases: receive applications and perform workflow steps.

Both the GUI and the command line call these; each operation validates everything first
(core), then writes its events and their projections in one transaction (storage), so a
refusal or a crash changes nothing."""

from __future__ import annotations

import json
from datetime import date

from desktop.core import clock
from desktop.core.application import normalise_application
from desktop.core.editions import stamp_editions
from desktop.core.errors import Refusal, ValidationFailed
from desktop.core.rulebook import STEPS, check_step
from desktop.core.steps import CaseFacts, check_meeting
from desktop.core.workflow import EVENT_TYPES, RECEIVED_EVENT, allowed_actions, next_status
from desktop.storage import notice_queries as nq
from desktop.storage.dibao_projections import household_facts
from desktop.storage.store import Store


class Casework:
    def __init__(self, store: Store, today: date | None = None):
        self.store = store
        self.db = store.db
        self.today = today or clock.today()

    @property
    def role(self) -> str:
        return self.store.workstation["role"]

    @property
    def officer(self) -> str:
        return self.store.workstation["officer"]

    # -- receiving -----------------------------------------------------------------------
    def receive(self, doc: dict) -> str:
        """Record one application (受理, or a draft); returns its case number."""
        return self.receive_many([doc])[0]

    def receive_many(self, docs: list) -> list[str]:
        """All or nothing: one bad record refuses the whole list, naming it."""
        if self.role != "village":
            raise Refusal("只有村级工作站可以受理申请;乡镇通过导入村里的数据包接收案件。")
        if not isinstance(docs, list):
            raise Refusal("申请数据应为 JSON 数组([{...}, ...])。")
        if not docs:
            raise Refusal("文件里没有任何申请。")
        clean = []
        for i, doc in enumerate(docs):
            try:
                clean.append(normalise_application(doc, today=self.today,
                                                   policy=self.store.policy))
            except ValidationFailed as exc:
                name = _applicant_name(doc)
                raise ValidationFailed(exc.errors, where=f"第 {i + 1} 条申请{name}") from None
        ids = []
        serials: dict[int, int] = {}
        with self.store.transaction():
            for doc in clean:
                case_id = self._next_case_id(int(doc["received_on"][:4]), serials)
                self.store.record(actor=self.officer, case_id=case_id, type_=RECEIVED_EVENT,
                                  payload=doc)
                ids.append(case_id)
        return ids

    def _next_case_id(self, year: int, serials: dict[int, int]) -> str:
        """Case numbers run per year: <village code>-<year>-0001. `serials` carries the
        last number through one batch so a large import looks it up once per year."""
        ws = self.store.workstation
        prefix = f"{ws['village_code'] or ws['township_code']}-{year}-"
        if year not in serials:
            row = self.db.execute(
                "SELECT MAX(CAST(substr(id, ?) AS INTEGER)) FROM applications"
                " WHERE id >= ? AND id < ?", [len(prefix) + 1, prefix, prefix + "~"]).fetchone()
            serials[year] = row[0] or 0
        serials[year] += 1
        return f"{prefix}{serials[year]:04d}"

    # -- steps ---------------------------------------------------------------------------
    def facts(self, case_id: str) -> CaseFacts:
        return facts_of(self.db, self.case(case_id))

    def allowed_actions(self, case_id: str) -> list[str]:
        row = self.case(case_id)
        return allowed_actions(row["status"], self.role, category=row["category"],
                               deliberation_skippable=self.store.policy.deliberation_skippable)

    def step(self, case_id: str, code: str, fields: dict) -> str:
        """Perform one workflow step; returns the new status code."""
        with self.store.transaction():
            return self.perform(case_id, code, fields)

    def perform(self, case_id: str, code: str, fields: dict, *, peer: dict | None = None
                ) -> str:
        """One step inside the caller's open transaction (a batch of steps that stand or
        fall together: a notice, a meeting, an import's acknowledgements). `peer` (role,
        workstation_id, actor) performs it as another workstation: only the demo uses
        it, to play the township's part."""
        role = peer["role"] if peer else self.role
        status, type_, clean = self.checked(self.facts(case_id), code, fields, role)
        if code == "post_notice" and (problem := nq.join_problem(self.db, case_id, clean)):
            raise Refusal(problem)  # a posted sheet takes no late-comer
        self.store.record(actor=peer["actor"] if peer else self.officer, case_id=case_id,
                          type_=type_, payload=clean,
                          workstation_id=peer["workstation_id"] if peer else None)
        return status

    def checked(self, facts: CaseFacts, code: str, fields: dict, role: str
                ) -> tuple[str, str, dict]:
        """Every check of `perform`, without recording: (new status, event type, checked
        fields). An import acknowledges a bundle's cases with it, recorded together."""
        status = next_status(facts.status, code, fields if isinstance(fields, dict) else {},
                             role=role, category=facts.category,
                             deliberation_skippable=self.store.policy.deliberation_skippable)
        fields = stamp_editions(STEPS[code].keys, fields, self.store.editions)
        clean = check_step(code, fields, facts, today=self.today, policy=self.store.policy)
        return status.value, EVENT_TYPES[code], clean

    def deliberate_meeting(self, meeting: dict, votes: dict[str, dict]) -> None:
        """One 村民代表评议 meeting deciding several cases: all recorded, or none."""
        if not votes:
            raise Refusal("请至少选择一个案件参加评议。")
        with self.store.transaction():
            for case_id, vote in votes.items():
                try:
                    self.perform(case_id, "deliberate", {**meeting, **vote})
                except ValidationFailed as exc:
                    raise ValidationFailed(exc.errors, where=f"案件 {case_id}") from None
                except Refusal as exc:
                    raise Refusal(f"案件 {case_id}:{exc.message}") from None

    def case(self, case_id: str) -> dict:
        """The case's row in the ledger, or a refusal naming the unknown number."""
        rows = list(self.db.query("SELECT * FROM applications WHERE id = ?", [case_id]))
        if not rows:
            raise Refusal(f"没有编号为 {case_id} 的案件。请用 applications list 查看案件编号。")
        return rows[0]


def facts_of(db, row: dict) -> CaseFacts:
    """What the rule book needs to know of a case, from its ledger row (or the row an
    import has projected so far)."""
    # objections matter only while the case is on notice: no query for the other steps
    objections = {r[0]: r[1] for r in db.execute(
        "SELECT objection_id, status FROM objections WHERE application_id = ?", [row["id"]])
    } if row["status"] == "on_notice" else {}
    start = row["notice_start"]
    return CaseFacts(status=row["status"], program=row["program"], category=row["category"],
                     last_on=date.fromisoformat(row["status_on"]),
                     notice_start=date.fromisoformat(start) if start else None,
                     notice_days=row["notice_days"] or 0, objections=objections,
                     approved_fen=row["approved_fen"] or 0,
                     paid_first_fen=row["paid_first_fen"] or 0,
                     deliberation=row.get("deliberation") or "",
                     county_decision=json.loads(row["county_decision"])
                     if row.get("county_decision") else None,
                     household_size=row["household_size"] or 1,
                     income_fen=row.get("investigated_income_fen"),
                     received_on=row["received_on"],
                     dibao=household_facts(db, row["id"]) if row["program"] == "dibao"
                     and row["status"] == "result_posted" else None)


def _applicant_name(doc) -> str:
    try:
        name = doc["applicant"]["name"]
        # Shown only as typed text can be: not a million characters, no terminal escapes
        # or lone surrogates (the field's own message names those).
        ok = isinstance(name, str) and name.strip() and name.isprintable() and len(name) <= 40
        return f"({name})" if ok else ""
    except (KeyError, TypeError):
        return ""


__all__ = ["Casework", "check_meeting", "facts_of"]
