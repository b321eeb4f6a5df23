"""`python -m desktop` and the packaged program (`relief-desk`, whose double-click runs this
with no arguments): the window, or a command of the command line."""

import sys


def _start() -> int:
    if len(sys.argv) > 1:  # a command, or the window's options: the command line parses them
        from desktop.cli import main

        return main()
    # A double-click: the window at once. Building the command line's parser first loaded
    # every feature's commands (the rule book, the key tools, the operations), 0.2–0.6 s
    # of each start (issue 17); the window needs none of them.
    from desktop.paths import default_data_dir
    from desktop.ui.app import run

    return run(default_data_dir(), None)


raise SystemExit(_start())
