"""Policy editions without a workstation (core/editions.py): the issuer is data, so a
county edition to a township passes the same checks as the township's to a village; the
policy in force overlays the editions of each level that have taken effect."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.core.editions import Edition, effective_settings, in_force, upcoming
from desktop.core.errors import Refusal
from desktop.core.policy import Policy
from desktop.core.regions import Region
from desktop.core.roles import case_in_scope
from desktop.core.rulebook import check_recorded

TODAY = date(2026, 12, 31)
COUNTY, TOWNSHIP, VILLAGE = (Region("county", "430522"), Region("township", "430522101"),
                             Region("village", "430522101201"))


def county_edition(**changes) -> dict:
    return {"version": 1, "date": "2026-12-20", "effective": "2027-01-01", "level": "county",
            "region_code": "430522", "issuer": "新邵县民政局",
            "settings": {"case_total_days": 20, "dibao_monthly_standard_fen": 45000},
            "note": "", **changes}


def test_a_county_edition_passes_the_checks_a_township_edition_passes():
    check_recorded("PolicyIssued", "430522-POLICY-1", county_edition(), 0, role="county",
                   today=TODAY, policy=Policy())
    assert case_in_scope("430522-POLICY-1", COUNTY, TOWNSHIP)  # sent down to a township
    assert case_in_scope("430522101-POLICY-1", TOWNSHIP, VILLAGE)
    assert not case_in_scope("430522102-POLICY-1", Region("township", "430522102"), VILLAGE)


@pytest.mark.parametrize("role, payload, says", [
    ("township", county_edition(), "发送方不是县民政局"),
    ("county", county_edition(settings={"township_office_phone": "0739-1"}),
     "县民政局不能设定“乡镇民政办电话”"),
    ("county", county_edition(settings={"backups_kept": 3}), "不能设定“保留备份份数”"),
    ("county", county_edition(settings={"holidays": ["2027-02-30"]}),
     "法定节假日中的“2027-02-30”不是有效的日期"),
    ("county", county_edition(settings={"holidays": ["2027-02-07"],
                                        "extra_workdays": ["2027-02-07"]}),
     "2027-02-07 同时列为法定节假日和调休上班日"),
    ("village", county_edition(), "不能由发送方这一级办理"),
    ("county", county_edition(effective="2026-12-19"), "施行日期不能早于2026-12-20"),
])
def test_an_edition_out_of_its_issuers_powers_is_refused(role, payload, says):
    with pytest.raises(Refusal, match=says):
        check_recorded("PolicyIssued", "430522-POLICY-1", payload, 0, role=role,
                       today=TODAY, policy=Policy())


def edition(level, version, effective, **settings) -> Edition:
    code = "430522" if level == "county" else "430522101"
    return Edition(f"{code}-POLICY-{version}", level, version, date(2026, 12, 1),
                   date.fromisoformat(effective), "x", settings)


def test_the_latest_edition_in_force_of_each_level_overlays_the_local_settings():
    held = [edition("township", 1, "2026-12-01", holidays=["2027-01-01"],
                    township_office_phone="0739-1"),
            edition("township", 2, "2027-02-01", holidays=["2027-02-16"]),
            edition("county", 1, "2026-12-15", case_total_days=20)]
    force = in_force(held, TODAY)
    assert [e.record_id for e in force] == ["430522-POLICY-1", "430522101-POLICY-1"]
    assert [e.record_id for e in upcoming(held, TODAY)] == ["430522101-POLICY-2"]
    local = {"holidays": ["2026-10-01"], "case_total_days": 30, "township_office_phone": "9"}
    assert effective_settings(local, force) == {
        "holidays": ["2027-01-01"], "case_total_days": 20, "township_office_phone": "0739-1"}
    # version 2 takes effect: it states the township's whole part, so its phone is local again
    later = effective_settings(local, in_force(held, date(2027, 2, 1)))
    assert later == {"holidays": ["2027-02-16"], "case_total_days": 20,
                     "township_office_phone": "9"}


def test_the_county_issues_a_calendar_and_a_townships_own_days_count_beside_it():
    """DOMAIN.md: the county issues the holiday calendar; a township's edition keeps its
    own days (and its word decides a day both name)."""
    check_recorded("PolicyIssued", "430522-POLICY-1", county_edition(settings={
        "holidays": ["2027-01-01", "2027-02-16"], "extra_workdays": ["2027-02-07"]}), 0,
        role="county", today=TODAY, policy=Policy())
    held = [edition("county", 1, "2026-12-15", holidays=["2027-01-01", "2027-02-16"],
                    extra_workdays=["2027-02-07"]),
            edition("township", 1, "2026-12-01", holidays=["2027-02-07"], extra_workdays=[])]
    local = {"holidays": ["2026-10-01"], "extra_workdays": ["2027-01-01"]}
    assert effective_settings(local, in_force(held, TODAY)) == {
        "holidays": ["2027-01-01", "2027-02-07", "2027-02-16"], "extra_workdays": []}
    county_only = effective_settings(local, in_force(held[:1], TODAY))
    assert county_only == {"holidays": ["2027-01-01", "2027-02-16"],
                           "extra_workdays": ["2027-02-07"]}
