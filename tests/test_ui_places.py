"""Where the file dialogs open (ui/places.py): never in the program's own folder, which
is where a dialog given no folder opens (an installed program's folder is not writable).
What arrives is looked for on a USB stick first, what is saved goes to Documents, a
restore starts among the automatic backups, and sending never picks the system disk."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from desktop.ui import places
from desktop.ui.print_preview import PrintPreview
from desktop.ui.sync_dialogs import ExportDialog, ImportDialog
from tests.helpers import TODAY, make_store


def _one_page_pdf() -> bytes:
    import io

    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    page = canvas.Canvas(out)
    page.drawString(72, 720, "GS-2026-0001")
    page.save()
    return out.getvalue()


def _asked(monkeypatch, name: str) -> list:
    """The folder each QFileDialog.`name` call is given (and the dialog answers nothing)."""
    seen: list = []

    def fake(parent, caption="", folder="", *rest, **kw):
        seen.append(folder)
        return ([], "") if name == "getOpenFileNames" else (
            "" if name == "getExistingDirectory" else ("", ""))
    monkeypatch.setattr(QFileDialog, name, staticmethod(fake))
    return seen


def test_saving_starts_in_documents_and_opening_on_a_stick(qtbot, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # the program's folder: never offered
    docs = places.documents()
    assert Path(docs).is_absolute() and Path(docs) != tmp_path
    saved = _asked(monkeypatch, "getSaveFileName")
    preview = PrintPreview(_one_page_pdf(), "公示", "公示-GS-2026-0001.pdf")
    qtbot.addWidget(preview)
    preview.ask_save_path()
    assert saved == [str(Path(docs) / "公示-GS-2026-0001.pdf")]

    stick = tmp_path / "stick"
    monkeypatch.setattr(places, "removable_first",
                        lambda: [("U 盘", stick, True), ("磁盘", Path("/"), False)])
    opened = _asked(monkeypatch, "getOpenFileNames")
    store = make_store(tmp_path / "v")
    dialog = ImportDialog(store, TODAY)
    qtbot.addWidget(dialog)
    dialog.ask_files()
    assert opened == [str(stick)]
    monkeypatch.setattr(places, "removable_first", lambda: [("磁盘", Path("/"), False)])
    dialog.ask_files()
    assert opened[-1] == docs  # no stick in: Documents, not the program's folder
    store.close()


def test_sending_picks_a_stick_never_the_system_disk(qtbot, tmp_path):
    store = make_store(tmp_path / "v")
    disk_only = ExportDialog(store, TODAY, volumes=[("磁盘:/", Path("/"), False)])
    qtbot.addWidget(disk_only)
    assert disk_only.places.currentItem() is None  # the officer chooses
    with_stick = ExportDialog(store, TODAY, volumes=[("U 盘:E:", Path("/media/e"), True),
                                                     ("磁盘:/", Path("/"), False)])
    qtbot.addWidget(with_stick)
    assert with_stick.places.currentItem().data(256) == "/media/e"
    with_stick.places.setCurrentRow(-1)
    disk_only.do_export()
    assert "请先选择保存位置" in disk_only.error.text()
    store.close()


def test_a_restore_starts_among_the_automatic_backups(qtbot, tmp_path, monkeypatch):
    from desktop.safety.backup import backups_dir
    from desktop.ui.main_window import MainWindow

    store = make_store(tmp_path / "v")
    window = MainWindow(store, TODAY)
    qtbot.addWidget(window)
    opened = _asked(monkeypatch, "getOpenFileName")
    window.safety_panel.ask_file()
    assert opened == [str(backups_dir(store.path.parent))]
    store.close()


def test_a_documents_folder_not_there_gives_the_home(tmp_path, monkeypatch):
    """A fresh account names a Documents folder that does not exist: a dialog given it
    opened in the program's folder again."""
    from PySide6.QtCore import QStandardPaths

    monkeypatch.setattr(QStandardPaths, "writableLocation",
                        staticmethod(lambda _kind: str(tmp_path / "Documents")))
    monkeypatch.setattr(Path, "home", staticmethod(lambda: tmp_path))
    assert places.documents("a.pdf") == str(tmp_path / "a.pdf")
    (tmp_path / "Documents").mkdir()
    assert places.documents("a.pdf") == str(tmp_path / "Documents" / "a.pdf")


def test_a_name_typed_without_its_ending_gets_the_chosen_types(qtbot, tmp_path, monkeypatch):
    """Qt's own dialog adds no ending: 报表 would be saved as a file no program opens."""
    answers = iter([(str(tmp_path / "报表"), "Excel (*.xlsx)"),
                    (str(tmp_path / "月报.xlsx"), "Excel (*.xlsx)"),
                    (str(tmp_path / "公示"), ""),  # no type chosen: the first offered
                    ("", "PDF (*.pdf)")])  # cancelled
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **kw: next(answers)))
    assert places.save_name(None, "保存", "报表.xlsx", "Excel (*.xlsx)") == \
        str(tmp_path / "报表.xlsx")
    assert places.save_name(None, "保存", "月报.xlsx", "Excel (*.xlsx)") == \
        str(tmp_path / "月报.xlsx")
    assert places.save_name(None, "保存", "公示.pdf", "PDF (*.pdf);;Excel (*.xlsx)") == \
        str(tmp_path / "公示.pdf")
    assert places.save_name(None, "保存", "公示.pdf", "PDF (*.pdf)") == ""
