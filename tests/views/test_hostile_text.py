"""Hostile replica and store text through every surface that shows it.

HTML, a right-to-left override, line breaks, 5,000 characters and emoji are
written into a demo replica (street, district, warnings, stations, people,
incidents, drills, a grid's code) and the assertions are on what is drawn:
the text of PlainText labels, the document Qt renders from our own rich text,
table cells and their widths, the map page's DOM and boxes, and the words and
their boxes in each PDF. A sweep over every QLabel of the wall and the operator
window fails when one shows data without plain-text format.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
import stat
import subprocess
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetricsF, QTextDocument, QTextLayout
from PySide6.QtWidgets import QLabel, QWidget

from desktop.views.plain_text import ELLIPSIS, FSI, PDI, one_line

pytestmark = pytest.mark.gui

HTML = "<h1><font color=green>误报已撤销</font></h1>"
LIME = "<font color=lime size=7>预警已解除</font>"
RED_CODE = "<h1><font color=red>EQ-0001</font></h1>"
RLO = "\u202e" + "fdp.exe"
NEWLINES = "第一行\n第二行\r\n第三行"
EMOJI = "🚒🔥👩‍🚒"
LONG = "长" * 5000
MARKERS = ("<h1>", "<font")  # only data holds these: our own rich text never does


def _write_hostile(path: Path) -> None:
    """Hostile text in every table the screens and papers read."""
    with sqlite3.connect(path) as db:
        db.execute("UPDATE admin_unit SET name = ? WHERE level = 'street'", (HTML,))
        db.execute("UPDATE replica_meta SET value = ? WHERE key = 'district_name'", (LIME,))
        db.execute("UPDATE warning SET area = ?", (LIME + LONG,))
        stations = [r[0] for r in db.execute("SELECT id FROM station ORDER BY id")]
        names = (HTML, LONG, RLO + EMOJI, NEWLINES)
        for station_id, name in zip(stations, names, strict=False):
            db.execute("UPDATE station SET name = ? WHERE id = ?", (name, station_id))
        db.execute("UPDATE person SET name = '<' || name")  # masked: "<**…"
        db.execute("UPDATE incident SET title = ? || title, place = ? || place",
                   (HTML + NEWLINES, RLO))
        db.execute("UPDATE drill SET title = ? || title", (HTML + EMOJI,))
        grid = db.execute("SELECT id FROM admin_unit WHERE level = 'grid' LIMIT 1").fetchone()[0]
        db.execute("UPDATE admin_unit SET code = ?, geometry = 'not json' WHERE id = ?",
                   (RED_CODE, grid))


def rendered(label: QLabel) -> str:
    """What a label draws: its text when plain, else the text of the document Qt makes."""
    if label.textFormat() == Qt.TextFormat.PlainText:
        return label.text()
    document = QTextDocument()
    document.setHtml(label.text())
    return document.toPlainText()


def in_visual_order(text: str, part: str, font: Any) -> bool:
    """``part`` (after the data) is drawn left to right, after every character before it."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(1e6)
    layout.endLayout()
    start = text.rindex(part)
    xs = [line.cursorToX(i)[0] for i in range(len(text))]
    tail = xs[start:start + len(part)]
    return tail == sorted(tail) and min(tail) >= max(xs[:start]) - 0.5


def sweep(window: QWidget) -> tuple[list[str], int]:
    """Labels that show data without plain-text format, and how many labels show data."""
    bad, showing = [], 0
    for label in window.findChildren(QLabel):
        text = label.text()
        raw = any(m in text for m in MARKERS)
        escaped = any(m.replace("<", "&lt;") in text for m in MARKERS)
        fmt = label.textFormat()
        if raw or escaped:
            showing += 1
        if fmt == Qt.TextFormat.PlainText:
            continue
        if raw or (escaped and fmt != Qt.TextFormat.RichText):
            bad.append(f"{label.objectName() or type(label.parent()).__name__}: {text[:80]!r}")
    return bad, showing


@pytest.fixture
def hostile_live(live_demo_replica):
    _write_hostile(live_demo_replica)
    return live_demo_replica


def _start(qtbot, replica: Path, *, wall: bool):
    from desktop.app import Dashboard
    from desktop.settings import Settings

    board = Dashboard(Settings(replica=str(replica), wall=wall, poll_interval_ms=100), 1080)
    qtbot.addWidget(board.window)
    board.seen = []
    board.feed.situation_ready.connect(board.seen.append)
    with qtbot.waitSignal(board.tracker.ready, timeout=30_000):
        board.start()
    return board


@pytest.fixture(params=["wall", "operator"])
def board(request, qtbot, hostile_live):
    board = _start(qtbot, hostile_live, wall=request.param == "wall")
    yield board
    board.close()


def _raise_an_incident(qtbot, board, replica: Path) -> None:
    """A severity raised after start-up: the banner shows that incident."""
    from sqlalchemy import text

    from desktop.models.replica import open_writer

    writer = open_writer(str(replica))
    with (qtbot.waitSignal(board.feed.update_ready, timeout=10_000),
          writer.begin() as connection):
        connection.execute(text(
            "UPDATE incident SET severity = 1, title = :t WHERE id = (SELECT id FROM incident "
            "WHERE status NOT IN ('closed', 'final') AND severity > 1 ORDER BY id LIMIT 1)"),
            {"t": HTML + NEWLINES + EMOJI + RLO + LONG[:150]})
    writer.dispose()
    qtbot.waitUntil(lambda: board.window.alerts.isVisible(), timeout=10_000)


def test_every_label_of_both_windows_shows_data_as_text(qtbot, board, hostile_live):
    window = board.window
    _raise_an_incident(qtbot, board, hostile_live)

    bad, showing = sweep(window)
    assert not bad, bad
    assert showing >= 4  # banner, street, district, warnings at least

    banner = window.alerts.text
    shown = rendered(banner)
    assert HTML in shown and "\n" not in shown and EMOJI in shown
    assert len(shown) < 300 and ELLIPSIS in shown
    assert banner.sizeHint().width() <= window.width()
    assert in_visual_order(banner.text(), re.findall(r"\d\d:\d\d", shown)[-1], banner.font())

    assert rendered(window.header.street) == HTML
    assert rendered(window.header.district) == LIME
    warnings = rendered(window.header.warnings)
    assert LIME[:26] in warnings and ELLIPSIS in warnings and len(warnings) < 200

    situation = board.seen[0]
    roster = rendered(window.roster.now)
    on_duty = [*situation.duty_now.officers, situation.duty_now.leader]
    names_on_duty = [person.name for person in on_duty if person is not None]
    assert names_on_duty and all(name.startswith("<") and name in roster
                                 for name in names_on_duty)  # not swallowed as a tag

    stations = window.stations.model
    names = [stations.data(stations.index(r, 1)) for r in range(stations.rowCount())]
    assert HTML in names and one_line(NEWLINES) in names and FSI + RLO + EMOJI + PDI in names
    long_name = next(n for n in names if n.startswith("长"))
    assert len(long_name) <= 80 and long_name.endswith(ELLIPSIS)
    row = names.index(long_name)
    tip = stations.data(stations.index(row, 1), Qt.ItemDataRole.ToolTipRole)
    assert "长" * 900 in tip  # the whole name, or the first thousand characters, on hover
    header = window.stations.table.horizontalHeader()
    assert header.sectionSize(1) <= header.maximumSectionSize() < window.width() // 2
    assert header.length() <= window.stations.table.viewport().width() + 2

    incidents = window.incidents.model
    titles = [incidents.data(incidents.index(r, 2)) for r in range(incidents.rowCount())]
    assert titles and all(HTML in t and "\n" not in t and len(t.strip(FSI + PDI)) <= 85
                          for t in titles)
    # The place has its own column: a right-to-left override in a title cannot move it.
    places = [incidents.data(incidents.index(r, incidents.COLUMNS.index("place")))
              for r in range(incidents.rowCount())]
    assert places and all("\n" not in p and p not in t for p, t in zip(places, titles,
                                                                      strict=True))

    window._show_problems()
    box = window.problems_box
    assert box is not None and box.textFormat() == Qt.TextFormat.PlainText
    assert RED_CODE in box.text()
    box.close()


def test_the_station_drill_down_shows_the_whole_name_as_text(qtbot, hostile_live):
    board = _start(qtbot, hostile_live, wall=False)
    table = board.window.stations.table
    model = board.window.stations.model
    row = next(r for r in range(model.rowCount()) if model.station(r).name == LONG)
    table.doubleClicked.emit(model.index(row, 1))
    dialog = board.last_dialog
    qtbot.waitUntil(lambda: dialog.loaded, timeout=10_000)
    assert dialog.name.textFormat() == Qt.TextFormat.PlainText and LONG in dialog.name.text()
    assert len(dialog.windowTitle()) <= 80
    assert dialog.sizeHint().width() < 1920
    bad, _showing = sweep(dialog)
    assert not bad, bad
    dialog.close()
    board.close()


def test_the_map_page_draws_data_with_text_content_and_keeps_it_short(qtbot, hostile_live):
    board = _start(qtbot, hostile_live, wall=True)
    box: list[Any] = []
    board.window.map.evaluate_json(
        "(() => { const names = [...document.querySelectorAll('.dm-name')];"
        " return {texts: names.map(n => n.textContent),"
        " widths: names.map(n => n.getBoundingClientRect().width),"
        " caps: names.map(n => 16 * parseFloat(getComputedStyle(n).fontSize)),"
        " cut: names.map(n => { const r = document.createRange(); r.selectNodeContents(n);"
        " const lines = [...r.getClientRects()];"  # the wall: cut after two lines
        " return n.scrollWidth > n.clientWidth || lines.some(line =>"
        " line.bottom > n.getBoundingClientRect().bottom + 1); }),"
        " injected: document.querySelectorAll('.leaflet-container h1, .leaflet-container font')"
        ".length, page: window.innerWidth}; })()", box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=10_000)
    page = box[0]
    assert HTML in page["texts"] and LONG in page["texts"]  # textContent: the data as it is
    assert page["injected"] == 0  # no element made from data
    # 16 em at most, cut with an ellipsis: never across the map
    assert all(w <= cap + 1 for w, cap in zip(page["widths"], page["caps"], strict=True))
    assert page["cut"][page["texts"].index(LONG)] and max(page["caps"]) < 2 * page["page"]
    board.close()


# ---------------------------------------------------------------- paper


def _words(pdf: Path) -> list[tuple[int, float, float, float, float, float, float]]:
    """(page, xMin, yMin, xMax, yMax, page width, page height) of every word."""
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], check=True,
                          capture_output=True, text=True, errors="replace", timeout=120).stdout
    words = []
    for number, page in enumerate(re.findall(r"<page (.*?)</page>", html, re.S), start=1):
        width, height = (float(v) for v in re.findall(r'(?:width|height)="([\d.]+)"', page)[:2])
        for box in re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" '
                              r'yMax="([\d.]+)"', page):
            words.append((number, *map(float, box), width, height))
    return words


def assert_within_margins(pdf: Path) -> int:
    """Every word inside the 15 mm margins; none crosses the footer rule; returns pages."""
    mm = 72 / 25.4
    words = _words(pdf)
    assert words
    footer_rule = None
    for _page, x0, y0, x1, y1, width, height in words:
        assert x0 >= 15 * mm - 1 and x1 <= width - 15 * mm + 1, (x0, x1)
        assert y0 >= 15 * mm - 1 and y1 <= height - 15 * mm + 1, (y0, y1)
        footer_rule = height - (15 + 9 * 0.6) * mm
        assert not (y0 < footer_rule - 0.5 < y1), ("text over the footer rule", y0, y1)
    assert footer_rule is not None
    pages = max(w[0] for w in words)
    for page in range(1, pages + 1):
        below = [w for w in words if w[0] == page and w[2] > footer_rule]
        assert len(below) <= 12, "only the footer lives below its rule"
    return pages


def _pdftext(pdf: Path) -> str:
    return subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True,
                          text=True, errors="replace", timeout=120).stdout


@pytest.fixture
def hostile_fixed(demo_replica):
    _write_hostile(demo_replica)
    return demo_replica


def test_the_liuyou_sheets_keep_hostile_text_in_its_cells(qapp, demo_template, hostile_fixed,
                                                          fixed_now, tmp_path):
    from desktop.models.compliance.sheets import collect_sheets
    from desktop.views.compliance_sheet import sheets_document
    from desktop.views.printing import write_pdf

    plain = write_pdf(tmp_path / "plain.pdf", sheets_document(
        collect_sheets(str(demo_template), fixed_now, stations="all")))
    hostile = write_pdf(tmp_path / "hostile.pdf", sheets_document(
        collect_sheets(str(hostile_fixed), fixed_now, stations="all")))
    baseline = assert_within_margins(plain)
    assert assert_within_margins(hostile) <= baseline + 1  # was 12 pages with text on footers
    text = re.sub(r"\s+", "", _pdftext(hostile))
    assert "<h1><fontcolor=green>误报已撤销</font></h1>" in text
    assert "长" * 50 in text and "长" * 1000 not in text and ELLIPSIS in text
    assert stat.S_IMODE(hostile.stat().st_mode) == 0o600


def test_the_daily_report_keeps_to_its_page(qapp, demo_template, hostile_fixed, fixed_now,
                                            tmp_path):
    from desktop.models.daily_report import load_daily_report
    from desktop.views.daily_report_pdf import write_daily_report

    day = dt.date(2026, 11, 23)

    def report(replica: Path, name: str) -> Path:
        loaded = load_daily_report(replica, day, situation=None, log=(),
                                   compiled_at=fixed_now, compiled_by="<b>王</b>" + LONG)
        return write_daily_report(tmp_path / name, loaded, "zh_CN")

    baseline = assert_within_margins(report(demo_template, "plain.pdf"))
    hostile = report(hostile_fixed, "hostile.pdf")
    assert assert_within_margins(hostile) <= baseline + 1  # was 5 pages
    text = re.sub(r"\s+", "", _pdftext(hostile))
    assert "<h1><fontcolor=green>误报已撤销</font></h1>" in text


def test_the_handover_and_after_action_papers_keep_to_their_margins(
        qapp, hostile_fixed, fixed_now, tmp_path):
    from sqlalchemy.orm import Session

    from desktop.models.after_action import after_action
    from desktop.models.handover import compile_handover
    from desktop.models.queries import situation_now
    from desktop.models.replay import list_drills
    from desktop.models.replay.source import replay_drill, with_replica
    from desktop.models.replica import open_reader
    from desktop.models.workstation.desk import Desk
    from desktop.models.workstation.officers import enrol
    from desktop.models.workstation.passwords import HashProfile, SecretHasher
    from desktop.models.workstation.recovery import open_store
    from desktop.views.after_action_pdf import write_after_action_pdf
    from desktop.views.handover_pdf import write_handover_pdf

    engine = open_reader(hostile_fixed)
    with Session(engine) as session:
        situation = situation_now(session, fixed_now)
    engine.dispose()
    hasher = SecretHasher(HashProfile.cheap())
    store, _ = open_store(tmp_path / "ws.db", fixed_now)
    enrol(store, hasher, fixed_now, login="王", name=HTML + RLO, role="duty_officer",
          secret="135790")
    desk = Desk(store, clock=lambda: fixed_now, hasher=hasher)
    desk.sign_in("王", "135790")
    written = desk.write_handover(compile_handover(situation), NEWLINES + HTML + LONG[:3000])
    handover = write_handover_pdf(tmp_path / "handover.pdf", written, "zh_CN")
    assert assert_within_margins(handover) <= 3
    assert "<h1><fontcolor=green>" in re.sub(r"\s+", "", _pdftext(handover))

    reports = with_replica(str(hostile_fixed), lambda session: [
        after_action(replay_drill(session, d.id)) for d in list_drills(session)])
    summary = write_after_action_pdf(reports[0], tmp_path / "after.pdf", "zh_CN", fixed_now)
    assert_within_margins(summary)
    assert "<h1><fontcolor=green>" in re.sub(r"\s+", "", _pdftext(summary))


def test_a_long_cell_is_cut_with_an_ellipsis_within_its_lines(qapp, tmp_path):
    """The layout's own guard, for text no document builder cut first."""
    from PySide6.QtGui import QPdfWriter

    from desktop.views.printing import Column, Paragraph, Table
    from desktop.views.printing.layout import Measurer, pieces

    device = QPdfWriter(str(tmp_path / "measure.pdf"))
    device.setResolution(300)
    m = Measurer(device, "WenQuanYi Micro Hei", 2000, 3000)
    table = Table((Column("名称"),), ((LONG,), (EMOJI,), (RLO + "。" + NEWLINES,)))
    _header, long_row, short_row, rtl_row, _gap, paragraph = pieces(
        m, (table, Paragraph(HTML + LONG)))
    line = QFontMetricsF(m.font(table.size_pt), device).lineSpacing()
    assert long_row.height <= 6 * line  # a few lines and the padding, not 5,000 characters
    assert short_row.height < 2 * line + 2 * 1.2 * m.mm + 1
    assert rtl_row.height < 5 * line
    paragraph_line = QFontMetricsF(m.font(10), device).lineSpacing()
    assert paragraph.height <= 13 * paragraph_line
    shown, _height, _flags = m.fit(m.font(9), 2000, LONG, 3)
    assert shown.endswith(ELLIPSIS) and len(shown) < 1000
    shown, _height, _flags = m.fit(m.font(9), 2000, RLO + "\n" + "后一行", None)
    assert shown.split("\n")[0] == FSI + RLO + PDI and shown.split("\n")[1] == "后一行"
