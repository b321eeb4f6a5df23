"""The command line: the same operations as the GUI, and a stable contract for scripts.

Exit 0 on success; 2 for bad input or a refusal, with a one-line reason on stderr; 1 only
for a bug. No Qt import here (the GUI is imported only when no command is given)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop import __version__
from desktop.cli.parts import Parser, day, feature_modules
from desktop.core.errors import Refusal
from desktop.core.ways import CLI, render

ROLE_CHOICES = ("village", "township", "county")


def build_parser() -> argparse.ArgumentParser:
    p = Parser(prog="relief-desk", description="民生救助工作台 Relief Desk")
    p.add_argument("--version", action="version", version=f"relief-desk {__version__}")
    p.add_argument("--data-dir", type=Path, help="数据目录(默认 RELIEF_DESK_HOME 或用户数据目录)")
    p.add_argument("--today", type=day, help="把今天设为 YYYY-MM-DD(演示、测试用)")
    sub = p.add_subparsers(dest="command", parser_class=Parser)

    init = sub.add_parser("init", help="建立工作站")
    init.add_argument("--role", required=True, choices=ROLE_CHOICES)
    for name in ("county", "county-code", "officer"):
        init.add_argument(f"--{name}", required=True)
    init.add_argument("--township", default="")  # a county workstation has none
    init.add_argument("--township-code", default="")
    init.add_argument("--village", default="")
    init.add_argument("--village-code", default="")

    demo = sub.add_parser("demo", help="建立演示工作站并加入演示案件")
    demo.add_argument("--seed", type=int, default=1)
    demo.add_argument("--applications", type=int, default=60)
    demo.add_argument("--training", type=Path, metavar="DIR",
                      help="在 DIR 建立培训用的乡镇和三个村工作站(已互相登记,可练习完整流程)")

    check = sub.add_parser("check-id", help="校验身份证号")
    check.add_argument("number")
    check.add_argument("--format", choices=("text", "json"), default="text")

    apps = sub.add_parser("applications", help="案件台账").add_subparsers(
        dest="apps_command", required=True, parser_class=Parser)
    lst = apps.add_parser("list")
    lst.add_argument("--status")
    lst.add_argument("--year", type=int)
    lst.add_argument("--search", default="")
    lst.add_argument("--format", choices=("table", "json", "csv"), default="table")
    show = apps.add_parser("show")
    show.add_argument("app_id")
    show.add_argument("--format", choices=("text", "json"), default="text")
    add = apps.add_parser("add")
    add.add_argument("file", type=Path)

    step = sub.add_parser("step", help="办理一个流程步骤")
    step.add_argument("app_id")
    step.add_argument("action")
    step.add_argument("--json", dest="json_file", help="步骤内容 JSON 文件,或 - 表示标准输入")

    sub.add_parser("rebuild", help="由事件日志重建台账")
    sub.add_parser("selfcheck", help="自检:在临时目录中试建工作站、检查数据库和字体(不动正式数据)")
    for module in feature_modules():
        module.add_parsers(sub)
    return p


class _InCliWords:
    """An output stream that writes every way of doing a thing (core/ways.py) as the
    command to type: the operations' messages are shared with the GUI."""

    def __init__(self, stream):
        self._stream = stream

    def write(self, text: str) -> int:
        return self._stream.write(render(text, CLI))

    def __getattr__(self, name):
        return getattr(self._stream, name)


def main(argv: list[str] | None = None) -> int:
    streams = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = _InCliWords(sys.stdout), _InCliWords(sys.stderr)
    try:
        return _main(argv)
    finally:
        sys.stdout, sys.stderr = streams


def _main(argv: list[str] | None) -> int:
    try:
        args = build_parser().parse_args(argv)
        if args.command is None:
            return _gui(args)
        from desktop.cli import commands

        return commands.run(args)
    except Refusal as exc:
        print(f"relief-desk: {exc.message}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("relief-desk: 已中断。", file=sys.stderr)
        return 2
    except BrokenPipeError:  # the reader (e.g. `| head`) stopped reading: not a bug
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as exc:  # a bug: one line for the user, details in the crash file
        from desktop.crash import report_bug

        print(f"relief-desk: 内部错误({type(exc).__name__}),数据未被改动。"
              f"详情已写入 {report_bug(exc)},请交给技术人员。", file=sys.stderr)
        return 1


def _gui(args) -> int:
    from desktop.paths import default_data_dir
    from desktop.ui.app import run

    return run(args.data_dir or default_data_dir(), args.today)


if __name__ == "__main__":
    raise SystemExit(main())
