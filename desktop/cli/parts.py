"""What the command line's parser and its feature modules share: the parser class whose
errors are refusals, the date argument, and the list of feature modules. Apart from
`cli.py` so that features, commands and the self-check need not import the parser's
module (which imports them)."""

from __future__ import annotations

import argparse
import importlib
from datetime import date

from desktop.core.errors import Refusal

# Each feature adds its own commands: a module with add_parsers(sub) and
# COMMANDS = {name: handler(args, data_dir, today) -> exit code}. No Qt in any of them.
FEATURES = ("desktop.cli.notices", "desktop.cli.sync", "desktop.cli.township", "desktop.cli.safety",
            "desktop.cli.county", "desktop.cli.policy", "desktop.cli.dibao",
            "desktop.cli.assessment")


class Parser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse's own errors: exit 2, one line, a way on
        raise Refusal(f"命令行参数有误:{message}。用 relief-desk --help 查看用法。")


def feature_modules():
    return [importlib.import_module(name) for name in FEATURES]


def day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}”不是 YYYY-MM-DD 格式的日期") from None
