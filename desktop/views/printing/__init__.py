"""The one printing module: documents as blocks, laid out on A4 and painted into a PDF.

QPainter on QPdfWriter (no web capture): headings, wrapped paragraphs, tables
with wrapped Chinese text whose header repeats on each page, and drawings
painted as vectors. Every page has the same frame: a header with the
document's title and mark, a footer with page n of m. The Chinese font is
checked first; without one nothing is written (Qt would print empty boxes
silently). The handover package and the 六有 sheets reuse it.
"""

from desktop.views.printing.blocks import (
    Cell,
    Column,
    Document,
    Drawing,
    Heading,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
)
from desktop.views.printing.fonts import PrintError, require_cjk_font
from desktop.views.printing.writer import write_pdf

__all__ = [
    "Cell",
    "Column",
    "Document",
    "Drawing",
    "Heading",
    "PageBreak",
    "Paragraph",
    "PrintError",
    "Spacer",
    "Table",
    "require_cjk_font",
    "write_pdf",
]
