"""A last check that no personal data reaches the page unmasked.

The queries mask personal fields (desktop.models.masking, an allowlist for
sensitive layers); the page must still never hold a full name, an 11-digit
mobile number or an 18-character ID number, even if a feature reaches the map
unmasked (a hand-made situation, a query that missed a key). So the map masks
a sensitive feature's tooltip fields with the same allowlist once more (what
it does not name is withheld), keeps names it masks idempotent, and masks
numbers shaped like phones or ID numbers wherever they appear. Pure functions,
no Qt.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from desktop.models import masking

_PHONE = re.compile(r"(?<!\d)(1[3-9]\d)[\s-]?(\d{4})[\s-]?(\d{4})(?!\d)")
_ID_NUMBER = re.compile(r"(?<![0-9A-Za-z])(\d{6})(\d{8})(\d{3}[\dXx])(?![0-9A-Za-z])")


def mask_numbers(text: str) -> str:
    """Mobile numbers → 138****1234, ID numbers → 420606********123X, anywhere in ``text``."""
    if sum(c.isdigit() for c in text) < 11:
        return text
    text = _ID_NUMBER.sub(lambda m: m.group(1) + "*" * 8 + m.group(3), text)
    return _PHONE.sub(lambda m: f"{m.group(1)}****{m.group(3)}", text)


def mask_name_once(name: str) -> str:
    """A name masked as the models mask it, unless it already is (张*, 张*三)."""
    return name if "*" in name else masking.mask_name(name)


def shown_fields(properties: Mapping[str, Any], keys: Iterable[str]) -> list[tuple[str, str]]:
    """(key, text) of a sensitive feature's tooltip fields as the page may show them.

    Values already masked stay as they are (masking a masked name or phone again
    would only hide more); the allowlist drops what it does not name.
    """
    wanted = {k: properties[k] for k in keys if properties.get(k) is not None}
    raw = {k: v for k, v in wanted.items() if "*" not in str(v)}
    masked = {**{k: v for k, v in wanted.items() if k not in raw},
              **masking.mask_properties(raw)}
    return [(k, mask_numbers(str(masked[k]))) for k in wanted if k in masked]
