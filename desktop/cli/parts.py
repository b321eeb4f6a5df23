"""What the command line's parser and its feature modules share: the parser class whose
errors are refusals, the date argument, and the list of feature modules. Apart from
`cli.py` so that features, commands and the self-check need not import the parser's
module (which imports them)."""

from __future__ import annotations

import argparse
import importlib
import re
from datetime import date

from desktop.core.errors import Refusal
from desktop.core.fields import DAY_FORM

# Each feature adds its own commands: a module with add_parsers(sub) and
# COMMANDS = {name: handler(args, data_dir, today) -> exit code}. No Qt in any of them.
FEATURES = ("desktop.cli.notices", "desktop.cli.sync", "desktop.cli.township", "desktop.cli.safety",
            "desktop.cli.county", "desktop.cli.policy", "desktop.cli.dibao",
            "desktop.cli.assessment")


# argparse's own messages (Python 3.11) in the officer's words; one not listed stays as
# argparse wrote it. The option names and values in them are kept as typed.
_ARGPARSE_ZH = (  # i18n: data
    (r"the following arguments are required: \w*command", r"还要写明做哪一项(子命令)"),
    (r"the following arguments are required: (.+)", r"缺少必填的参数 \1"),
    (r"unrecognized arguments: (.+)", r"无法识别的参数 \1"),
    (r"one of the arguments (.+) is required", r"参数 \1 须填其中之一"),
    (r"ambiguous option: (\S+) could match (.+)", r"参数 \1 不完整,可能是 \2"),
    (r"argument \w*command: invalid choice: (.+) \(choose from (.+)\)",
     r"没有 \1 这个命令(可用的命令:\2)"),
    (r"argument (.+?): invalid choice: (.+) \(choose from (.+)\)",
     r"参数 \1 的值 \2 不在可选范围内(可选:\3)"),
    (r"argument (.+?): expected one argument", r"参数 \1 后面要跟一个值"),
    (r"argument (.+?): expected at most one argument", r"参数 \1 后面最多跟一个值"),
    (r"argument (.+?): expected at least one argument", r"参数 \1 后面至少要跟一个值"),
    (r"argument (.+?): invalid (\w+) value: (.+)", r"参数 \1 的值 \3 格式不对"),
    (r"argument (.+?): not allowed with argument (.+)", r"参数 \1 不能与 \2 同时使用"),
    (r"argument (.+?): ignored explicit argument (.+)", r"参数 \1 不带值,\2 多余"),
    (r"argument (.+?): (.+)", r"参数 \1:\2"),
)


def argparse_zh(message: str) -> str:
    for english, chinese in _ARGPARSE_ZH:
        if re.fullmatch(english, message):
            return re.sub(english, chinese, message)
    return message


class Parser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse's own errors: exit 2, one line, a way on
        raise Refusal(f"命令行参数有误:{argparse_zh(message)}。用 relief-desk --help 查看用法。")


def feature_modules():
    return [importlib.import_module(name) for name in FEATURES]


def day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text[:20]}”不是有效日期,应为{DAY_FORM}") from None
