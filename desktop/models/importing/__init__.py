"""Getting real data in (and out): importers with a per-row report, and exporters.

``import_sources`` reads GeoJSON, CSV and XLSX files of one of the kinds in
``KINDS``, checks every row before anything is written, and writes all files
in one transaction, upserting by natural keys (codes) so a re-import changes
nothing; it lists every change per row and field, and refuses rows that changed
in the replica after the export a file is stamped with. ``export_bytes`` writes
the same kinds back out in the same formats, stamped.
No Qt here: the CLI and the operator's import dialog both call these.
"""

from __future__ import annotations

from desktop.models.datum import DATUMS, parse_datum
from desktop.models.importing.changes import FieldChange, RowChange
from desktop.models.importing.export import FORMATS, export_bytes, write_export
from desktop.models.importing.issues import Bad, Issue, report_csv, write_report
from desktop.models.importing.kind_features import LayerOptions
from desktop.models.importing.kinds import ORDER as KINDS
from desktop.models.importing.pipeline import (
    FileResult,
    ImportOptions,
    ImportResult,
    import_sources,
)
from desktop.models.importing.sources import Source

__all__ = [
    "DATUMS", "FORMATS", "KINDS", "Bad", "FieldChange", "FileResult", "ImportOptions",
    "ImportResult", "Issue", "LayerOptions", "RowChange", "Source", "export_bytes",
    "import_sources", "parse_datum", "report_csv", "write_export", "write_report",
]
