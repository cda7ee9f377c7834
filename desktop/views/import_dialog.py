"""The operator's import dialog: pick files, check them (dry run), read the report, hand over.

The dashboard never writes the replica (ARCHITECTURE, "Who writes"): this dialog
opens no writer on it. The dry run is the real import on a private in-memory
copy read through a read-only connection (``scratch_copy``), thrown away after.
Accepted files are handed to the writer side (``import_handover``): copied into
the drop folder shared with the writer account, then imported at once by
``dutyroom replica import`` through the configured writer command, or left with
a manifest for the writer's ``dutyroom sync --watch``; the dialog says which.
The work runs off the GUI thread through ``run_blocking``; progress comes back
through a queued signal. Handing over is only offered after a dry run of the
same selection succeeded.
The report lists the problems and then every change, per row and field
(old → new), with counts per kind; rows changed in the replica after the file
was exported are refused unless the operator ticks the overwrite box (they
are then listed as warnings).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QLocale, QObject, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.models import importing
from desktop.models.import_handover import HandedOver, hand_over
from desktop.models.replica import describe_error
from desktop.models.scratch_copy import scratch_copy
from desktop.views.plain_text import plain_label
from desktop.views.qt_import_report_model import ImportReportModel
from desktop.views.worker import run_blocking

WRAPPED_ROWS = 300  # reports this short show long messages wrapped in full


class _Progress(QObject):
    """Lives on the GUI thread; the worker emits, the dialog's slot runs here."""

    changed = Signal(float, str)


class ImportDialog(QDialog):
    finished_run = Signal(object)  # ImportResult (or None after a failure)

    def __init__(self, replica_location: str, parent: QWidget | None = None, *,
                 drop_folder: str = "", writer_command: str = "") -> None:
        super().__init__(parent)
        self._replica = replica_location
        self._drop_folder = drop_folder
        self._writer_command = writer_command
        self.handed: HandedOver | None = None
        self._language = QLocale().name()
        self._checked: tuple[Any, ...] | None = None  # selection of the last good dry run
        self._busy = False
        self.result: importing.ImportResult | None = None
        self.setWindowTitle(self.tr("Import data into the replica"))
        self._progress = _Progress(self)
        self._progress.changed.connect(self._on_progress)
        self._build()
        self._refresh()

    # ------------------------------------------------------------ layout

    def _build(self) -> None:
        self.files = QListWidget()
        self.files.setMaximumHeight(110)
        add = QPushButton(self.tr("Add files…"))
        add.clicked.connect(self._pick_files)
        remove = QPushButton(self.tr("Remove"))
        remove.clicked.connect(self._remove_selected)
        file_buttons = QVBoxLayout()
        file_buttons.addWidget(add)
        file_buttons.addWidget(remove)
        file_buttons.addStretch()
        file_row = QHBoxLayout()
        file_row.addWidget(self.files, 1)
        file_row.addLayout(file_buttons)

        self.kind = QComboBox()
        self.kind.addItem(self.tr("From the columns"), None)
        for key, label in self._kind_labels().items():
            self.kind.addItem(label, key)
        self.datum = QComboBox()
        self.datum.addItem(self.tr("Declared in the file"), None)
        self.datum.addItem(self.tr("WGS-84 (GPS)"), "wgs84")
        self.datum.addItem(self.tr("CGCS2000 (platform, 天地图)"), "cgcs2000")
        self.datum.addItem(self.tr("GCJ-02 (Gaode, Tencent): converted"), "gcj02")
        self.datum.addItem(self.tr("BD-09 (Baidu): converted"), "bd09")
        self.platform = QCheckBox(self.tr("Export of the provincial platform (CGCS2000)"))
        self.skip_invalid = QCheckBox(self.tr("Load the valid rows, skip the invalid ones"))
        self.repair = QCheckBox(self.tr("Repair self-touching polygons"))
        self.overwrite = QCheckBox(self.tr(
            "Overwrite rows changed in the replica after the export (each is listed)"))
        self.layer = QLineEdit()
        self.layer.setPlaceholderText(self.tr("layer key, e.g. districts"))
        self.layer_name = QLineEdit()
        self.layer_name.setPlaceholderText(self.tr("name of a new layer, e.g. 区县界"))
        form = QFormLayout()
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Datum"), self.datum)
        form.addRow(self.tr("Layer (features)"), self.layer)
        form.addRow(self.tr("New layer name"), self.layer_name)
        form.addRow(self.platform)
        form.addRow(self.skip_invalid)
        form.addRow(self.repair)
        form.addRow(self.overwrite)
        for widget in (self.kind, self.datum):
            widget.currentIndexChanged.connect(self._selection_changed)
        for box in (self.platform, self.skip_invalid, self.repair, self.overwrite):
            box.toggled.connect(self._selection_changed)
        for line in (self.layer, self.layer_name):
            line.textChanged.connect(self._selection_changed)

        self.model = ImportReportModel(self._language, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.summary = plain_label(self.tr("Add files, then check them."))
        self.summary.setWordWrap(True)
        self.counts = plain_label("")
        self.counts.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setRange(0, 100)
        self.bar.setValue(0)

        self.check_button = QPushButton(self.tr("Check (dry run)"))
        self.check_button.clicked.connect(self.dry_run)
        self.import_button = QPushButton(self.tr("Hand over for import"))
        self.import_button.clicked.connect(self.start_import)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.bar, 1)
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.import_button)
        buttons.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addLayout(file_row)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.counts)
        layout.addLayout(buttons)
        self.resize(1100, 720)

    def _kind_labels(self) -> dict[str, str]:
        return {
            "grids": self.tr("Grids, communities, streets"), "people": self.tr("People"),
            "stations": self.tr("Stations"), "equipment": self.tr("Equipment"),
            "roster": self.tr("Duty roster"), "drills": self.tr("Drills"),
            "features": self.tr("Map features"), "incidents": self.tr("Incidents"),
            "events": self.tr("Incident events"),
        }

    # ------------------------------------------------------------ selection

    def add_files(self, paths: list[str | Path]) -> None:
        for path in paths:
            self.files.addItem(str(path))
        self._selection_changed()

    def set_kind(self, kind: str | None) -> None:
        self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))

    def set_datum(self, datum: str | None) -> None:
        self.datum.setCurrentIndex(max(0, self.datum.findData(datum)))

    def _pick_files(self) -> None:
        paths, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("Files to import"), "",
            self.tr("Data files (*.csv *.xlsx *.geojson *.json);;All files (*)"))
        if paths:
            self.add_files(list(paths))

    def _remove_selected(self) -> None:
        for item in self.files.selectedItems():
            self.files.takeItem(self.files.row(item))
        self._selection_changed()

    def _paths(self) -> list[str]:
        return [self.files.item(i).text() for i in range(self.files.count())]

    def _options(self, dry_run: bool) -> importing.ImportOptions:
        layer = self.layer.text().strip() or None
        return importing.ImportOptions(
            kind=self.kind.currentData(), datum=self.datum.currentData(),
            platform_export=self.platform.isChecked(), skip_invalid=self.skip_invalid.isChecked(),
            dry_run=dry_run, repair_geometry=self.repair.isChecked(),
            overwrite_newer=self.overwrite.isChecked(),
            layer=importing.LayerOptions(layer, self.layer_name.text().strip() or None))

    def _selection(self) -> tuple[Any, ...]:
        return (tuple(self._paths()), self._options(False))

    def _selection_changed(self) -> None:
        self._checked = None
        self._refresh()

    def _refresh(self) -> None:
        has_files = self.files.count() > 0
        self.check_button.setEnabled(has_files and not self._busy)
        ready = self._checked is not None and self._checked == self._selection()
        self.import_button.setEnabled(ready and not self._busy and bool(self._drop_folder))

    # ------------------------------------------------------------ running

    def dry_run(self) -> None:
        self._start(dry_run=True)

    def start_import(self) -> None:
        if self._checked is None or self._checked != self._selection():
            return
        self._start(dry_run=False)

    def _start(self, dry_run: bool) -> None:
        paths, options, location = self._paths(), self._options(dry_run), self._replica
        progress = self._progress
        if not dry_run:
            self._hand_over(paths, options)
            return

        def work() -> importing.ImportResult:
            sources = [importing.Source.from_path(Path(p)) for p in paths]
            engine = scratch_copy(location)  # never a writer on the replica itself
            try:
                return importing.import_sources(
                    engine, sources, options,
                    lambda fraction, text: progress.changed.emit(fraction, text))
            finally:
                engine.dispose()

        self._busy = True
        self.bar.setValue(0)
        self.summary.setText(self.tr("Checking…") if dry_run else self.tr("Importing…"))
        self._refresh()
        selection = self._selection()
        run_blocking(self, work, lambda result: self._done(result, selection), self._failed)

    def _on_progress(self, fraction: float, _text: str) -> None:
        self.bar.setValue(round(fraction * 100))

    def _done(self, result: importing.ImportResult, selection: tuple[Any, ...]) -> None:
        self._busy = False
        self.result = result
        self.bar.setValue(100)
        self.model.set_report(result.issues, result.changes)
        if self.model.rowCount() <= WRAPPED_ROWS:
            self.table.resizeRowsToContents()
        self.counts.setText("\n".join(self._count_lines(result)))
        errors, warnings = len(result.errors), len(result.warnings)
        rows = sum(f.rows for f in result.files)
        written = sum(c.written for c in result.counts.values())
        if result.dry_run:
            self._checked = selection if result.would_import else None
            if result.would_import and self._drop_folder:
                text = self.tr("Check passed: %1 rows read, %2 would be new or changed; "
                               "%3 errors, %4 warnings. Press Hand over for import: the "
                               "writer account imports them.")
            elif result.would_import:
                text = self.tr("Check passed: %1 rows read, %2 would be new or changed; "
                               "%3 errors, %4 warnings. This dashboard does not write the "
                               "replica: run 'dutyroom replica import' as the writer account "
                               "(or set import_drop_folder).")
            else:
                text = self.tr("Nothing can be imported: %3 errors, %4 warnings in %1 rows read. "
                               "Correct the files and check again.")
        else:
            self._checked = None
            if result.committed:
                text = self.tr("Imported: %1 rows read, %2 new or changed; %3 errors, "
                               "%4 warnings.")
            else:
                text = self.tr("Nothing was imported: %3 errors, %4 warnings.")
        self.summary.setText(text.replace("%1", str(rows)).replace("%2", str(written))
                             .replace("%3", str(errors)).replace("%4", str(warnings)))
        self._refresh()
        self.finished_run.emit(result)

    def _count_lines(self, result: importing.ImportResult) -> list[str]:
        labels = self._kind_labels()
        text = self.tr("%1: %2 new, %3 changed, %4 unchanged, %5 refused (changed in the "
                       "replica after the export), %6 overwritten")
        lines = []
        for kind, c in result.counts.items():
            values = (labels.get(kind, kind), c.inserted, c.updated - c.forced, c.unchanged,
                      c.refused, c.forced)
            line = text
            for number, value in enumerate(values, start=1):
                line = line.replace(f"%{number}", str(value))
            lines.append(line)
        return lines

    def _hand_over(self, paths: list[str], options: importing.ImportOptions) -> None:
        drop, writer = self._drop_folder, self._writer_command
        self._busy = True
        self.summary.setText(self.tr("Handing over…"))
        self._refresh()
        run_blocking(self, lambda: hand_over([Path(p) for p in paths], options, drop, writer),
                     self._handed, self._failed)

    def _handed(self, handed: HandedOver) -> None:
        self._busy = False
        self._checked = None
        self.handed = handed
        if handed.mode == "drop":
            text = self.tr("Handed over to the drop folder %1: the writer account's "
                           "'dutyroom sync --watch' imports the files (%2 file(s)).").replace(
                "%1", str(handed.folder)).replace("%2", str(len(handed.files)))
        elif handed.exit_code == 0:
            text = self.tr("Imported by the writer account ('dutyroom replica import'): "
                           "%1").replace("%1", handed.output)
        else:
            text = self.tr("The writer account's import refused the files (exit code %1): "
                           "%2").replace("%1", str(handed.exit_code)).replace(
                "%2", handed.output)
        self.summary.setText(text)
        self._refresh()
        self.finished_run.emit(None)

    def _failed(self, error: BaseException) -> None:
        self._busy = False
        self._checked = None
        self.bar.setValue(0)
        self.counts.clear()
        self.summary.setText(self.tr("The import could not run: %1").replace(
            "%1", describe_error(error)))
        self._refresh()
        self.finished_run.emit(None)
