"""File names made from data, and the one check that a file lands in the folder chosen.

A street, station or incident name comes from the replica: it may hold path
separators, ``..``, control characters, bidirectional overrides, names that
Windows reserves, or thousands of characters. ``file_name`` makes every output
file name built from such text; ``inside`` is how every writer turns folder +
name into the path it writes, refusing anything that would land elsewhere.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

MAX_NAME_BYTES = 200  # ext4 and NTFS allow 255; leave room for a backup suffix
MAX_PART_BYTES = 80  # each part is cut first, so a long name cannot push the date out
# Characters no file name gets: separators, what Windows forbids, bidi controls.
_FORBIDDEN = re.compile(r'[/\\:*?"<>|\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]')
_DOTS = re.compile(r"\.{2,}")
_SPACE = re.compile(r"\s+")
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{n}" for n in range(10)),
             *(f"LPT{n}" for n in range(10))}


class UnsafePath(ValueError):
    """A path that would not stay inside the folder it was meant for."""


def _clean(part: str) -> str:
    text = unicodedata.normalize("NFC", str(part))
    text = "".join(c for c in text if unicodedata.category(c) != "Cc" or c.isspace())
    text = _FORBIDDEN.sub("_", text)
    text = _SPACE.sub(" ", text)
    text = _DOTS.sub(".", text)
    return text.strip(" ._")


def _cut(text: str, limit: int) -> str:
    encoded = text.encode("utf-8")
    if len(encoded) <= limit:
        return text
    return encoded[:limit].decode("utf-8", errors="ignore").rstrip(" ._")


def file_name(*parts: str, suffix: str, fallback: str = "export") -> str:
    """``parts`` joined by ``_`` into one safe name ending in ``suffix`` (e.g. ``.pdf``):
    no separators, no ``..``, no control characters, each part at most MAX_PART_BYTES and
    the whole at most MAX_NAME_BYTES bytes of UTF-8."""
    ending = "." + _clean(suffix.lstrip(".")) if suffix.strip(". ") else ""
    stem = "_".join(cleaned for part in parts
                    if (cleaned := _cut(_clean(part), MAX_PART_BYTES))) or fallback
    if stem.split(".")[0].upper() in _RESERVED:
        stem = "_" + stem
    return _cut(stem, MAX_NAME_BYTES - len(ending.encode("utf-8"))) + ending


def inside(folder: Path, name: str) -> Path:
    """``folder / name`` resolved; UnsafePath when it would be anywhere but directly in
    ``folder`` (a separator or ``..`` in ``name``, or a symbolic link pointing out)."""
    base = Path(folder).resolve()
    target = (base / name).resolve()
    if target.parent != base or name in ("", ".", ".."):
        raise UnsafePath(f"refused to write {name!r}: it would not be inside {base}")
    return target
