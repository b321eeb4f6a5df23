"""Where the data lives (issue 6): RELIEF_DESK_HOME, then portable mode (portable.txt
beside the built program keeps the data in data/ beside it, for a USB stick), then the
platform's user data folder. Resources are found the same way from source and frozen."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from desktop import paths


@pytest.fixture
def frozen_at(tmp_path, monkeypatch):
    """Pretend to be the built program at tmp_path/relief-desk/relief-desk."""
    folder = tmp_path / "relief-desk"
    folder.mkdir()
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(folder / "relief-desk"))
    monkeypatch.delenv("RELIEF_DESK_HOME", raising=False)
    return folder


def test_portable_marker_puts_the_data_beside_the_program(frozen_at):
    (frozen_at / "portable.txt").write_text("", encoding="utf-8")
    assert paths.default_data_dir() == frozen_at.resolve() / "data"


def test_without_the_marker_the_user_data_folder_is_used(frozen_at):
    from platformdirs import user_data_dir

    assert paths.portable_data_dir() is None
    assert paths.default_data_dir() == Path(user_data_dir("relief-desk", appauthor=False))


def test_relief_desk_home_overrides_portable_mode(frozen_at, tmp_path, monkeypatch):
    (frozen_at / "portable.txt").write_text("", encoding="utf-8")
    monkeypatch.setenv("RELIEF_DESK_HOME", str(tmp_path / "home"))
    assert paths.default_data_dir() == tmp_path / "home"


def test_data_dir_option_overrides_portable_mode(frozen_at, tmp_path, capsys):
    from desktop.cli import main

    (frozen_at / "portable.txt").write_text("", encoding="utf-8")
    assert main(["--data-dir", str(tmp_path / "given"), "demo", "--applications", "1"]) == 0
    assert (tmp_path / "given" / paths.STORE_FILE).exists()
    assert not (frozen_at / "data").exists()


def test_a_portable_txt_folder_is_not_the_marker(frozen_at):
    (frozen_at / "portable.txt").mkdir()
    assert paths.portable_data_dir() is None


def test_running_from_source_ignores_a_marker_beside_python(tmp_path, monkeypatch):
    monkeypatch.delattr(sys, "frozen", raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "python"))
    (tmp_path / "portable.txt").write_text("", encoding="utf-8")
    assert paths.executable_dir() is None and paths.portable_data_dir() is None


def test_resources_are_found_from_source_and_from_a_bundle(tmp_path, monkeypatch):
    assert paths.resource_path("fonts", "wqy-microhei.ttc").is_file()
    assert paths.resource_path("icons", "relief-desk.ico").is_file()
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.resource_path("fonts", "x.ttf") == tmp_path / "resources" / "fonts" / "x.ttf"


def test_only_paths_py_knows_of_meipass():
    root = Path(paths.__file__).resolve().parent
    users = [p.relative_to(root).as_posix() for p in root.rglob("*.py")
             if "_MEIPASS" in p.read_text(encoding="utf-8")]
    assert users == ["paths.py"]
