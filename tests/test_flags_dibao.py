"""Red flags of a 低保 household in payment: it stays under protection for years, so a
person enrolled in 2026 and still paid in 2027 who turns up in another household's 2027
application is one person in two households (一人多户) — at the township, across its
villages, and at the county, across townships. A stopped household is no longer one."""

from __future__ import annotations

from datetime import date, timedelta

from desktop.dibao.reviews import Reviews
from desktop.operations.casework import Casework
from desktop.township.decisions import Decisions
from desktop.township.flags import red_flags
from desktop.township.queue import QueueFilter, queue_page
from tests import county_world
from tests.helpers import ORDINARY_PATH, make_application, make_store
from tests.sync_world import introduce
from tests.test_county_dibao import _to_county
from tests.test_dibao_review import enrolled, send
from tests.township_world import applicant

world = county_world.world
WEEKS = 17  # the ordinary path moved on by whole weeks: received Monday 2027-03-01
RECEIVED = date(2026, 11, 2) + timedelta(weeks=WEEKS)


def _moved(fields: dict, meeting: str) -> dict:
    out = dict(fields)
    for key in ("date", "start"):
        if key in out:
            out[key] = (date.fromisoformat(out[key]) + timedelta(weeks=WEEKS)).isoformat()
    if "meeting_id" in out:
        out["meeting_id"] = meeting
    return out


def case_of_2027(store, until: str = "submit", income_fen: int = 0, **doc) -> str:
    """A case received on 2027-03-01 at a village and walked, 17 weeks later than the
    ordinary path, up to and including the step `until` (`income_fen`: the household's
    annual income as investigated)."""
    work = Casework(store, RECEIVED + timedelta(days=30))
    (case_id,) = work.receive_many([make_application(received_on=RECEIVED.isoformat(),
                                                     **doc)])
    for code, fields in ORDINARY_PATH:
        fields = _moved(fields, f"PY-2027-{case_id[-4:]}")
        if code == "investigate" and income_fen:
            fields["household_income_fen"] = income_fen
        if code == "post_notice":
            fields["notice_id"] = f"GS-2027-{case_id[-4:]}"
        work.step(case_id, code, fields)
        if code == until:
            return case_id
    raise AssertionError(until)


def _household(store, case_id: str) -> tuple[dict, dict]:
    """The household's applicant and first member, as the application listed them."""
    from desktop.storage.queries import application_documents

    doc = application_documents(store.db, [case_id])[case_id]
    return doc["applicant"], doc["members"][0]


def _flags(store, case_id: str) -> dict[str, str]:
    return {f.code: f.text for f in red_flags(store.db, [case_id], store.policy)[case_id]}


def test_a_person_of_a_dibao_household_still_paid_is_flagged_in_the_next_year(world):
    household = enrolled(world)  # 石门村, enrolled from 2026-12, received in 2026
    head, member = _household(world.township, household)
    later = RECEIVED + timedelta(days=30)
    # 2027: the household's head applies in 白水村; a member of it is listed in another
    again = case_of_2027(world.b, applicant=applicant(head["id_number"], name=head["name"]))
    listed = case_of_2027(world.b, members=[{"name": member["name"],
                                             "id_number": member["id_number"],
                                             "relation": "子女"}])
    send(world, world.b, world.township, later)
    t = world.township
    flags = _flags(t, again)
    assert "same_id" in flags and "repeat_reason" not in flags  # 一事一次 is of one year
    assert household in flags["same_id"] and "石门村" in flags["same_id"]
    assert "低保在保期间另有案件" in flags["same_id"]
    assert "在保低保户,2026-12 起享受低保,本案受理时未停保" in flags["same_id"]
    said = _flags(t, listed)["two_households"]
    assert said.startswith(f"{member['name']}也在石门村 {household}的家庭中")
    assert "2026-12 起享受低保" in said
    # the queue shows them without being asked, and the household's own case names both
    rows = {r["id"]: {f.code for f in r["flags"]}
            for r in queue_page(t.db, QueueFilter(), later, t.policy, 0, 50)}
    assert "same_id" in rows[again] and "two_households" in rows[listed]
    own = _flags(t, household)
    assert again in own["same_id"] and listed in own["two_households"]
    assert "该案 2027-03-01 受理,本户 2026-12 起享受低保,其时未停保" in own["two_households"]


def test_a_household_stopped_before_the_new_case_is_not_flagged(world):
    household = enrolled(world)
    head, _ = _household(world.township, household)
    Reviews(world.township, date(2027, 2, 1)).stop(household, "迁往外省居住", "moved")
    assert world.township.db.execute("SELECT stopped_month FROM dibao_households"
                                     ).fetchone()[0] <= "2027-03"
    again = case_of_2027(world.b, applicant=applicant(head["id_number"], name=head["name"]))
    send(world, world.b, world.township, RECEIVED + timedelta(days=30))
    assert "same_id" not in _flags(world.township, again)
    assert "same_id" not in _flags(world.township, household)


def test_the_county_flags_a_2027_household_of_another_township_listing_a_person_paid_since_2026(
        world, tmp_path):
    household = enrolled(world)  # 陈家坊镇 石门村, from 2026-12
    _to_county(world)
    head, _ = _household(world.county, household)
    east = make_store(tmp_path, "village", township="酿溪镇", township_code="430522102",
                      village="东山村", village_code="430522102201", officer="李东山")
    introduce(east, world.other)
    # 酿溪镇 东山村, 2027: a 低保 household listing the head of 石门村's as its member
    there = case_of_2027(east, program="dibao", category="dibao", reason="dibao_illness",
                         requested_fen=100_000, income_fen=600_000,
                         members=[{"name": head["name"], "id_number": head["id_number"],
                                   "relation": "配偶"},
                                  make_application()["members"][1]])
    day = RECEIVED + timedelta(days=40)
    send(world, east, world.other, day)  # acknowledged on import
    Decisions(world.other, day).approve(there, 79_000, dibao_class="A")
    send(world, world.other, world.county, day)
    flags = _flags(world.county, there)
    assert household in flags["two_households"]
    assert "2026-12 起享受低保,本案受理时未停保" in flags["two_households"]
    assert there in _flags(world.county, household)["two_households"]
    # neither township alone sees it
    assert "two_households" not in _flags(world.other, there)
    east.close()


def test_the_village_review_of_a_dibao_case_proposes_a_months_amount(qtbot, world):
    """What the 初审 posts is compared with what the township approves (超公示金额): for
    低保 both are a month's amount, the form says so and fills in the county's 差额."""
    from desktop.core import dibao
    from desktop.ui.main_window import MainWindow
    from tests.test_ui_flow import row_of

    case_id = case_of_2027(world.b, "deliberate", program="dibao", category="dibao",
                           reason="dibao_illness", requested_fen=1_200_000,
                           income_fen=600_000)
    win = MainWindow(world.b, RECEIVED + timedelta(days=10))
    qtbot.addWidget(win)
    review = win.open_case(row_of(win, case_id)).start("review")
    persons = world.b.db.execute("SELECT household_size FROM applications WHERE id = ?",
                                 [case_id]).fetchone()[0]
    month, _ = dibao.monthly_amount(world.b.policy, "A", persons, 600_000)
    assert 0 < month < 1_200_000
    assert review.inputs["proposed_fen"].text().replace(",", "") == f"{month / 100:.2f}"
    from PySide6.QtWidgets import QLabel

    labels = [label.text() for label in review.findChildren(QLabel)]
    assert "拟月保障金(元)" in labels and "拟救助金额(元)" not in labels
