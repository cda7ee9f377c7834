"""De-identification for screens and paper (PIPL; DOMAIN "Personal information").

Masking is the default everywhere. Revealing one record is a separate,
recorded act done elsewhere; nothing here unmasks.
"""

from __future__ import annotations

import re
from typing import Any

_DIGITS = re.compile(r"\D")

# Sensitive features (vulnerable people, minors) keep only what an allowlist
# names: everything else is withheld until one record is revealed on purpose.
# Names, phones and ID numbers are recognised by their keys and masked.
NAME_KEYS = frozenset({"name", "guardian", "contact", "contact_person", "姓名", "监护人",
                       "联系人"})
KEPT_KEYS = frozenset({"gender", "age", "性别", "年龄"})
ADDRESS_KEYS = frozenset({"address", "住址", "地址"})
_BUILDING = re.compile(r"^(.*?\d+\s*[栋幢号楼])")


def _is_name_key(key: str) -> bool:
    return key in NAME_KEYS or key.endswith(("_name", "_person")) or key.endswith("姓名")


def _is_phone_key(key: str) -> bool:
    return "phone" in key or "电话" in key or "手机" in key


def _is_id_key(key: str) -> bool:
    return "id_number" in key or "身份证" in key


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


def mask_address(address: str | None) -> str:
    """Down to the building (锦绣雅居6栋), never the unit or the flat."""
    if not address:
        return ""
    found = _BUILDING.match(address.strip())
    return found.group(1) if found else "***"


def mask_properties(properties: dict[str, Any]) -> dict[str, Any]:
    """A sensitive feature's properties as any screen or paper may show them by default."""
    masked: dict[str, Any] = {}
    for key, value in properties.items():
        if value is None:
            continue
        if _is_phone_key(key):
            masked[key] = mask_phone(str(value))
        elif _is_id_key(key):
            masked[key] = mask_id_number(str(value))
        elif _is_name_key(key):
            masked[key] = mask_name(str(value))
        elif key in ADDRESS_KEYS:
            masked[key] = mask_address(str(value))
        elif key in KEPT_KEYS:
            masked[key] = value
        # anything else (health, disability, notes, school, risk…) is withheld
    return masked
