"""The application document of a synthetic household: applicant, members, household
figures, documents and the story behind the request (who is ill, with what), written so
that a later application of the same household continues the same story.

People themselves (names, ID numbers, families) come from demo_names."""

from __future__ import annotations

from datetime import date, timedelta

from desktop.demo.names import (
    AILMENTS,
    DETAILS,
    DISABILITIES,
    ILLNESSES,
    KIN,
    REASON_DOCS,
    TOWNSHIPS,
    VILLAGES,
    Family,
    Person,
    health_of,
    phone,
    weighted,
)

# The officers' and villagers' wording of refusals, returns and objections.
REFUSALS = ("申请人户籍不在本村,已告知向户籍所在地申请", "申请事由为偿还赌债,不属于救助范围",
            "家庭拥有商品房两套及营运车辆,明显不符合救助条件")
VILLAGE_FAILS = ("家庭人均收入高于当地低保标准,子女有稳定收入和赡养能力",
                 "医疗费用已由医保和大病保险报销大部分,自付部分在家庭承受范围内")
TOWNSHIP_REJECTS = ("经乡镇复核,申请人子女均有稳定收入,有赡养能力,不符合救助条件",
                    "经核查,申请人家庭有经营性收入未申报,家庭人均收入高于救助标准")
RETURNS = ("缺少医疗费用票据原件,请补充后重新调查",
           "家庭收入调查不完整,未核实子女务工收入,请补充调查")
OBJECTIONS = {
    "dismissed": (("反映申请人儿子在广东务工,收入较高,不应享受救助",
                   "民生员会同村治调主任再次入户,并电话联系其子务工单位,其子月收入约2800元,"
                   "需负担自身家庭开支,异议不成立"),
                  ("反映申请人家中新建了住房",
                   "经实地查看,新建住房为其弟所有,申请人仍住在原土木结构老屋,异议不成立")),
    "investigation": (("反映申请人有门面出租收入未申报",
                       "经再次入户并向租户核实,申请人每年门面租金收入约6000元未如实申报,异议成立,重新调查"),),
    "deliberation": (("反映评议会有村民代表未签字,评议程序不规范",
                      "经核查签到表和会议记录,有3名代表未签字,异议成立,重新组织民主评议"),),
}



def application(rng, family: Family, kind: tuple[str, str, str], received: date, *,
                today: date, place: str, cadres: list[str], requested_fen: int, draft: bool,
                relative: bool) -> tuple[dict, dict]:
    """The application document, and the story behind it (who is ill, with what) that a
    later application by the same household continues."""
    program, category, reason = kind
    story_ = story(rng, reason, family, received)
    group = rng.randint(1, 12)
    app = {
        "received_on": received.isoformat(), "draft": draft,
        "program": program, "category": category, "reason": reason,
        "reason_detail": rng.choice(DETAILS[reason]).format(**story_),
        "requested_fen": requested_fen,
        **documents(rng, program, reason),
        **relative_doc(rng, cadres, family.applicant, relative),
        "applicant": applicant_doc(rng, today, place, family, story_, group, program),
        "members": [member_doc(rng, m, today, story_) for m in family.members],
        "household": household_doc(rng, family, category, requested_fen),
    }
    return app, story_


def relative_doc(rng, cadres: list[str], applicant: Person, forced: bool) -> dict:
    """近亲属备案: about 3 in 100 applicants are close kin of a village cadre."""
    if not (forced or rng.random() < 0.03):
        return {"officer_relative": False, "relative_note": ""}
    kin = rng.choice("兄弟父子" if applicant.male else "姐妹母女")
    return {"officer_relative": True,
            "relative_note": f"申请人系村委会委员{rng.choice(cadres[1:])}之{kin}"}


def place_of(village_code: str) -> str:
    """A plausible 新邵县 township and village for the address, stable per village code."""
    digits = "".join(ch for ch in village_code if ch.isdigit()).ljust(12, "0")
    return (f"新邵县{TOWNSHIPS[int(digits[6:9]) % len(TOWNSHIPS)]}"
            f"{VILLAGES[int(digits[9:12]) % len(VILLAGES)]}")


def story(rng, reason: str, family: Family, received: date) -> dict:
    """Who the application is about (the injured, the ill, the student) and what befell
    them: the detail sentence, the health columns and a later application all agree."""
    sufferer = family.applicant
    adults = [m for m in family.members if m.age_on(received) >= 16 and m.relation != "孙子女"]
    if reason in ("medical", "sudden_illness", "traffic_accident", "accident") and adults \
            and rng.random() < 0.4:
        sufferer = rng.choice(adults)
    if reason == "education":
        pupils = [m for m in family.members if m.relation in ("子女", "孙子女")] or [sufferer]
        sufferer = min(pupils, key=lambda m: abs(m.age_on(received) - 18))
    month = received - timedelta(days=rng.randint(0, 25))
    return {"who": kin_word(sufferer, family.applicant), "person": sufferer,
            "ym": f"{month.year}年{month.month}月",
            "illness": rng.choice(AILMENTS.get(reason, ILLNESSES)),
            "disability": rng.choice(DISABILITIES), "reason": reason}


def kin_word(person: Person, applicant: Person) -> str:
    """How a sentence about the household names the person: 申请人, 其妻, 其兄 …"""
    if person.relation == "本人":
        return "申请人"
    relation = person.relation
    if relation == "兄弟姐妹":
        relation = "兄" if person.birth < applicant.birth else "弟"
    return KIN[relation][0 if person.male else 1]


def condition(rng, person: Person, today: date, story: dict) -> tuple[str, str, str, str]:
    """(health, illness, disability, work ability): the person the application is about is
    ill or disabled as the reason says; everyone else as their age makes likely."""
    reason = story["reason"]
    if person is story["person"] and reason in AILMENTS:
        return "患病", story["illness"], "", rng.choice(("部分丧失劳动能力", "无劳动能力"))
    if person is story["person"] and reason == "dibao_disability":
        return "残疾", "", story["disability"], "部分丧失劳动能力"
    health, work = health_of(rng, person.age_on(today))
    if reason == "dibao_labour" and person.relation == "本人":
        work = "无劳动能力"
    illness = rng.choice(ILLNESSES) if health == "患病" else ""
    return health, illness, (rng.choice(DISABILITIES) if health == "残疾" else ""), work


def applicant_doc(rng, today: date, place: str, family: Family, story: dict, group: int,
                  program: str) -> dict:
    a = family.applicant
    health, illness, disability, work = condition(rng, a, today, story)
    household_type = "一般" if program == "dibao" else weighted(
        rng, {"一般": 70, "低保户": 25, "特困": 5})
    return {"name": a.name, "id_number": a.id_number, "ethnicity": family.ethnicity,
            "phone": phone(rng), "group": f"第{group}村民小组",
            "address": f"{place}第{group}组", "marital_status": family.marital_status,
            "health": health, "illness": illness, "disability": disability,
            "work_ability": work, "household_type": household_type}


def member_doc(rng, m: Person, today: date, story: dict) -> dict:
    health, _, _, work = condition(rng, m, today, story)
    return {"name": m.name, "id_number": m.id_number, "relation": m.relation,
            "health": health, "work_ability": work}


def documents(rng, program: str, reason: str) -> dict:
    """Documents seen at receipt; what is missing is listed all at once (一次性告知)."""
    specific = list(REASON_DOCS.get(reason, ("收入证明",) if program == "dibao" else ()))
    missing = []
    if specific and rng.random() < 0.25:
        missing = rng.sample(specific, min(len(specific), rng.choice((1, 1, 2))))
    seen = ["身份证", "户口簿", "申请书"] + [d for d in specific if d not in missing]
    return {"documents_seen": seen, "documents_missing": missing}


def household_doc(rng, family: Family, category: str, requested_fen: int) -> dict:
    """Low incomes; spending grows by the cost that made an expenditure case."""
    size = 1 + len(family.members)
    income = rng.randint(15, 70) * size * 10000
    spending = income + rng.randint(10, 120) * 10000
    if category == "expenditure":
        spending += requested_fen
    relief_count = int(weighted(rng, {"0": 8, "1": 2, "2": 1}))
    account = "62" + "".join(rng.choice("0123456789") for _ in range(rng.randint(14, 17)))
    return {"annual_income_fen": income,
            "income_sources": rng.choice(("务工、种植", "种植、养殖", "零星务工", "种植", "务工")),
            "annual_expenditure_fen": spending,
            "expenditure_purposes": rng.choice(("医疗、生活", "子女教育、生活", "医疗、子女教育",
                                                "生活、农资")),
            "bank_name": rng.choice(("农商银行", "一卡通")), "bank_account": account,
            "previous_relief_count": relief_count,
            "previous_relief_fen": relief_count * rng.randint(5, 10) * 10000}
