"""benchmarks/RESULTS.md holds one section per harness; each rewrites only its own.

A section lies between ``<!-- section:NAME -->`` and ``<!-- /section:NAME -->``;
``write_section`` replaces it in place (or appends it), keeping the others.
"""

from __future__ import annotations

import re
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
TITLE = "# Benchmark results\n\nEach section is written by its own harness (named in it).\n"


def write_section(name: str, markdown: str, path: Path = RESULTS) -> None:
    block = f"<!-- section:{name} -->\n{markdown.strip()}\n<!-- /section:{name} -->\n"
    text = path.read_text(encoding="utf-8") if path.exists() else TITLE
    if not text.startswith("# Benchmark results"):
        text = TITLE  # an older single-harness file: start the sectioned layout
    pattern = re.compile(
        rf"<!-- section:{re.escape(name)} -->\n.*?<!-- /section:{re.escape(name)} -->\n", re.S)
    if pattern.search(text):
        text = pattern.sub(lambda _match: block, text)
    else:
        text = text.rstrip("\n") + "\n\n" + block
    path.write_text(text, encoding="utf-8")
