"""Text encodings of CSV files exported in China, decided deterministically.

Excel and WPS write "CSV UTF-8" (UTF-8 with a BOM), plain "CSV" in the
Windows ANSI code page (GBK on Chinese Windows), and "Unicode text" (UTF-16
with a BOM). GB18030 is a superset of GBK and GB2312, so two decoders cover
them all: UTF-8 (BOM or not), else GB18030. Statistical detectors
(charset-normalizer, chardet) guess from byte frequencies and mis-guess short
files of a few Chinese names; a fixed order gives the same answer every time
and lets the report name the exact line whose bytes are broken.

A file is taken as UTF-8 with damaged lines when at least as many of its
non-ASCII lines decode as UTF-8 as do not (a GBK line of several Chinese
characters is almost never valid UTF-8); otherwise as GB18030.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    # 0-based physical line → byte offset of the first undecodable byte in that line
    bad_lines: dict[int, int] = field(default_factory=dict)


def _first_error(line: bytes, encoding: str) -> int | None:
    try:
        line.decode(encoding)
    except UnicodeDecodeError as error:
        return error.start
    return None


def _by_line(lines: list[bytes], encoding: str) -> Decoded:
    bad: dict[int, int] = {}
    parts = []
    for index, line in enumerate(lines):
        offset = _first_error(line, encoding)
        if offset is not None:
            bad[index] = offset
        parts.append(line.decode(encoding, errors="replace"))
    return Decoded("\n".join(parts), encoding, bad)


def decode(data: bytes) -> Decoded:
    if data.startswith(codecs.BOM_UTF8):
        return _by_line(data[len(codecs.BOM_UTF8):].split(b"\n"), "utf-8")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return Decoded(data.decode("utf-16", errors="replace"), "utf-16")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    lines = data.split(b"\n")  # neither UTF-8 nor GB18030 ever uses 0x0A inside a character
    valid = invalid = 0
    for line in lines:
        if line.isascii():
            continue
        if _first_error(line, "utf-8") is None:
            valid += 1
        else:
            invalid += 1
    if valid and valid >= invalid:
        return _by_line(lines, "utf-8")
    try:
        return Decoded(data.decode("gb18030"), "gb18030")
    except UnicodeDecodeError:
        return _by_line(lines, "gb18030")
