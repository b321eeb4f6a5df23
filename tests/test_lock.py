"""One program per data directory (issue 7): a second copy is refused with a message that
names the first; a lock left by a crashed program does not block the officer."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from desktop.core.errors import Refusal
from desktop.safety import lock
from desktop.storage.store import Store
from tests.helpers import make_store

HOLD = textwrap.dedent("""
    import sys, time
    from desktop.storage.store import Store
    s = Store.open(sys.argv[1])
    print("open", flush=True)
    time.sleep(60)
""")


def test_a_second_program_is_refused_and_a_dead_ones_lock_is_not(tmp_path):
    s = make_store(tmp_path)
    data_dir = s.path.parent
    s.close()
    child = subprocess.Popen([sys.executable, "-c", HOLD, str(data_dir)],
                             stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "open"
        with pytest.raises(Refusal, match=rf"进程号 {child.pid}.*先关闭它"):
            Store.open(data_dir)
    finally:
        child.kill()  # as a crash would: no chance to release anything
        child.wait()
    assert (data_dir / lock.LOCK_FILE).read_text().strip() == str(child.pid)  # stale
    Store.open(data_dir).close()


def test_the_same_program_may_open_the_directory_twice(tmp_path):
    s = make_store(tmp_path)
    again = Store.open(s.path.parent)
    again.close()
    assert lock.held(s.path.parent)
    s.close()
    assert not lock.held(s.path.parent)


def test_the_cli_says_so_in_one_line(tmp_path, capsys):
    from desktop.cli import main

    s = make_store(tmp_path)
    data_dir = s.path.parent
    s.close()
    child = subprocess.Popen([sys.executable, "-c", HOLD, str(data_dir)],
                             stdout=subprocess.PIPE, text=True)
    try:
        child.stdout.readline()
        assert main(["--data-dir", str(data_dir), "applications", "list"]) == 2
        err = capsys.readouterr().err
        assert "正在使用数据目录" in err and len(err.strip().splitlines()) == 1
    finally:
        child.kill()
        child.wait()
