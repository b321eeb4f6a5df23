"""Synthetic households for the demo data: people with names, ID numbers and ages that fit
together (the application documents built from them are in demo_documents).

Demo households must look like a Hunan village's, or an officer trying the app would
not recognise them, and they must exercise what breaks real software: rare characters
(生僻字), the middle dot of minority names, ID numbers whose birth date, sex and check
character all agree. Everything draws from the caller's `random.Random`, so a seed
always yields the same households."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from desktop.core.idnumber import check_character

# National frequency order, with the surnames common in 邵阳 weighted up (曾 彭 谭 …).
SURNAMES = {
    "王": 71, "李": 70, "张": 66, "刘": 54, "陈": 45, "杨": 31, "黄": 22, "赵": 20,
    "吴": 18, "周": 17, "徐": 15, "孙": 10, "马": 9, "朱": 12, "胡": 13, "郭": 9,
    "何": 12, "林": 8, "罗": 18, "高": 8, "曾": 22, "彭": 16, "谭": 15, "邓": 16,
    "廖": 12, "唐": 15, "肖": 13, "蒋": 12, "申": 8, "颜": 6, "邹": 8, "龙": 6,
    "姚": 6, "袁": 8, "石": 6, "贺": 6, "欧阳": 2,
}
# Given-name characters by generation: 秀英 and 建国 are old names, 梓涵 and 子轩 young ones.
GIVEN = {
    (True, "old"): "建国军华明德文海春林永成志平忠发桂生福树清云贵和",
    (True, "young"): "伟勇强杰鹏涛斌宏飞俊浩宇轩超磊航睿博子晨阳辰泽",
    (False, "old"): "秀英兰芳丽娟玉梅红霞燕桂琴云萍珍凤菊香翠花",
    (False, "young"): "敏静婷雪慧欣怡佳雨思梓涵琳萱诗颖瑶悦可馨玲",
}
HOME_REGION = "430522"  # 新邵县
# (name, male, region): names fonts and databases often mangle; notices must print them.
SPECIAL_NAMES = {
    "wang_yan": ("王䶮", True, HOME_REGION), "li_zhe": ("李喆", True, HOME_REGION),
    "chen_kun": ("陈堃", True, HOME_REGION), "zhang_ji": ("张𠮷祥", True, HOME_REGION),
    "minority": ("阿不都热依木·买买提", True, "650102"),
}
UYGHUR_MALE = ("艾力", "买买提", "艾克拜尔", "努尔兰")
UYGHUR_FEMALE = ("古丽", "阿依努尔", "热孜万古丽", "迪丽娜尔")
ETHNICITIES = {"汉族": 88, "苗族": 4, "瑶族": 3, "土家族": 3, "侗族": 2}
# Spouses married in from neighbouring counties, and a few from further away.
OTHER_REGIONS = ("430523", "430521", "430502", "430581", "431102", "522601")
PHONE_PREFIXES = ("130", "131", "132", "135", "136", "137", "138", "139", "150", "151",
                  "152", "157", "158", "159", "173", "177", "180", "182", "183", "186",
                  "187", "188", "189", "199")
ILLNESSES = ("尿毒症", "脑梗塞", "肺癌", "乳腺癌", "白血病", "肝硬化", "糖尿病并发症",
             "慢性阻塞性肺病", "精神分裂症", "冠心病")
DISABILITIES = ("肢体残疾三级", "肢体残疾二级", "视力残疾二级", "听力残疾三级",
                "智力残疾二级", "精神残疾二级")
# What the person an application is about suffers from, by reason.
AILMENTS = {"sudden_illness": ("脑出血", "急性心肌梗死", "重症胰腺炎", "急性白血病"),
            "medical": ILLNESSES, "dibao_illness": ILLNESSES,
            "traffic_accident": ("腿部骨折", "腰椎骨折", "颅脑损伤"),
            "accident": ("腿部骨折", "腰椎骨折", "多处软组织挫伤")}
DETAILS = {
    "fire": ("{ym}住房因电线老化失火,房屋及家具烧毁", "{ym}厨房柴火引燃木楼,两间住房及存粮被烧毁",
             "{ym}邻居家失火殃及,住房屋顶及家电烧毁"),
    "traffic_accident": ("{ym}{who}骑摩托车途中被货车撞伤致{illness},肇事方无力赔偿",
                         "{ym}{who}在县道上被车辆撞伤致{illness},住院治疗费用较高"),
    "accident": ("{ym}{who}在建筑工地务工时从高处坠落,造成{illness}",
                 "{ym}{who}上山砍柴时摔伤,造成{illness},暂时丧失劳动能力"),
    "sudden_illness": ("{ym}{who}突发{illness},在县人民医院抢救,医疗费用负担沉重",
                       "{ym}{who}突发{illness},转至邵阳市中心医院治疗,家庭无力承担"),
    "other_emergency": ("{ym}暴雨引发山体滑坡,住房受损无法居住", "{ym}山洪冲毁住房一间及全部存粮"),
    "medical": ("{who}患{illness},{ym}住院治疗,扣除医保报销后自付费用较高",
                "{who}长期患{illness},{ym}起需定期住院治疗,自付费用难以承受"),
    "education": ("{ym}{who}考入大学,学费及生活费难以负担",
                  "{who}在县一中就读高中,{ym}起学费、生活费无力支付"),
    "other_expenditure": ("{ym}住房被鉴定为C级危房,维修支出超出家庭承受能力",
                          "{ym}起需照料瘫痪在床的老人,家庭必需支出大幅增加"),
    "dibao_illness": ("{who}患{illness}多年,长期服药,家庭收入低于当地低保标准",),
    "dibao_disability": ("{who}{disability},无固定收入,生活困难",),
    "dibao_labour": ("家中无劳动力,靠亲友接济维持生活,人均收入低于当地低保标准",),
    "dibao_disaster": ("{ym}遭受洪灾,农作物绝收,家庭收入骤减",),
    "dibao_other": ("家庭人口多、劳动力少,人均收入低于当地低保标准",),
}
REPEAT_DETAIL = "{ym}{who}因{illness}病情加重再次住院,自付医疗费用较高,家庭再度陷入困难"
_BILLS = ("诊断证明", "医疗费用票据")
REASON_DOCS = {"fire": ("火灾证明",), "traffic_accident": ("事故认定书",) + _BILLS,
               "accident": _BILLS, "sudden_illness": _BILLS, "medical": _BILLS,
               "education": ("入学通知书",), "dibao_illness": ("诊断证明", "收入证明")}
REASONS = {
    "emergency": {"fire": 3, "traffic_accident": 3, "accident": 2, "sudden_illness": 4,
                  "other_emergency": 1},
    "expenditure": {"medical": 6, "education": 3, "other_expenditure": 1},
    "dibao": {"dibao_illness": 4, "dibao_disability": 3, "dibao_labour": 2,
              "dibao_disaster": 1, "dibao_other": 1},
}
KIN = {"配偶": ("其夫", "其妻"), "子女": ("其子", "其女"), "父母": ("其父", "其母"),
       "孙子女": ("其孙子", "其孙女"), "兄": ("其兄", "其姐"), "弟": ("其弟", "其妹")}
# For addresses: a plausible township and village per village code.
TOWNSHIPS = ("酿溪镇", "严塘镇", "雀塘镇", "陈家坊镇", "潭府乡", "巨口铺镇", "新田铺镇", "小塘镇",
             "龙溪铺镇", "坪上镇", "寸石镇", "太芝庙镇", "大新乡", "迎光乡", "潭溪镇")
VILLAGES = ("石门村", "白水村", "龙山村", "大坪村", "新田村", "枫林村", "长塘村", "杉木村",
            "荷叶村", "桐子村", "毛铺村", "檀山村")


@dataclass
class Person:
    name: str
    male: bool
    birth: date
    id_number: str
    relation: str = "本人"
    surname: str = ""

    def age_on(self, day: date) -> int:
        before_birthday = (day.month, day.day) < (self.birth.month, self.birth.day)
        return day.year - self.birth.year - before_birthday


@dataclass
class Family:
    applicant: Person
    members: list[Person] = field(default_factory=list)
    marital_status: str = "已婚"
    ethnicity: str = "汉族"


def weighted(rng: random.Random, table: dict) -> str:
    """One key of `table`, with probability proportional to its value."""
    return rng.choices(list(table), weights=list(table.values()))[0]


def person_name(rng: random.Random, male: bool, birth_year: int, surname: str = "") -> str:
    """One or two given-name characters from the pool of the person's generation."""
    generation = "old" if birth_year < 1975 else "young"
    pool = GIVEN[(male, generation)]
    given = "".join(rng.choice(pool) for _ in range(rng.choice((1, 2, 2, 2))))
    return (surname or weighted(rng, SURNAMES)) + given


def id_number(rng: random.Random, birth: date, male: bool, taken: set[str],
              region: str = HOME_REGION) -> str:
    """A valid GB 11643 number not in `taken`: odd sequence for men, even for women."""
    while True:
        seq = rng.randrange(0, 500) * 2 + 1 if male else rng.randrange(1, 500) * 2
        first17 = f"{region}{birth:%Y%m%d}{seq:03d}"
        number = first17 + check_character(first17)
        if number not in taken:
            taken.add(number)
            return number


def phone(rng: random.Random) -> str:
    return rng.choice(PHONE_PREFIXES) + "".join(rng.choice("0123456789") for _ in range(8))


def birth_in(rng: random.Random, year: int, today: date) -> date:
    """A real day of `year`, never after today (a newborn's card is dated in the past)."""
    start = date(year, 1, 1)
    last = min(date(year, 12, 31), today)
    return start + timedelta(days=rng.randint(0, (last - start).days))


def make_person(rng: random.Random, today: date, taken: set[str], *, year: int, male: bool,
                relation: str, surname: str = "", region: str = "") -> Person:
    surname = surname or weighted(rng, SURNAMES)
    region = region or (HOME_REGION if rng.random() < 0.9 else rng.choice(OTHER_REGIONS))
    birth = birth_in(rng, year, today)
    return Person(person_name(rng, male, year, surname), male, birth,
                  id_number(rng, birth, male, taken, region), relation, surname)


def make_family(rng: random.Random, today: date, taken: set[str], *, special: str = "",
                student: bool = False) -> Family:
    """An applicant and 0–5 members whose ages fit together (children born to parents
    aged 20–40); `student` guarantees a child of school or college age."""
    age = rng.randint(40, 58) if student else int(rng.triangular(24, 86, 60))
    applicant = _applicant(rng, today, taken, age, special)
    family = Family(applicant, marital_status=_marital(rng, age, student),
                    ethnicity="维吾尔族" if special == "minority"
                    else weighted(rng, ETHNICITIES))
    _add_spouse(rng, today, taken, family)
    _add_children(rng, today, taken, family, student)
    _add_elders_and_siblings(rng, today, taken, family)
    family.members = family.members[:5]
    return family


def _applicant(rng, today, taken, age, special) -> Person:
    year = today.year - age
    if special not in SPECIAL_NAMES:
        return make_person(rng, today, taken, year=year, male=rng.random() < 0.6,
                           relation="本人", region=HOME_REGION)
    name, male, region = SPECIAL_NAMES[special]
    birth = birth_in(rng, year, today)
    surname = name if "·" in name else name[0]
    return Person(name, male, birth, id_number(rng, birth, male, taken, region), "本人", surname)


def _marital(rng, age: int, student: bool) -> str:
    if student:
        return weighted(rng, {"已婚": 75, "离异": 12, "丧偶": 13})
    if age < 30:
        return weighted(rng, {"未婚": 50, "已婚": 45, "离异": 5})
    widowed = 35 if age >= 65 else 8
    return weighted(rng, {"已婚": 60, "丧偶": widowed, "离异": 8, "未婚": 6})


def _add_spouse(rng, today, taken, family: Family) -> None:
    if family.marital_status != "已婚":
        return
    a = family.applicant
    gap = rng.randint(-1, 6) if a.male else -rng.randint(-1, 6)
    year = min(a.birth.year + gap, today.year - 20)
    family.members.append(make_person(rng, today, taken, year=year, male=not a.male,
                                      relation="配偶"))


def _patronymic(rng, child: Person, father: Person) -> Person:
    """A Uyghur child is named "own name·father's name", not with a family surname."""
    if "·" in father.name:
        own = rng.choice(UYGHUR_MALE if child.male else UYGHUR_FEMALE)
        child.name = f"{own}·{father.name.split('·')[0]}"
    return child


def _children_surname(rng, family: Family) -> str:
    """Children take the father's surname, also when he has died or left."""
    a = family.applicant
    if a.male:
        return a.surname
    husband = [m for m in family.members if m.relation == "配偶"]
    return husband[0].surname if husband else weighted(rng, SURNAMES)


def _add_children(rng, today, taken, family: Family, student: bool) -> None:
    if family.marital_status == "未婚":
        return
    parents = [family.applicant] + [m for m in family.members if m.relation == "配偶"]
    lo = max(p.birth.year for p in parents) + 20
    hi = min(min(p.birth.year for p in parents) + 40, today.year)
    if lo > hi:
        return
    surname = _children_surname(rng, family)
    years = sorted(rng.randint(lo, hi) for _ in range(rng.choice((1, 1, 2, 2, 3))))
    if student:
        years[-1] = max(lo, min(hi, today.year - rng.randint(16, 20)))
    for year in years:
        child = make_person(rng, today, taken, year=year, male=rng.random() < 0.5,
                            relation="子女", surname=surname, region=HOME_REGION)
        family.members.append(_patronymic(rng, child, family.applicant))
    if family.applicant.age_on(today) >= 58 and rng.random() < 0.4 and "·" not in surname:
        first = min(years) + 20
        if first <= today.year:
            family.members.append(make_person(
                rng, today, taken, year=rng.randint(first, today.year), male=rng.random() < 0.5,
                relation="孙子女", surname=surname, region=HOME_REGION))


def _add_elders_and_siblings(rng, today, taken, family: Family) -> None:
    a = family.applicant
    if "·" in a.name:  # relatives with a family surname would be wrong here
        return
    if a.age_on(today) < 55 and rng.random() < 0.35:
        year = a.birth.year - rng.randint(22, 34)
        if today.year - year <= 92:
            family.members.append(make_person(rng, today, taken, year=year,
                                              male=rng.random() < 0.4, relation="父母",
                                              surname=a.surname))
    if family.marital_status == "未婚" and rng.random() < 0.4:
        year = min(a.birth.year + rng.randint(-6, 6), today.year - 1)
        family.members.append(make_person(rng, today, taken, year=year, male=rng.random() < 0.5,
                                          relation="兄弟姐妹", surname=a.surname))


def health_of(rng: random.Random, age: int) -> tuple[str, str]:
    """(健康状况, 劳动能力) as the age makes likely: children and the very old cannot work."""
    if age < 16:
        return ("患病" if rng.random() < 0.05 else "健康"), "无劳动能力"
    if age >= 70:
        return weighted(rng, {"患病": 5, "健康": 4, "残疾": 1}), weighted(
            rng, {"无劳动能力": 6, "部分丧失劳动能力": 4})
    health = weighted(rng, {"健康": 80, "患病": 14, "残疾": 6})
    work = "有劳动能力" if health == "健康" else weighted(
        rng, {"部分丧失劳动能力": 6, "无劳动能力": 4})
    return health, work


def staff_names(rng: random.Random, n: int) -> list[str]:
    """Village cadres and township staff: people who sign, not people on file."""
    names: list[str] = []
    while len(names) < n:
        name = person_name(rng, rng.random() < 0.6, rng.randint(1965, 1995))
        if name not in names:
            names.append(name)
    return names
