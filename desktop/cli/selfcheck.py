"""`relief-desk selfcheck`: what a county IT helper runs on a new laptop to know that the
installed program works there, before an officer enters a single real case.

It runs in a temporary data directory (never the officer's), needs no display and no Qt,
and runs each check even when an earlier one failed, so the one-line answer names every
problem at once. A check is a named function taking the shared `Context`; it returns a
short note for the summary or raises. Features add their own checks (a notice PDF, a
sync bundle) with a `SELFCHECKS = [(name, check), …]` list in their command module
(desktop.cli.notices, desktop.cli.sync), or by appending to CHECKS here."""

from __future__ import annotations

import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable

from desktop.paths import resource_path

DEMO_CASES = 6
FONT_FILE = ("fonts", "wqy-microhei.ttc")
FONT_SAMPLE = "民生救助 临时救助金 1500.00 元 0123456789"


@dataclass
class Context:
    """What the checks share: the temporary data directory, the clock, and the demo
    workstation once the first check has made it."""

    data_dir: Path  # the demo workstation's (created by the first check)
    scratch: Path  # for files the checks write (PDFs, bundles)
    today: date
    store: object | None = None
    case_ids: list[str] = field(default_factory=list)

    def need_store(self):
        if self.store is None:
            raise RuntimeError("没有工作站(建立工作站一项未通过)")
        return self.store


Check = Callable[[Context], str]


def check_workstation(ctx: Context) -> str:
    from desktop.demo.village import load_demo, open_demo_store

    ctx.store = open_demo_store(ctx.data_dir)
    ctx.case_ids = load_demo(ctx.store, today=ctx.today, seed=7, count=DEMO_CASES)
    return f"{len(ctx.case_ids)} 件演示案件"


def check_database(ctx: Context) -> str:
    from desktop.storage.eventlog import verify_chain

    db = ctx.need_store().db
    result = [row[0] for row in db.execute("PRAGMA integrity_check").fetchall()]
    if result != ["ok"]:
        raise RuntimeError(f"integrity_check: {'; '.join(result[:3])}")
    if db.execute("PRAGMA foreign_key_check").fetchall():
        raise RuntimeError("外键不一致")
    problems = verify_chain(db)
    if problems:
        raise RuntimeError(problems[0])
    return "完整"


def check_rebuild(ctx: Context) -> str:
    store = ctx.need_store()
    before = projection_snapshot(store.db)
    replayed = store.rebuild()
    if projection_snapshot(store.db) != before:
        raise RuntimeError("由事件日志重建的台账与原台账不一致")
    return f"重放 {replayed} 个事件"


def projection_snapshot(db) -> dict[str, list]:
    """Every row of every projection table (the case tables and the features'), sorted,
    so that a rebuild that reinserts rows in another order still compares equal."""
    import importlib

    from desktop.storage.migrations import PROJECTION_TABLES
    from desktop.storage.projections import FEATURE_PROJECTIONS

    features = [importlib.import_module(name) for name in FEATURE_PROJECTIONS]
    tables = list(PROJECTION_TABLES) + [t for f in features for t in f.TABLES]
    return {t: sorted((tuple(map(repr, r)) for r in db.execute(f"SELECT * FROM {t}")))
            for t in tables}


def check_font(ctx: Context) -> str:
    """The bundled font loads in reportlab, has glyphs for Chinese *and* digits (a
    CJK-only font prints amounts blank), and is embedded in the PDF it renders."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen.canvas import Canvas

    path = resource_path(*FONT_FILE)
    font = TTFont("RD-Selfcheck", str(path), subfontIndex=0)
    missing = [ch for ch in FONT_SAMPLE if ch != " " and ord(ch) not in font.face.charToGlyph]
    if missing:
        raise RuntimeError(f"{path.name} 缺少字形:{''.join(missing)}")
    pdfmetrics.registerFont(font)
    out = ctx.scratch / "selfcheck-font.pdf"
    canvas = Canvas(str(out))
    canvas.setFont("RD-Selfcheck", 14)
    canvas.drawString(72, 720, FONT_SAMPLE)
    canvas.save()
    embedded = pdf_embeds_font(out)
    if not embedded:
        raise RuntimeError("生成的 PDF 没有嵌入字体")
    return f"{path.name},{embedded}"


def pdf_embeds_font(pdf: Path) -> str:
    """A short description of the embedded TrueType font programs ("" if none). Uses
    pypdf where installed (development); the build has no pypdf, so the raw bytes are
    searched instead (reportlab writes /FontFile2 uncompressed in the font descriptor)."""
    try:
        from pypdf import PdfReader
    except ImportError:
        return "已嵌入" if b"/FontFile2" in pdf.read_bytes() else ""
    names = set()
    for page in PdfReader(str(pdf)).pages:
        fonts = page["/Resources"].get_object().get("/Font", {})
        for ref in fonts.values():
            desc = ref.get_object().get("/FontDescriptor")
            if desc is not None and "/FontFile2" in desc.get_object():
                names.add(str(ref.get_object()["/BaseFont"]).lstrip("/"))
    return f"已嵌入 {', '.join(sorted(names))}" if names else ""


CHECKS: list[tuple[str, Check]] = [
    ("建立工作站", check_workstation),
    ("数据库完整性", check_database),
    ("重建台账", check_rebuild),
    ("内置字体", check_font),
]


def all_checks() -> list[tuple[str, Check]]:
    """CHECKS, then each feature's SELFCHECKS (in the order cli.FEATURES lists them)."""
    from desktop.cli.parts import feature_modules

    extra = [c for module in feature_modules() for c in getattr(module, "SELFCHECKS", ())]
    return CHECKS + extra


def run_checks(checks: list[tuple[str, Check]], today: date) -> tuple[list, list]:
    """Run every check in a fresh temporary directory; returns (passed, failed), each a
    list of (name, note or reason)."""
    passed, failed = [], []
    with tempfile.TemporaryDirectory(prefix="relief-desk-selfcheck-") as tmp:
        ctx = Context(data_dir=Path(tmp) / "data", scratch=Path(tmp), today=today)
        try:
            for name, check in checks:
                try:
                    passed.append((name, check(ctx)))
                except Exception as exc:  # each failure is named; the others still run
                    failed.append((name, getattr(exc, "message", None) or str(exc)
                                   or type(exc).__name__))
        finally:
            if ctx.store is not None:
                ctx.store.close()
    return passed, failed


def selfcheck(args, data_dir: Path, today: date) -> int:
    """The command: exit 0 with a one-line summary on stdout, or 2 naming each failed
    check on stderr. `data_dir` is ignored on purpose: the officer's data is not touched."""
    started = time.monotonic()
    checks = all_checks()
    passed, failed = run_checks(checks, today)
    seconds = time.monotonic() - started
    if failed:
        reasons = ";".join(f"{name}:{reason.rstrip('。')}" for name, reason in failed)
        print(f"relief-desk: 自检未通过({len(failed)}/{len(checks)} 项):{reasons}。"
              f"请把这一行交给技术人员。", file=sys.stderr)
        return 2
    notes = ",".join(f"{name}({note})" for name, note in passed)
    print(f"自检通过:{len(passed)} 项全部通过,用时 {seconds:.1f} 秒:{notes}。")
    return 0
