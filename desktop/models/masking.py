"""De-identification for screens and paper (PIPL; DOMAIN "Personal information").

Masking is the default everywhere. Revealing one record is a separate,
recorded act done elsewhere; nothing here unmasks.
"""

from __future__ import annotations

import re
from typing import Any

_DIGITS = re.compile(r"\D")

# Property keys in feature rows that hold personal data, masked by kind.
NAME_KEYS = frozenset({"name", "guardian", "contact", "姓名", "监护人", "联系人"})
PHONE_KEYS = frozenset({"phone", "guardian_phone", "contact_phone", "联系电话", "电话", "手机"})
ID_KEYS = frozenset({"id_number", "身份证号"})
# Withheld entirely from masked views (health status, disability detail).
WITHHELD_KEYS = frozenset({"condition", "health", "disability", "健康状况", "残疾类别"})


def mask_name(name: str | None) -> str:
    """张三 → 张*, 张小三 → 张*三, 欧阳小明 → 欧**明."""
    if not name:
        return ""
    name = name.strip()
    if len(name) <= 1:
        return name
    if len(name) == 2:
        return name[0] + "*"
    return name[0] + "*" * (len(name) - 2) + name[-1]


def mask_phone(phone: str | None) -> str:
    """Mobile 13812341234 → 138****1234; landlines and others keep only the last 4 digits."""
    if not phone:
        return ""
    digits = _DIGITS.sub("", phone)
    if len(digits) == 11 and digits.startswith("1"):
        return f"{digits[:3]}****{digits[-4:]}"
    if len(digits) <= 4:
        return "*" * len(digits)
    return "*" * (len(digits) - 4) + digits[-4:]


def mask_id_number(number: str | None) -> str:
    """Resident ID: first 6 + last 4 kept (420606********123X)."""
    if not number:
        return ""
    number = number.strip()
    if len(number) < 10:
        return "*" * len(number)
    return number[:6] + "*" * (len(number) - 10) + number[-4:]


def mask_properties(properties: dict[str, Any]) -> dict[str, Any]:
    """A copy of a sensitive feature's properties with personal fields masked or withheld."""
    masked: dict[str, Any] = {}
    for key, value in properties.items():
        if key in WITHHELD_KEYS:
            continue
        if key in NAME_KEYS and isinstance(value, str):
            masked[key] = mask_name(value)
        elif key in PHONE_KEYS and isinstance(value, str):
            masked[key] = mask_phone(value)
        elif key in ID_KEYS and isinstance(value, str):
            masked[key] = mask_id_number(value)
        else:
            masked[key] = value
    return masked
