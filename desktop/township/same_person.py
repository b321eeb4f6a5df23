"""Who else holds the people of a case: the lookups behind the red flags 同一身份证号,
一事一次, 一人两户 and 一号多名 (township/flags.py).

Two cases of one person are looked at together when they are of the same year, or when
one of them is a 低保 household in payment on the day the other was received: a 低保
household stays under protection for years (dibao/households.py), so a person enrolled
in 2025 and still paid in 2027 who turns up in another household's 2027 application is
one person in two households (一人多户), whatever the year of the enrollment.

Every lookup goes by index (the cases' people, then every case listing their ID
numbers, each with its household by key), never through a year or all the cases."""

from __future__ import annotations

from dataclasses import dataclass

# a case's year, day of receipt and, if it is a 低保 household, its months in payment
_SIDE = ("{a}.year, {a}.received_on, {d}.since_month, {d}.stopped_month,"
         " {d}.held_fen IS NOT NULL")
_HOUSEHOLD = " LEFT JOIN dibao_households {d} ON {d}.case_id = {a}.id"


@dataclass(frozen=True)
class Side:
    """One case as the comparison needs it."""
    year: int
    received_on: str
    since_month: str | None  # a 低保 household: its first month paid
    stopped_month: str | None  # the first month it is no longer paid
    held: bool  # a change an objection holds: paid as before it (a stop waits)

    def paid_on(self, day: str) -> bool:
        """A 低保 household in payment in the month of `day` (as households.in_payment)."""
        month = day[:7]
        return bool(self.since_month) and self.since_month <= month and (
            self.stopped_month is None or self.stopped_month > month or self.held)


@dataclass(frozen=True)
class Other:
    """Another case of one of this case's people, and why it is current with this one:
    `kind` "year" (the same year), "theirs" (it is a 低保 household in payment on the day
    this case was received) or "mine" (this case is one, in payment on its day)."""
    case_id: str
    kind: str
    since_month: str  # of the household in payment ("" for "year")
    received_on: str  # of the other case
    same_year: bool  # (一事一次 is of one calendar year, whatever the kind)

    @property
    def note(self) -> str:
        """What an officer needs to see beside the other case's number."""
        if self.kind == "theirs":
            return f"(在保低保户,{self.since_month} 起享受低保,本案受理时未停保)"
        if self.kind == "mine":
            return (f"(该案 {self.received_on} 受理,本户 {self.since_month} 起享受低保,"
                    f"其时未停保)")
        return ""


def related(mine: Side, theirs: Side, case_id: str) -> Other | None:
    """`case_id` (with `theirs`) as an Other of a case with `mine`, or None when the two
    are not current together."""
    same_year = mine.year == theirs.year
    if theirs.paid_on(mine.received_on):
        return Other(case_id, "theirs", theirs.since_month or "", theirs.received_on,
                     same_year)
    if same_year:
        return Other(case_id, "year", "", theirs.received_on, True)
    if mine.paid_on(theirs.received_on):
        return Other(case_id, "mine", mine.since_month or "", theirs.received_on, False)
    return None


def same_applicant(db, marks: str, case_ids: list[str]) -> dict[str, list[tuple]]:
    """(Other, its reason) for each other case of the same applicant ID number."""
    rows = db.execute(
        f"SELECT a.id, {_SIDE.format(a='a', d='da')}, o.id, o.reason,"
        f" {_SIDE.format(a='o', d='do')} FROM applications a"
        " JOIN applications o ON o.applicant_id_number = a.applicant_id_number"
        f" AND o.id != a.id{_HOUSEHOLD.format(a='a', d='da')}"
        f"{_HOUSEHOLD.format(a='o', d='do')}"
        f" WHERE a.id IN ({marks}) ORDER BY o.id", case_ids).fetchall()
    out: dict[str, list[tuple]] = {}
    for r in rows:
        other = related(Side(*r[1:6]), Side(*r[8:13]), r[6])
        if other:
            out.setdefault(r[0], []).append((other, r[7]))
    return out


def two_households(db, marks: str, case_ids: list[str]) -> dict[str, list[tuple]]:
    """(name, Other) for each person of the case who is listed in the household of a
    different applicant (as its applicant or as a member) current with this case.

    Two lookups by index (the page's people, then every household listing those ID
    numbers) rather than one self-join of everybody: 0.5 s → a few ms per page on
    100,000 cases."""
    household = ("SELECT {case}, {pid}, {name}, a.applicant_id_number, "
                 + _SIDE.format(a="a", d="d") + " FROM {source}"
                 + _HOUSEHOLD.format(a="a", d="d") + " WHERE {key} IN ({marks})")
    applicants = dict(case="a.id", pid="a.applicant_id_number", name="a.applicant_name",
                      source="applications a")
    members = dict(case="m.application_id", pid="m.id_number", name="m.name",
                   source="members m JOIN applications a ON a.id = m.application_id")
    people = db.execute(
        household.format(**applicants, key="a.id", marks=marks) + " UNION ALL "
        + household.format(**members, key="m.application_id", marks=marks),
        case_ids * 2).fetchall()
    pids = sorted({p[1] for p in people if p[1]})
    if not pids:
        return {}
    pid_marks = ",".join("?" * len(pids))
    listed: dict[str, list[tuple]] = {}
    for row in db.execute(
            household.format(**applicants, key="a.applicant_id_number", marks=pid_marks)
            + " UNION ALL "
            + household.format(**members, key="m.id_number", marks=pid_marks), pids * 2):
        listed.setdefault(row[1], []).append(row)
    found: dict[tuple, Other] = {}
    for case, pid, name, head, *mine in people:
        for other, _, _, other_head, *theirs in listed.get(pid, ()):
            if other != case and other_head != head:
                seen = related(Side(*mine), Side(*theirs), other)
                if seen:
                    found[(case, other, name)] = seen
    out: dict[str, list[tuple]] = {}
    for (case, _, name), other in sorted(found.items()):
        out.setdefault(case, []).append((name, other))
    return out


def other_names(db, marks: str, case_ids: list[str]) -> dict[str, list[tuple]]:
    """(ID number, name here, name there, other case) for each person of the case whose
    ID number is on file (as applicant or member, any year) under a different name.
    Two lookups by index, as `two_households`."""
    people = db.execute(
        f"SELECT id, applicant_id_number, applicant_name FROM applications WHERE id IN ({marks})"
        f" UNION ALL SELECT application_id, id_number, name FROM members"
        f" WHERE application_id IN ({marks})", case_ids * 2).fetchall()
    pids = sorted({p[1] for p in people if p[1]})
    if not pids:
        return {}
    pid_marks = ",".join("?" * len(pids))
    on_file: dict[str, list[tuple]] = {}
    for pid, name, other in db.execute(
            f"SELECT applicant_id_number, applicant_name, id FROM applications"
            f" WHERE applicant_id_number IN ({pid_marks}) UNION ALL"
            f" SELECT id_number, name, application_id FROM members"
            f" WHERE id_number IN ({pid_marks}) ORDER BY 3", pids * 2):
        on_file.setdefault(pid, []).append((name, other))
    out: dict[str, list[tuple]] = {}
    for case_id, pid, mine in people:
        seen = out.setdefault(case_id, [])
        for theirs, other in on_file.get(pid, ()):
            if theirs != mine and all((s[0], s[2]) != (pid, theirs) for s in seen):
                seen.append((pid, mine, theirs, other))
    return out
