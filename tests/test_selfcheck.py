"""`relief-desk selfcheck` (issue 6): the county IT helper's one command on a new laptop.
It must pass on a good installation, and name the check that failed otherwise."""

from __future__ import annotations

from desktop.cli import main, selfcheck


def test_selfcheck_passes_with_a_one_line_summary(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("RELIEF_DESK_HOME", str(tmp_path / "officer"))
    assert main(["selfcheck"]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 1 and out[0].startswith("自检通过")
    for name, _ in selfcheck.CHECKS:
        assert name in out[0]
    assert "已嵌入" in out[0]
    assert not (tmp_path / "officer").exists()  # the officer's data directory is untouched


def test_a_failing_check_exits_2_and_is_named(capsys, monkeypatch):
    def broken_font(ctx):
        raise RuntimeError("字体文件损坏")

    checks = [(n, broken_font if n == "内置字体" else c) for n, c in selfcheck.CHECKS]
    monkeypatch.setattr(selfcheck, "CHECKS", checks)
    assert main(["selfcheck"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    err = captured.err.strip()
    assert len(err.splitlines()) == 1
    assert "内置字体:字体文件损坏" in err and "1/" in err


def test_later_checks_run_and_report_when_the_workstation_fails(capsys, monkeypatch):
    def no_workstation(ctx):
        raise OSError("磁盘已满")

    checks = [("建立工作站", no_workstation)] + selfcheck.CHECKS[1:]
    monkeypatch.setattr(selfcheck, "CHECKS", checks)
    assert main(["selfcheck"]) == 2
    err = capsys.readouterr().err
    assert "建立工作站:磁盘已满" in err and "数据库完整性:没有工作站" in err
    assert "内置字体" not in err  # the font check does not need a workstation


def test_feature_modules_can_add_checks(capsys, monkeypatch):
    from desktop.cli import notices as notices_cli

    monkeypatch.setattr(notices_cli, "SELFCHECKS", [("公示 PDF", lambda ctx: "1 页")],
                        raising=False)
    assert main(["selfcheck"]) == 0
    assert "公示 PDF(1 页)" in capsys.readouterr().out


def test_the_font_check_sees_an_unembedded_pdf(tmp_path):
    from reportlab.pdfgen.canvas import Canvas

    pdf = tmp_path / "x.pdf"
    canvas = Canvas(str(pdf))
    canvas.setFont("Helvetica", 12)  # a standard font: named, never embedded
    canvas.drawString(72, 720, "1500.00")
    canvas.save()
    assert selfcheck.pdf_embeds_font(pdf) == ""
