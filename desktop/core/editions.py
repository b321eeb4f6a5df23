"""Policy issued from above (issue 13 item 3, issue 14 item 4): a versioned edition of
policy settings with an effective date, recorded in the issuer's event log and carried
down to the workstations below it in their next bundles.

An edition is one event (`PolicyIssued`, a rule-book entry that is no case step) whose
record id is `<issuer's region code>-POLICY-<version>`, so the scope check places it in
the issuer's region. Versions are consecutive per issuer. An edition states every
setting its issuer sets: a key it leaves out falls back to the local setting.

Who may set what is data (`ISSUERS`): the township sets its office phone and its
holiday and 调休 calendar; the county sets caps, standards, deadlines, notice lengths and
the county's holiday and 调休 calendar — and delegates a key to the townships by listing
it in theirs instead. The calendar is the one thing both levels set: the days of both
count (`effective_settings`), the township's word deciding a day both name. No SQL here:
the storage side is `storage/edition_projections.py`."""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from datetime import date, timedelta

from desktop.core import fields as f
from desktop.core.errors import FieldError, Refusal
from desktop.core.policy import Policy, policy_from_settings
from desktop.core.regions import LEVELS, Region, code_problem
from desktop.core.setting_labels import setting_label
from desktop.core.ways import way


@dataclass(frozen=True)
class Issuer:
    role: str  # the role that issues (its region level is the role's level)
    label: str
    office: str  # the issuing body after the place's name: 陈家坊镇民政办, 新邵县民政局
    keys: frozenset  # the Policy settings its editions may set

    def name(self, ws: dict) -> str:
        return f"{ws[self.role]}{self.office}"


CALENDAR = frozenset({"holidays", "extra_workdays"})
# Never set from above: how this workstation keeps its backups, whom villagers call at
# the village, what its own screens mark as soon due or silent.
LOCAL_ONLY = frozenset({"backups_kept", "village_committee_phone", "soon_due_days",
                        "village_silent_days"})
_TOWNSHIP_KEYS = CALENDAR | {"township_office_phone"}

ISSUERS: dict[str, Issuer] = {i.role: i for i in [
    Issuer("township", "乡镇民政办", "民政办", _TOWNSHIP_KEYS),
    # The county's editions reach townships (and through them villages); moving a key to
    # the township's row delegates it. The calendar is in both rows: the county's days
    # for the whole county, a township's own beside them (DOMAIN.md: the county issues
    # the holiday calendar; a township without a county workstation issues its own).
    Issuer("county", "县民政局", "民政局",
           frozenset(x.name for x in fields(Policy)) - LOCAL_ONLY
           - (_TOWNSHIP_KEYS - CALENDAR)),
]}
# Later levels are laid over earlier ones (only the calendar is set by both).
ORDER = ("county", "township")

EVENT = "PolicyIssued"
KEYS = ("version", "date", "effective", "level", "region_code", "issuer", "settings", "note")
_RECORD = re.compile(r"(\d{6}|\d{9})-POLICY-([1-9]\d{0,5})")
MAX_AHEAD_DAYS = 800  # an effective date beyond this is taken for a typing error


def record_id(region_code: str, version: int) -> str:
    return f"{region_code}-POLICY-{version}"


def record_place(record_id_: str) -> Region | None:
    """The region of an edition's record id (the issuer's), None if it is not one."""
    m = _RECORD.fullmatch(record_id_ or "")
    if not m:
        return None
    code = m.group(1)
    return Region("county" if len(code) == LEVELS["county"] else "township", code)


def is_record(record_id_: str) -> bool:
    return record_place(record_id_) is not None


def check_edition(errors, fi, last_version, today, policy) -> dict:
    """The rule book's checker: `last_version` (in place of a case's facts) is the
    issuer's latest version held here (0: none)."""
    level = f.choice(errors, "level", fi.get("level"), tuple(ISSUERS), label="发布级别")
    code = f.text(errors, "region_code", fi.get("region_code"), required=True, max_len=9,
                  label="发布机关代码")
    if level and code and code_problem(code, level):
        errors.append(FieldError("region_code", code_problem(code, level) + "。"))
    version = f.count(errors, "version", fi.get("version"), minimum=1, maximum=999_999,
                      label="政策版本号")
    if version and version != (last_version or 0) + 1:
        errors.append(FieldError("version", f"政策版本号应为 {(last_version or 0) + 1}"
                                            f"(上一版是第 {last_version or 0} 版),现在是 {version}。"))
    issued = f.day(errors, "date", fi.get("date"), today=today, label="发布日期")
    effective = f.day(errors, "effective", fi.get("effective"), label="施行日期",
                      today=(issued or today) + timedelta(days=MAX_AHEAD_DAYS),
                      not_before=issued)
    return {"version": version, "date": issued.isoformat() if issued else "",
            "effective": effective.isoformat() if effective else "", "level": level,
            "region_code": code,
            "issuer": f.text(errors, "issuer", fi.get("issuer"), required=True, max_len=60,
                             label="发布机关"),
            "settings": settings_of(errors, fi.get("settings"), level),
            "note": f.text(errors, "note", fi.get("note"), max_len=2000, label="说明")}


# A county's edition passed on by a township to its villages: a village does not know the
# county's key, so its township — whose signed bundle carries it — vouches for it, naming
# the county's event it came from. Its record id is the county's own.
FORWARDED = "PolicyForwarded"
FORWARD_KEYS = ("edition", "from_workstation", "from_seq", "from_hash")
_HEX = {32: re.compile(r"[0-9a-f]{32}"), 64: re.compile(r"[0-9a-f]{64}")}


def check_forwarded(errors, fi, last_version, today, policy) -> dict:
    edition = fi.get("edition")
    if not isinstance(edition, dict):
        errors.append(FieldError("edition", "转发的政策应为一个对象({...})。"))
        edition = {}
    inner: list = []
    f.unknown_keys(inner, "", edition, KEYS)
    clean = check_edition(inner, edition, last_version, today, policy)
    errors.extend(FieldError(f"edition.{e.path}", e.message) for e in inner)
    if clean["level"] and clean["level"] != "county":
        errors.append(FieldError("edition.level", "乡镇只转发县民政局发布的政策。"))
    return {"edition": clean, **came_from(errors, fi)}


def came_from(errors, fi) -> dict:
    """The event a forwarded record passes on (its writer, number and hash): a county's
    edition here, its 抽查 result or 讲评 note in core/county_steps.py."""
    out = {"from_seq": f.count(errors, "from_seq", fi.get("from_seq"), minimum=1,
                               maximum=10 ** 12, label="原事件序号")}
    for key, size in (("from_workstation", 32), ("from_hash", 64)):
        value = f.text(errors, key, fi.get(key), required=True, max_len=size, label="原事件")
        if value and not _HEX[size].fullmatch(value):
            errors.append(FieldError(key, f"原事件的标识应为 {size} 位十六进制数字。"))
        out[key] = value
    return out


def settings_of(errors, value, level: str) -> dict:
    """The settings an edition sets, each checked exactly as a local setting is, in the
    form the local settings store them (sorted dates, trimmed text)."""
    if not isinstance(value, dict) or not value:
        errors.append(FieldError("settings", "政策内容应为一个不空的设置项对象({\"holidays\": […]})。"))
        return {}
    known = {x.name for x in fields(Policy)}
    unknown = sorted(k for k in value if k not in known)
    if unknown:
        errors.append(FieldError("settings", f"未知的设置项“{'、'.join(map(str, unknown[:5]))}”。"))
        return {}
    issuer = ISSUERS.get(level)
    barred = sorted(k for k in value if issuer and k not in issuer.keys)
    if barred:
        may = (f"(可设定:{'、'.join(sorted(map(setting_label, issuer.keys)))})"
               if len(issuer.keys) <= 6 else "")
        errors.append(FieldError("settings", f"{issuer.label}不能设定"
                                             f"“{'、'.join(map(setting_label, barred))}”{may}。"))
        return {}
    try:
        clean = policy_from_settings(dict(value)).to_settings()
    except Refusal as exc:
        errors.append(FieldError("settings", exc.message))
        return {}
    for key in sorted(k for k in value if k.endswith("_phone")):
        _phone(errors, key, clean[key])
    both = sorted(set(clean["holidays"]) & set(clean["extra_workdays"]))
    if both and CALENDAR <= set(value):
        errors.append(FieldError("settings", f"日期 {'、'.join(both)} 同时列为法定节假日和调休"
                                             f"上班日,只能是其中一种。"))
    return {k: clean[k] for k in sorted(value)}


# As `notice phones` checks a phone typed here: it is printed on every notice.
_PHONE = re.compile(r"[0-9()()\- ]{5,20}")


def _phone(errors, key: str, value: str) -> None:
    if value and not _PHONE.fullmatch(value):
        errors.append(FieldError("settings", f"“{setting_label(key)}”无效:只能由数字、括号、"
                                             f"连字符和空格组成(5 到 20 个),如 0739-3612345。"))


def check_issuer(role: str, clean: dict, record_id_: str) -> None:
    """The edition is the sender's own: its level is the sender's role and its record id
    names its region and version (a township cannot issue as the county)."""
    if clean["level"] != role:
        raise Refusal(f"政策文件写明由{ISSUERS[clean['level']].label}发布,"
                      f"但发送方不是{ISSUERS[clean['level']].label}")
    if record_id(clean["region_code"], clean["version"]) != record_id_:
        raise Refusal(f"记录 {record_id_} 与其内容所写的发布机关代码({clean['region_code']})"
                      f"或版本号({clean['version']})不符")


@dataclass(frozen=True)
class Edition:
    """An edition as held (issued here or received)."""
    record_id: str
    level: str
    version: int
    issued_on: date
    effective_on: date
    issuer: str
    settings: dict

    @property
    def title(self) -> str:
        return f"{self.issuer}第 {self.version} 版政策({self.effective_on.isoformat()} 起施行)"


def in_force(editions: list[Edition], today: date) -> list[Edition]:
    """Per issuing level, the highest version whose effective date has come (a later
    version supersedes an earlier one even if it takes effect sooner)."""
    out = []
    for level in ORDER:
        due = [e for e in editions if e.level == level and e.effective_on <= today]
        if due:
            out.append(max(due, key=lambda e: e.version))
    return out


def effective_settings(local: dict, editions: list[Edition]) -> dict:
    """The local settings, each key an edition in force sets replaced by its value. The
    calendar, which the county and a township both set, is the days of every edition
    that sets it (the local days then no longer count); a day that one level lists as a
    holiday and the next as a 调休 working day is the nearer level's (`ORDER`)."""
    out = dict(local)
    days: dict[str, str] = {}  # day → "holidays" or "extra_workdays", the nearer's word
    for e in editions:  # an edition states all its issuer sets: a key it omits is local
        out.update({k: v for k, v in e.settings.items() if k not in CALENDAR})
        for key in sorted(CALENDAR & set(e.settings)):
            days.update(dict.fromkeys(e.settings[key], key))
    for key in CALENDAR:
        if any(key in e.settings for e in editions):  # the local days no longer count
            out[key] = sorted(d for d, k in days.items() if k == key)
        elif days and key in out:  # a local day the editions name otherwise gives way
            out[key] = [d for d in out.get(key) or () if d not in days]
    return out


def upcoming(editions: list[Edition], today: date) -> list[Edition]:
    """Editions not yet in force that will supersede the one in force of their level."""
    now = {e.level: e.version for e in in_force(editions, today)}
    return [e for e in editions if e.effective_on > today and e.version > now.get(e.level, 0)]


def local_edit_problem(changes: dict, editions: list[Edition], own_role: str) -> str:
    """Why a local edit of `changes` is refused ("" when it is not): a key an edition in
    force (or coming) sets is changed by a new edition of its issuer, not here."""
    for key in sorted(changes):
        for e in editions:
            if key in e.settings:
                how = (f"请{way('policy_issue')}" if e.level == own_role
                       else f"如需改动,请与{e.issuer}联系")
                return f"设置“{setting_label(key)}”由{e.title}设定,本机不能修改;{how}。"
    return ""


# -- a decision keeps the editions it was decided under --------------------------------
DECIDED_UNDER = "policy_editions"


def stamp_editions(keys: tuple, fields, editions: list[Edition]):
    """The fields of a step (of these `keys`), with the editions in force named where
    the step records them (the township's decisions); the workstation names them, never
    the user."""
    if not isinstance(fields, dict) or DECIDED_UNDER not in keys:
        return fields
    out = {k: v for k, v in fields.items() if k != DECIDED_UNDER}
    if editions:
        out[DECIDED_UNDER] = [e.record_id for e in editions]
    return out


def decided_under(errors, fi, out: dict) -> None:
    """Checks the editions a decision names (none before the first edition: the key is
    then absent, so decisions recorded before editions existed keep their normal form)."""
    if DECIDED_UNDER not in fi:
        return
    value = fi[DECIDED_UNDER]
    if (not isinstance(value, list) or not 1 <= len(value) <= len(ORDER)
            or not all(isinstance(v, str) and is_record(v) for v in value)
            or len({record_place(v).level for v in value}) != len(value)):
        errors.append(FieldError(DECIDED_UNDER, "决定所依据的政策版本应为政策记录编号的列表"
                                                "(如 430522101-POLICY-2),每级一个。"))
        return
    out[DECIDED_UNDER] = list(value)
