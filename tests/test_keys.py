"""Private keys at rest (issue 7): sealed under the officer's passphrase, 0600 in a 0700
folder, a wrong passphrase refused, a forgotten one costs new keys and never a case."""

from __future__ import annotations

import json
import os
import stat

import pytest

from desktop.cli import main
from desktop.core.errors import Refusal
from desktop.core.ways import CLI, render
from desktop.sync import keys
from desktop.sync.identity import keys_of
from tests.helpers import TODAY, make_store

INIT = ["init", "--role", "village", "--county", "新邵县", "--county-code", "430522",
        "--township", "陈家坊镇", "--township-code", "430522101", "--village", "石门村",
        "--village-code", "430522101201", "--officer", "刘民生"]


def test_keys_are_sealed_and_private(tmp_path, officer_passphrase):
    s = make_store(tmp_path)
    try:
        pair = keys_of(s)
        path = keys.key_path(s.path.parent)
        doc = json.loads(path.read_text())
        from cryptography.hazmat.primitives import serialization as ser

        raw = (ser.Encoding.Raw, ser.PrivateFormat.Raw, ser.NoEncryption())
        secret = pair.signing.private_bytes(*raw).hex()
        assert "sealed" in doc and secret not in path.read_text()
        if os.name == "posix":
            assert stat.S_IMODE(path.stat().st_mode) == 0o600
            assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
            assert stat.S_IMODE(s.path.parent.stat().st_mode) == 0o700
        keys.forget()
        with pytest.raises(keys.WrongPassphrase) as wrong:
            keys.unlock(s.path.parent, s.workstation["id"], "not it")
        assert "keys reset" in render(wrong.value.message, CLI)
        again = keys.unlock(s.path.parent, s.workstation["id"], officer_passphrase)
        assert again.public_signing() == pair.public_signing()
    finally:
        s.close()


def test_without_a_passphrase_the_keys_are_refused_not_guessed(tmp_path, monkeypatch):
    s = make_store(tmp_path)
    try:
        keys_of(s)
        keys.forget()
        monkeypatch.delenv(keys.PASSPHRASE_ENV)
        with pytest.raises(Refusal, match="需要口令"):
            keys_of(s)
        keys.set_prompt(lambda _text: "测试口令-passphrase")
        assert keys_of(s).workstation_id == s.workstation["id"]
    finally:
        s.close()


def test_change_and_reset_keep_every_case(tmp_path, monkeypatch, capsys):
    data = tmp_path / "data"
    base = ["--data-dir", str(data), "--today", TODAY.isoformat()]
    assert main([*base, *INIT]) == 0
    assert main([*base, "identity", "show"]) == 0
    first = capsys.readouterr().out
    monkeypatch.setenv("RELIEF_DESK_NEW_PASSPHRASE", "另一个口令789")
    assert main([*base, "keys", "passphrase"]) == 0
    monkeypatch.setenv(keys.PASSPHRASE_ENV, "另一个口令789")
    keys.forget()
    assert main([*base, "identity", "show"]) == 0
    assert capsys.readouterr().out.splitlines()[-2:] == first.splitlines()[-2:]  # same keys
    monkeypatch.setenv(keys.PASSPHRASE_ENV, "forgotten")
    keys.forget()
    assert main([*base, "identity", "show"]) == 2
    assert main([*base, "keys", "reset"]) == 0
    assert len(list((data / "keys").glob("retired-*"))) == 1
    monkeypatch.setenv(keys.PASSPHRASE_ENV, "另一个口令789")
    assert main([*base, "identity", "show"]) == 0
    assert main([*base, "doctor"]) == 0


def test_init_needs_a_passphrase_but_a_demo_does_not(tmp_path, monkeypatch, capsys):
    monkeypatch.delenv(keys.PASSPHRASE_ENV)
    assert main(["--data-dir", str(tmp_path / "real"), *INIT]) == 2
    assert "需要口令" in capsys.readouterr().err
    assert not (tmp_path / "real" / "relief-desk.sqlite3").exists()
    assert main(["--data-dir", str(tmp_path / "demo"), "demo", "--applications", "2"]) == 0
    assert keys.is_protected(tmp_path / "demo") is False  # synthetic data, no secret
