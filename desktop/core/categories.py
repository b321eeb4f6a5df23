"""Programs, categories and reasons of relief, with their Chinese labels.
Codes are stable (files, JSON, bundles); the UI shows the labels."""

from __future__ import annotations

PROGRAMS = {"temporary_relief": "临时救助", "dibao": "最低生活保障"}

CATEGORIES = {"emergency": "急难型", "expenditure": "支出型", "dibao": "低保"}

PROGRAM_CATEGORIES = {
    "temporary_relief": ("emergency", "expenditure"),
    "dibao": ("dibao",),
}

REASONS = {
    "emergency": {
        "fire": "火灾",
        "traffic_accident": "交通事故",
        "accident": "其他意外事故",
        "sudden_illness": "突发重大疾病",
        "other_emergency": "其他特殊困难",
    },
    "expenditure": {
        "medical": "突发必需医疗支出",
        "education": "教育支出",
        "other_expenditure": "其他刚性支出",
    },
    "dibao": {
        "dibao_illness": "因病致贫",
        "dibao_disability": "因残致贫",
        "dibao_labour": "缺乏劳动能力",
        "dibao_disaster": "因灾致贫",
        "dibao_other": "其他原因",
    },
}

REASON_LABELS = {code: label for group in REASONS.values() for code, label in group.items()}

ETHNICITIES = ("汉族", "苗族", "瑶族", "土家族", "侗族", "回族", "壮族", "维吾尔族", "其他")
MARITAL_STATUSES = ("未婚", "已婚", "离异", "丧偶")
HEALTH_STATES = ("健康", "患病", "残疾")
WORK_ABILITIES = ("有劳动能力", "部分丧失劳动能力", "无劳动能力")
HOUSEHOLD_TYPES = ("一般", "低保户", "特困")
RELATIONS = ("配偶", "子女", "父母", "孙子女", "兄弟姐妹", "祖父母", "其他")
INVESTIGATION_METHODS = ("入户调查", "邻里访问", "信函索证")
PAYMENT_METHODS = ("一卡通", "农商银行", "现金")
DOCUMENTS = ("身份证", "户口簿", "申请书", "诊断证明", "医疗费用票据", "火灾证明",
             "事故认定书", "入学通知书", "收入证明")


def category_label(code: str) -> str:
    return CATEGORIES.get(code, code)


def reason_label(code: str) -> str:
    return REASON_LABELS.get(code, code)


def program_label(code: str) -> str:
    return PROGRAMS.get(code, code)

# how a written refusal reaches the applicant (送达)
DELIVERY_METHODS = ("当面送达", "邮寄送达", "留置送达")
