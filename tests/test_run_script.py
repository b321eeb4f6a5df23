"""build_scripts/run.sh on an offline laptop: it installs only on the first run or when
pyproject.toml or the pinned versions changed, and otherwise starts without pip, with no
package index reachable. The build and the tests install the pinned versions.

run.sh is run in a copy of the project whose Python is a stand-in: `python -m venv` makes a
.venv whose `python` logs each call (pip fails when no index is reachable, as it would) and
whose `relief-desk` runs the real program, so --version really starts it."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
OFFLINE = {"PIP_INDEX_URL": "http://127.0.0.1:9/", "PIP_EXTRA_INDEX_URL": "",
           "PIP_FIND_LINKS": "", "PIP_NO_INDEX": "1", "PIP_CONFIG_FILE": os.devnull,
           "http_proxy": "http://127.0.0.1:9/", "https_proxy": "http://127.0.0.1:9/"}

# `python -m venv .venv` makes a .venv/bin/python that logs and fakes pip; its `pip install`
# makes a .venv/bin/relief-desk that logs and runs the real program.
FAKE_SYSTEM_PYTHON = """#!/usr/bin/env bash
echo "system-python $*" >> "$RUN_LOG"
[ "$1 $2" = "-m venv" ] || exit 3
mkdir -p "$3/bin"
cat > "$3/bin/python" <<'PY'
#!/usr/bin/env bash
echo "venv-python $*" >> "$RUN_LOG"
[ "$1 $2" = "-m pip" ] || exit 3
[ -z "${PIP_NO_INDEX:-}" ] || { echo "ERROR: No matching distribution (no index)" >&2; exit 1; }
cat > "$(dirname "$0")/relief-desk" <<'RD'
#!/usr/bin/env bash
echo "relief-desk $*" >> "$RUN_LOG"
PYTHONPATH="$REPO" exec "$REAL_PYTHON" -m desktop "$@"
RD
chmod +x "$(dirname "$0")/relief-desk"
PY
chmod +x "$3/bin/python"
"""


@pytest.fixture
def project(tmp_path):
    """A fresh clone: the scripts, pyproject.toml and the pins; no .venv, no demo data."""
    root = tmp_path / "relief-desk"
    (root / "build_scripts").mkdir(parents=True)
    for name in ("build_scripts/run.sh", "build_scripts/constraints.txt", "pyproject.toml"):
        shutil.copy(ROOT / name, root / name)
    fake = tmp_path / "python3"
    fake.write_text(FAKE_SYSTEM_PYTHON, encoding="utf-8")
    fake.chmod(0o755)
    return root


def run(root: Path, *args: str, offline: bool = False, **env) -> tuple[str, list[str]]:
    log = root.parent / "calls.log"
    log.write_text("", encoding="utf-8")
    full = {**os.environ, "PYTHON": str(root.parent / "python3"), "RUN_LOG": str(log),
            "REPO": str(ROOT), "REAL_PYTHON": sys.executable, **env}
    full.pop("RELIEF_DESK_HOME", None)
    full.update(OFFLINE if offline else {})
    done = subprocess.run(["bash", str(root / "build_scripts/run.sh"), *args], env=full,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return done.stdout, log.read_text(encoding="utf-8").splitlines()


def pip_calls(calls: list[str]) -> list[str]:
    return [c for c in calls if " -m pip " in f"{c} "]


def test_fresh_clone_creates_the_venv_and_the_demo_then_starts_offline(project):
    _, calls = run(project, "applications", "list", "--format", "csv")
    assert calls[0] == "system-python -m venv .venv"
    (install,) = pip_calls(calls)
    assert "-c build_scripts/constraints.txt -e ." in install
    assert "relief-desk demo" in calls
    assert (project / "demo-data" / "relief-desk.sqlite3").is_file()

    # second launch, no package index reachable: no pip, and the program answers
    out, calls = run(project, "--version", offline=True)
    assert out.strip() == f"relief-desk {_version()}"
    assert calls == ["relief-desk --version"]


def test_a_changed_pyproject_or_pin_set_installs_again(project):
    run(project, "--version")
    for name in ("pyproject.toml", "build_scripts/constraints.txt"):
        with (project / name).open("a", encoding="utf-8") as f:
            f.write("\n# changed\n")
        _, calls = run(project, "--version")
        assert len(pip_calls(calls)) == 1, name
        _, calls = run(project, "--version")
        assert pip_calls(calls) == [], name


def test_a_failed_update_offline_still_starts_the_installed_program(project):
    run(project, "--version")
    (project / "pyproject.toml").write_text(
        (project / "pyproject.toml").read_text(encoding="utf-8") + "\n# changed\n",
        encoding="utf-8")
    out, calls = run(project, "--version", offline=True)
    assert len(pip_calls(calls)) == 1 and calls[-1] == "relief-desk --version"
    assert out.strip() == f"relief-desk {_version()}"
    _, calls = run(project, "--version")  # online again: the update is tried once more
    assert len(pip_calls(calls)) == 1


def test_a_first_install_without_network_says_so(project):
    full = {**os.environ, **OFFLINE, "PYTHON": str(project.parent / "python3"),
            "RUN_LOG": str(project.parent / "calls.log")}
    done = subprocess.run(["bash", str(project / "build_scripts/run.sh"), "--version"],
                          env=full, capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert "联网" in done.stderr.splitlines()[-1]
    assert not (project / ".venv" / "relief-desk-installed.stamp").exists()


def test_the_pins_satisfy_pyproject_and_every_install_uses_them():
    from packaging.requirements import Requirement

    pins = {}
    for line in (ROOT / "build_scripts/constraints.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, _, version = line.partition("==")
            pins[_norm(name)] = version
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    wanted = re.findall(r'^\s*"([A-Za-z][^"]*)",', text, re.M)
    assert len(wanted) >= 12  # the dependencies and the test extra
    for spec in map(Requirement, wanted):
        if spec.marker is None or spec.marker.evaluate():
            assert spec.specifier.contains(pins[_norm(spec.name)]), spec
    for script in ("run.sh", "test.sh", "build.sh", "build.ps1"):
        body = (ROOT / "build_scripts" / script).read_text(encoding="utf-8")
        installs = [line for line in body.splitlines() if "pip install" in line
                    and "--upgrade pip" not in line]
        assert installs and all("constraints.txt" in line for line in installs), script


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _version() -> str:
    from desktop import __version__

    return __version__
