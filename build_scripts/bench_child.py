"""What the benchmark runs in a fresh process: the app's start-up, a bare PySide6 window
(the floor), and the ledger on a large store. Prints one JSON line of its measurements.

    python build_scripts/bench_child.py app|bare|widgets DATA_DIR T0
    python build_scripts/bench_child.py ledger DATA_DIR NAME ID_NUMBER
    python build_scripts/bench_child.py import DATA_DIR LIST_OF_BUNDLES TODAY

T0 is the parent's time.time() just before it started this process, so start-up counts
the interpreter and every import, as an officer's double-click does."""

from __future__ import annotations

import json
import resource
import sys
import time


def _shown(window) -> None:
    from PySide6.QtWidgets import QApplication

    window.show()
    QApplication.processEvents()


def app(data_dir: str, t0: float) -> dict:
    from datetime import date
    from pathlib import Path

    from desktop.ui.app import application, start

    application()
    window = start(Path(data_dir), date(2026, 6, 1))
    _shown(window)
    return {"seconds": time.time() - t0}


def bare(t0: float) -> dict:
    from PySide6.QtWidgets import QApplication, QMainWindow

    QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1280, 800)
    _shown(window)
    return {"seconds": time.time() - t0}


def widgets(t0: float) -> dict:
    """The fallback floor of start-up (issue 17): the village window's Qt widgets, menus and
    bundled font, its first page of 200 rows of Chinese text in Qt's own item model, and no
    code of ours at all (no store, no checks, no translations of ours)."""
    from pathlib import Path

    from PySide6.QtGui import QFont, QFontDatabase, QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import (
        QApplication,
        QComboBox,
        QHBoxLayout,
        QLabel,
        QLineEdit,
        QListWidget,
        QMainWindow,
        QSplitter,
        QTableView,
        QVBoxLayout,
        QWidget,
    )

    app = QApplication(sys.argv[:1])
    fonts = Path(__file__).resolve().parent.parent / "resources" / "fonts"
    family = QFontDatabase.applicationFontFamilies(
        QFontDatabase.addApplicationFont(str(fonts / "wqy-microhei.ttc")))[0]
    app.setFont(QFont(family, 10))
    window = QMainWindow()
    for title in ("案件(&A)", "公示(&G)", "数据交换(&D)", "数据安全(&S)", "设置(&T)", "考核(&K)"):
        menu = window.menuBar().addMenu(title)
        for item in range(4):
            menu.addAction(f"{title[:2]}操作{item}…")
    window.addToolBar("工具").addAction("新建申请")
    central = QWidget()
    layout = QVBoxLayout(central)
    layout.addWidget(QLabel("3 件已超期,5 件即将到期"))
    bar = QHBoxLayout()
    bar.addWidget(QLabel("查找:"))
    bar.addWidget(QLineEdit(), 1)
    years = QComboBox()
    years.addItems(["全部年度"] + [f"{y} 年" for y in range(2026, 2016, -1)])
    bar.addWidget(years)
    layout.addLayout(bar)
    statuses = QListWidget()
    statuses.addItems([f"状态{i}  {i * 7}" for i in range(12)])
    model = QStandardItemModel(200, 11)
    for r in range(200):
        for c, text in enumerate((f"2026-{r:04d}", "阿不都热依木", "430522196001010011",
                                  "第三村民小组", "急难型", "突发重大疾病", "12,345.00",
                                  "2026-05-01", "乡镇已接收", "2026-06-05 审核", "近亲属")):
            model.setItem(r, c, QStandardItem(text))
    table = QTableView()
    table.setModel(model)
    split = QSplitter()
    split.addWidget(statuses)
    split.addWidget(table)
    layout.addWidget(split, 1)
    layout.addWidget(QLabel("共 200 件 · 今天 2026-06-01"))
    window.setCentralWidget(central)
    window.statusBar()
    window.resize(1280, 800)
    _shown(window)
    return {"seconds": time.time() - t0}


def ledger(data_dir: str, name: str, id_number: str, runs: str = "9") -> dict:
    """The main window on the store (built and shown: its own figure), then with the
    ledger in view: its first page asked again `runs` times (the model's queries and the
    rows painted), and two searches; each against its floor (`ledger_floors`)."""
    from datetime import date
    from pathlib import Path

    from desktop.storage.queries import LedgerFilter
    from desktop.storage.store import Store
    from desktop.ui.app import application
    from desktop.ui.main_window import MainWindow

    application()
    store = Store.open(Path(data_dir))
    t = time.perf_counter()
    window = MainWindow(store, date(2026, 6, 1))
    _shown(window)
    out = {"window_ms": (time.perf_counter() - t) * 1000}
    panel = getattr(window, "township_panel", None)
    if panel is not None:  # a township opens on its queue: the ledger is a tab
        panel.tabs.setCurrentWidget(panel.ledger)
        _shown(window)
    n = int(runs)
    paint = window.table.viewport().repaint  # the rows shown, painted now
    # the model's queries alone (`read`: count and page); making the cells of the rows
    # shown is painting's work, counted with the paint in the next figure
    out["first_page_query_ms"] = _times(lambda: window.model.read(LedgerFilter()), n)
    out["first_page_ms"] = _times(lambda: (window.model.set_filter(LedgerFilter()),
                                           window._footer(), paint()), n)
    # a search against its floor, the SQL of the same rows and count: the model's queries,
    # as the first page's own row (a paint of a row or two is not in the floor)
    for key, text in (("search_name_ms", name), ("search_id_ms", id_number)):
        out[key] = _times(lambda text=text: window.model.read(LedgerFilter(text=text)), n)
        out[key.replace("_ms", "_hits")] = window.model.read(LedgerFilter(text=text))[0]
    out["peak_mb"] = peak_mb()
    window.model.set_filter(LedgerFilter())
    out["plain_paint_ms"] = _times(_plain_table(window.table).viewport().repaint, n)
    out.update(ledger_floors(store, name, id_number, n))
    return out


def _times(fn, runs: int) -> list[float]:
    """Milliseconds of each of `runs` calls of `fn`, after one untimed."""
    fn()
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return times


def _plain_table(table):
    """The floor of painting the ledger's rows: a plain QTableView of Qt's own item model
    holding the same texts (as the ledger shows them, in its column order and widths),
    the same size and font, with no code of ours between Qt and the texts."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QTableView

    model, header = table.model(), table.horizontalHeader()
    getattr(model, "fill_page", lambda: None)()  # every row's texts, not the shown ones'
    order = [header.logicalIndex(v) for v in range(model.columnCount())]
    plain = QStandardItemModel(model.rowCount(), len(order))
    for r in range(model.rowCount()):
        for c, logical in enumerate(order):
            plain.setItem(r, c, QStandardItem(model.data(model.index(r, logical)) or ""))
    for c, logical in enumerate(order):
        plain.setHeaderData(c, Qt.Orientation.Horizontal,
                            model.headerData(logical, Qt.Orientation.Horizontal))
    view = QTableView()
    view.setModel(plain)
    view.setFont(table.font())
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(table.verticalHeader().defaultSectionSize())
    for c, logical in enumerate(order):
        view.setColumnWidth(c, table.columnWidth(logical))
    view.resize(table.size())
    _shown(view)
    return view


def ledger_floors(store, name: str, id_number: str, runs: int = 5) -> dict:
    """The floor of each ledger figure: the plain indexed SQL that returns the same rows
    (the page of PAGE_SIZE rows, newest first, and how many there are), on a connection
    of its own, each of `runs` once warm: what no application code can beat. A search
    counts and picks its page's ids in one pass over the narrow search index, then reads
    those rows: walking the ledger's order instead reads every wide row it tests."""
    import sqlite3

    from desktop.storage.queries import LEDGER_COLUMNS, LedgerFilter
    from desktop.ui.ledger_model import PAGE_SIZE

    conn = sqlite3.connect(f"{store.path.resolve().as_uri()}?mode=ro", uri=True)
    columns = ", ".join(LEDGER_COLUMNS)
    out = {}
    for key, text in (("first_page_floor_ms", ""), ("search_name_floor_ms", name),
                      ("search_id_floor_ms", id_number)):
        where, params = LedgerFilter(text=text).where()
        times = []
        for _ in range(runs):
            t = time.perf_counter()
            if text:
                hits = conn.execute(f"SELECT id, COUNT(*) OVER () FROM applications{where}"
                                    " ORDER BY +received_on DESC, id DESC LIMIT ?",
                                    params + [PAGE_SIZE]).fetchall()
                conn.execute(f"SELECT {columns} FROM applications WHERE id IN"
                             f" ({','.join('?' * len(hits))})", [h[0] for h in hits]).fetchall()
            else:
                conn.execute("SELECT COUNT(*) FROM applications").fetchone()
                conn.execute(f"SELECT {columns} FROM applications ORDER BY received_on DESC,"
                             " id DESC LIMIT ?", [PAGE_SIZE]).fetchall()
            times.append((time.perf_counter() - t) * 1000)
        out[key] = times
    conn.close()
    return out


def import_bundles(data_dir: str, listing: str, today: str) -> dict:
    """A township's import of the bundles listed (one path a line), in its own process so
    that its peak memory is its own."""
    from datetime import date
    from pathlib import Path

    from desktop.storage.store import Store
    from desktop.sync.importer import import_files

    store = Store.open(Path(data_dir))
    paths = [Path(p) for p in Path(listing).read_text(encoding="utf-8").splitlines()]
    t = time.perf_counter()
    import_files(store, paths, date.fromisoformat(today))
    seconds = time.perf_counter() - t
    store.close()
    return {"seconds": seconds, "peak_mb": peak_mb()}


def peak_mb() -> float:
    """This process's own peak resident memory. Linux carries ru_maxrss over fork and
    exec, so a child of a large parent would report the parent's peak; VmHWM is the
    high-water mark of this program's memory alone."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


if __name__ == "__main__":
    kind, *args = sys.argv[1:]
    result = {"app": lambda: app(args[0], float(args[1])), "bare": lambda: bare(float(args[1])),
              "widgets": lambda: widgets(float(args[1])),
              "ledger": lambda: ledger(*args), "import": lambda: import_bundles(*args)}[kind]()
    print(json.dumps(result))
