"""Where the officer does a thing, said once for each front end. An operation shared by
the command line and the GUI refuses with a message that names the *way* (`way("…")`, a
marker in the text); the command line shows it as the command to type, the GUI as the
menu that does the same. No message written for both tells a GUI user to type a
command, and none tells a script user to open a menu."""

from __future__ import annotations

import re

# key: (the command line's words, the GUI's words)
WAYS: dict[str, tuple[str, str]] = {
    "keys_reset": ("运行 relief-desk keys reset", "在菜单“数据安全 → 忘记口令(重新生成密钥)…”中"),
    "set_passphrase": ("运行 relief-desk keys passphrase", "在菜单“数据安全 → 设置本机口令…”中"),
    "notice_phones": ("relief-desk notice phones --village 电话 --township 电话",
                      "菜单“设置 → 异议反映电话…”"),
    "notice_list": ("用 relief-desk notice list", "在“公示管理”中"),
    "rebuild": ("可用 relief-desk rebuild 由日志重建", "可在菜单“数据安全 → 重建台账”中由日志重建"),
    "restore": ("relief-desk restore", "菜单“数据安全 → 从备份恢复…”"),
    "doctor": ("运行 relief-desk doctor", "用菜单“数据安全 → 检查数据”"),
    "init": ("运行 relief-desk init", "在首次设置中"),
    "other_data_dir": ("用 --data-dir 指定", "换一个"),
    "new_data_dir": ("用 --data-dir 指定另一个数据目录", "选择另一个数据目录"),
    "enroll": ("用 relief-desk enroll 身份文件 登记乡镇民政办",
               "在“数据交换 → 登记对方工作站…”中登记乡镇民政办的身份文件"),
    "enroll_replace": ("用 relief-desk enroll 文件 --replace", "在“登记对方工作站”中勾选替换原来的登记"),
    "identity_export": ("relief-desk identity export -o 文件", "菜单“数据交换 → 本机身份与指纹…”"),
    "county_ref": ("--county-ref", "“县局批复文号”一栏"),
    "period": ("--month 或 --from/--to-date", "换一个月份"),
    "policy_issue": ("用 relief-desk policy issue 文件 --effective 日期 发布新版政策",
                     "在菜单“设置 → 本机政策… → 发布新版政策…”中发布新版政策"),
    "dibao_class": ("用 --class A|B|C 指定", "请在“低保分类”一栏选择"),
    "enroll_below": ("用 relief-desk enroll 身份文件 登记下级工作站",
                     "在“数据交换 → 登记对方工作站…”中登记下级工作站的身份文件"),
    "assessment_correction": ("用 relief-desk assessment publish --month 月份 --correction",
                              "在“目标管理考核”中点“更正已公布的考核…”"),
}
_MARK = re.compile(r"⟦([a-z_]+)⟧")
CLI, GUI = 0, 1


def way(key: str) -> str:
    """The marker of a way in a message (KeyError for one not in WAYS: caught by tests)."""
    WAYS[key]
    return f"⟦{key}⟧"


def render(text: str, side: int) -> str:
    """`text` with each marker in the words of the command line (CLI) or the GUI."""
    return _MARK.sub(lambda m: WAYS[m.group(1)][side], text) if "⟦" in text else text
