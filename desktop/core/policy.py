"""Policy settings: every deadline, length, cap and threshold of DOMAIN.md is a setting
(counties differ), with the DOMAIN.md default. Stored by the store as key → JSON value."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields, replace
from datetime import date

from desktop.core.errors import Refusal
from desktop.core.fields import DAY_FORM
from desktop.core.setting_labels import setting_label


@dataclass(frozen=True)
class Policy:
    # Deadlines in working days unless said otherwise.
    investigation_start_days: int = 3
    notice_days_temporary: int = 7  # calendar days
    notice_days_dibao: int = 7  # calendar days
    township_decision_days: int = 10
    rejection_notice_days: int = 3
    case_total_days: int = 30
    case_extended_days: int = 45
    paperwork_after_pay_first_days: int = 5
    result_notice_days: int = 10
    soon_due_days: int = 2  # a case this close to its deadline is marked
    village_silent_days: int = 30  # calendar days: a village sending nothing this long is shown
    # Money, in fen.
    dibao_monthly_standard_fen: int = 43000  # 430 元/月, a 新邵县-like rural standard
    township_cap_multiple: int = 3
    county_cap_multiple: int = 6
    max_request_fen: int = 10_000_000  # 100,000 元: beyond is taken for a typing error
    paid_first_cap_fen: int = 0  # 先行救助's own cap; 0: the township cap
    # An approval above the amount posted on the notice is flagged; this many percent
    # above it, the case must be posted again (重新公示).
    renotice_above_percent: int = 10
    # 低保 (动态管理, DOMAIN.md): how the monthly amount is set — "difference" (差额:
    # standard − per-capita monthly income, × persons, at least the minimum per person) or
    # "levels" (分档: the level of the household's class, × persons) — and each class's
    # level and review interval (A 特困-like, B little change, C irregular income).
    dibao_method: str = "difference"
    dibao_minimum_per_person_fen: int = 0  # 差额 below this per person is raised to it
    dibao_level_a_fen: int = 43000  # 分档: per person per month
    dibao_level_b_fen: int = 30000
    dibao_level_c_fen: int = 20000
    dibao_review_months_a: int = 12
    dibao_review_months_b: int = 6
    dibao_review_months_c: int = 3
    dibao_review_soon_months: int = 1  # a review due within this many months is shown
    dibao_exit_months: int = 6  # 渐退: months still paid after a stop for income (0: none)
    dibao_exit_share_percent: int = 100  # the share of the monthly amount paid in them
    # People.
    applicant_min_age: int = 16  # a younger person is listed as a member under a guardian
    # Deliberation.
    deliberation_skippable: bool = False
    representatives_share_num: int = 2  # 村民代表 at least 2/3 of those present
    representatives_share_den: int = 3
    # 同意 when votes for are more than half of: "voting" (for + against + abstain),
    # "present" (everyone at the meeting) or "for_against" (more for than against).
    deliberation_majority_base: str = "voting"
    # Working-day calendar: public holidays and 调休 working weekend days.
    holidays: tuple[date, ...] = field(default_factory=tuple)
    extra_workdays: tuple[date, ...] = field(default_factory=tuple)
    # The objection channel printed on every notice (公示): whom villagers may call.
    # The county's 抽查: filed cases drawn from each township each month.
    spot_check_cases: int = 3
    # Automatic backups (desktop/safety/backup.py): how many are kept in backups/.
    backups_kept: int = 10
    village_committee_phone: str = ""
    township_office_phone: str = ""
    # 目标管理考核 (desktop/core/assessment_items.py): each item's points (a line scores
    # its points out of the sum of its items', scaled to 100), the points one event costs
    # on the items that deduct, and the deadlines assessed that have no case deadline.
    assessment_investigation: int = 15  # 民生员: investigation begun in time
    assessment_notice: int = 15  # notices posted for their full period, with a photo
    assessment_submission: int = 10  # cases reported within the days below after notice
    assessment_bundles: int = 15  # no silence longer than village_silent_days
    assessment_objections: int = 10  # objections upheld (deducted)
    assessment_returned: int = 10  # cases returned by the township (deducted)
    assessment_flags: int = 10  # cases with red flags (deducted)
    assessment_completeness: int = 15  # records complete (no missing document, photo)
    assessment_decision: int = 25  # 乡镇民政办: decided within township_decision_days
    assessment_payment: int = 20  # paid within the days below after the result notice
    assessment_filing: int = 15  # filed within the days below after payment
    assessment_referrals: int = 10  # referrals decided (the county's answer recorded)
    assessment_villages: int = 30  # its villages' average score
    assessment_spot_checks: int = 10  # at the county: spot-checks without a problem
    assessment_per_upheld: int = 5
    assessment_per_return: int = 5
    assessment_per_flagged: int = 2
    assessment_submit_days: int = 3  # working days from the notice's end to 上报
    assessment_pay_days: int = 10  # working days from the result notice to 发放
    assessment_file_days: int = 20  # working days from 发放 to 备案

    @property
    def township_cap_fen(self) -> int:
        return self.township_cap_multiple * self.dibao_monthly_standard_fen

    @property
    def county_cap_fen(self) -> int:
        return self.county_cap_multiple * self.dibao_monthly_standard_fen

    @property
    def paid_first_limit_fen(self) -> int:
        return self.paid_first_cap_fen or self.township_cap_fen

    def notice_days(self, program: str) -> int:
        return self.notice_days_dibao if program == "dibao" else self.notice_days_temporary

    def to_settings(self) -> dict:
        out = asdict(self)
        out["holidays"] = [d.isoformat() for d in self.holidays]
        out["extra_workdays"] = [d.isoformat() for d in self.extra_workdays]
        return out


MAJORITY_BASES = {"voting": "参加表决人数", "present": "到会人数", "for_against": "反对票"}
DIBAO_METHODS = {"difference": "差额", "levels": "分档"}
# The settings with a fixed set of choices: each stored as its code, said in its words.
CHOICE_WORDS = {"deliberation_majority_base": MAJORITY_BASES, "dibao_method": DIBAO_METHODS}
CHOICES = {key: tuple(words) for key, words in CHOICE_WORDS.items()}


def choice_refusal(name: str, key: str, value) -> str:
    """A wrong choice, told with the choices in the words the officer knows and types (a
    policy file may name them so too: operations/editions.edition_fields), never codes."""
    words = [f"“{w}”" for w in CHOICE_WORDS[key].values()]
    said = "、".join(words[:-1]) + "或" + words[-1]
    return f"设置“{name}”应写作{said},现在是“{str(value).strip()[:20]}”。"


def policy_from_settings(settings: dict) -> Policy:
    """Build a Policy from stored settings; unknown keys or wrong types are refused."""
    known = {f.name: f for f in fields(Policy)}
    changes = {}
    for key, value in settings.items():
        if key not in known:
            raise Refusal(f"未知的设置项“{key}”。")
        changes[key] = _coerce(key, value, Policy.__dataclass_fields__[key].default)
    return replace(Policy(), **changes)


def _coerce(key: str, value, default):
    name = setting_label(key)  # a refusal names the setting in words, never its key
    if key in ("holidays", "extra_workdays"):
        if not isinstance(value, (list, tuple)):
            raise Refusal(f"设置“{name}”应为日期的列表,每个写作{DAY_FORM}。")
        return tuple(sorted(_day(name, v) for v in value))
    if isinstance(default, str):
        if not isinstance(value, str):
            raise Refusal(f"设置“{name}”应为文字。")
        if key in CHOICES and value.strip() not in CHOICES[key]:
            raise Refusal(choice_refusal(name, key, value))
        return value.strip()
    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise Refusal(f"设置“{name}”应为 true 或 false。")
        return value
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise Refusal(f"设置“{name}”应为不小于 0 的整数。")
    return value


def _day(name: str, value) -> date:
    """One day of a calendar list, the bad one named (2027-02-30 is no day)."""
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        raise Refusal(f"{name}中的“{str(value)[:20]}”不是有效的日期,应为{DAY_FORM}。") from None
