"""Cell values to typed values, or ``Bad`` in both languages.

Cells arrive as text (CSV), as Excel values (numbers, dates) or as JSON
values (GeoJSON properties); every parser accepts all three. Limits follow
the replica's column sizes, so nothing reaches the database that a stricter
server (PostgreSQL) would refuse.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections.abc import Callable
from typing import Any

from desktop.models.importing.enums import fold
from desktop.models.importing.issues import Bad

Parser = Callable[[Any, dt.tzinfo], Any]

EXCEL_ERRORS = {"#N/A", "#VALUE!", "#REF!", "#DIV/0!", "#NUM!", "#NAME?", "#NULL!"}
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
_TRUE = {fold(w) for w in ("1", "true", "yes", "y", "是", "有", "√", "✓", "党员", "中共党员",
                           "中共预备党员", "在岗", "启用")}
_FALSE = {fold(w) for w in ("0", "false", "no", "n", "否", "无", "×", "群众", "非党员", "离岗",
                            "停用", "共青团员")}


def blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _text_of(value: Any) -> str:
    """A cell as text; integral Excel numbers lose their '.0'."""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        if not math.isfinite(value):
            raise Bad("不是有限数值", "not a finite number")
        if value.is_integer() and abs(value) < 2**53:
            return str(int(value))
        return repr(value)
    if isinstance(value, int | str):
        text = str(value).strip().replace("\u3000", " ")
        if text in EXCEL_ERRORS:
            raise Bad(f"Excel 错误值 {text}", f"Excel error value {text}")
        return text
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    raise Bad(f"应为文字，实为 {type(value).__name__}",
              f"expected text, got {type(value).__name__}")


def text(max_length: int) -> Parser:
    def parse(value: Any, _tz: dt.tzinfo) -> str:
        result = _text_of(value)
        if len(result) > max_length:
            raise Bad(f"过长：{len(result)} 字，最多 {max_length} 字",
                      f"too long: {len(result)} characters, at most {max_length}")
        if any(ord(ch) < 32 and ch not in "\t\n\r" for ch in result):
            raise Bad("含有控制字符", "contains control characters")
        return result
    return parse


def code(max_length: int = 40) -> Parser:
    """Identifiers: no spaces inside, at most ``max_length`` characters."""
    as_text = text(max_length)

    def parse(value: Any, tz: dt.tzinfo) -> str:
        if isinstance(value, float) and (not value.is_integer() or abs(value) >= 2**53):
            raise Bad("编码被 Excel 转成了数值（位数丢失）：请把该列设为文本格式",
                      "Excel turned the code into a number (digits lost): "
                      "format the column as text")
        result = str(as_text(value, tz))
        if re.search(r"\s", result):
            raise Bad("编码中不能有空格", "codes cannot contain spaces")
        return result
    return parse


def _number(value: Any) -> float:
    if isinstance(value, bool):
        raise Bad("应为数值，实为是/否", "expected a number, got true/false")
    if isinstance(value, int | float):
        number = float(value)
    else:
        raw = _text_of(value).replace(",", "").replace("，", "")
        try:
            number = float(raw)
        except ValueError:
            raise Bad(f"“{raw[:40]}”不是数值", f"{raw[:40]!r} is not a number") from None
    if not math.isfinite(number):
        raise Bad("不是有限数值", "not a finite number")
    return number


def number(low: float, high: float) -> Parser:
    def parse(value: Any, _tz: dt.tzinfo) -> float:
        result = _number(value)
        if not low <= result <= high:
            raise Bad(f"数值 {result:g} 超出范围 {low:g}–{high:g}",
                      f"value {result:g} outside {low:g}–{high:g}")
        return result
    return parse


def integer(low: int, high: int) -> Parser:
    def parse(value: Any, _tz: dt.tzinfo) -> int:
        result = _number(value)
        if not result.is_integer():
            raise Bad(f"应为整数：{result:g}", f"expected a whole number: {result:g}")
        if not low <= result <= high:
            raise Bad(f"数值 {result:g} 超出范围 {low}–{high}",
                      f"value {result:g} outside {low}–{high}")
        return int(result)
    return parse


def boolean(value: Any, _tz: dt.tzinfo) -> bool:
    if isinstance(value, bool):
        return value
    word = fold(_text_of(value))
    if word in _TRUE:
        return True
    if word in _FALSE:
        return False
    raise Bad(f"“{word[:20]}”不是 是/否", f"{word[:20]!r} is not yes/no")


class Choice:
    """A coded value; ``labels`` (code → Chinese, the words our exports write) make the
    Chinese message list words and let an import report show a change as staff wrote it."""

    def __init__(self, table: dict[str, str], what_zh: str, what_en: str,
                 labels: dict[str, str] | None = None) -> None:
        self.table, self.what_zh, self.what_en = table, what_zh, what_en
        self.labels = labels or {}

    def __call__(self, value: Any, _tz: dt.tzinfo) -> str:
        raw = _text_of(value)
        found = self.table.get(fold(raw))
        if found is None:
            codes = sorted(set(self.table.values()))
            words = "、".join(self.labels.get(c, c) for c in codes)
            raise Bad(f"未知的{self.what_zh}“{raw[:40]}”（可用：{words}）",
                      f"unknown {self.what_en} {raw[:40]!r} (allowed: {', '.join(codes)})")
        return found


def choice(table: dict[str, str], what_zh: str, what_en: str,
           labels: dict[str, str] | None = None) -> Parser:
    return Choice(table, what_zh, what_en, labels)


_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_COMPACT_DATE = re.compile(r"(\d{4})(\d{2})(\d{2})$")
# 2026-11-23 10:05, 2026/11/23 9:05:03, 2026年11月23日10时05分, 2026-11-23T10:05:03.5+08:00
_TIME = re.compile(
    r"(\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2})\s*(?:日\s*|[\sT]\s*)"
    r"(\d{1,2})\s*[:：时]\s*(\d{2})(?:\s*[:：分]\s*(\d{2})(?:\.(\d{1,6}))?\s*秒?|\s*分)?"
    r"\s*(Z|[+-]\d{2}:?\d{2})?$")
# A date cell whose format was lost (or a General-format CSV cell) arrives as Excel's serial
# day number; only numbers from 1950 to 2199 are taken as days, so a year or a count is not.
EXCEL_EPOCH = dt.datetime(1899, 12, 30)
SERIAL_DAYS = (18_264.0, 109_575.0)
_SERIAL = re.compile(r"\d{5}(?:\.\d+)?$")


def excel_serial(value: Any) -> dt.datetime | None:
    """The naive moment an Excel/WPS serial day number stands for (to the millisecond, as
    Excel keeps it), or None when ``value`` is not such a number."""
    if isinstance(value, bool):
        return None
    if not (isinstance(value, int | float)
            or (isinstance(value, str) and _SERIAL.match(value.strip()))):
        return None
    days = float(value)
    if not math.isfinite(days) or not SERIAL_DAYS[0] <= days < SERIAL_DAYS[1]:
        return None
    return EXCEL_EPOCH + dt.timedelta(milliseconds=round(days * 86_400_000))


def _date_from_text(raw: str) -> dt.date:
    match = _DATE.match(raw) or _COMPACT_DATE.match(raw)
    if not match:
        raise Bad(f"“{raw[:30]}”不是日期（例：2026-11-23）",
                  f"{raw[:30]!r} is not a date (e.g. 2026-11-23)")
    try:
        return dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        raise Bad(f"日期不存在：{raw[:30]}", f"no such date: {raw[:30]}") from None


def date(value: Any, _tz: dt.tzinfo) -> dt.date:
    value = excel_serial(value) or value
    if isinstance(value, dt.datetime):
        if value.time() != dt.time():
            raise Bad("应为日期，不含时间", "expected a date without a time")
        return value.date()
    if isinstance(value, dt.date):
        return value
    result = _date_from_text(_text_of(value))
    if not 1900 <= result.year <= 2200:
        raise Bad(f"年份 {result.year} 不合理", f"implausible year {result.year}")
    return result


def moment(value: Any, tz: dt.tzinfo) -> dt.datetime:
    """A point in time; naive times are the duty room's local time."""
    value = excel_serial(value) or value
    if isinstance(value, dt.datetime):
        result = value
    elif isinstance(value, dt.date):
        result = dt.datetime.combine(value, dt.time())
    else:
        raw = _text_of(value)
        match = _TIME.match(raw)
        if match:
            day = _date_from_text(match[1])
            micro = int((match[5] or "0").ljust(6, "0"))
            try:
                result = dt.datetime(day.year, day.month, day.day, int(match[2]), int(match[3]),
                                     int(match[4] or 0), micro)
            except ValueError:
                raise Bad(f"时间不存在：{raw[:40]}", f"no such time: {raw[:40]}") from None
            zone = match[6]
            if zone:
                result = dt.datetime.fromisoformat(
                    result.isoformat() + ("+00:00" if zone == "Z" else zone))
        else:
            result = dt.datetime.combine(_date_from_text(raw), dt.time())
    if not 1900 <= result.year <= 2200:
        raise Bad(f"年份 {result.year} 不合理", f"implausible year {result.year}")
    if result.tzinfo is None:
        result = result.replace(tzinfo=tz)
    return result.astimezone(dt.UTC)


def phone(value: Any, _tz: dt.tzinfo) -> str:
    raw = _text_of(value)
    digits = re.sub(r"[\s\-()（）+]", "", raw)
    if digits.startswith("86") and len(digits) == 13:
        digits = digits[2:]
    if "*" in raw:
        raise Bad("电话号码是脱敏后的（含 *）：导入需要完整号码",
                  "the phone number is masked (has *): imports need the full number")
    if not digits.isdigit() or not 7 <= len(digits) <= 20:
        raise Bad(f"“{raw[:30]}”不是电话号码", f"{raw[:30]!r} is not a phone number")
    if len(digits) == 11 and digits.startswith("1"):
        return digits
    if digits.startswith("1") and len(digits) != 11:
        raise Bad(f"手机号应为 11 位：{raw[:30]}", f"a mobile number has 11 digits: {raw[:30]}")
    return raw[:20]


def id_number(value: Any, _tz: dt.tzinfo) -> str:
    """Resident ID (GB 11643): 18 characters with a valid check digit, or a legacy 15 digits."""
    if isinstance(value, float | int) and not isinstance(value, bool) and abs(value) >= 2**53:
        raise Bad("身份证号被 Excel 转成了数值（末几位丢失）：请把该列设为文本格式",
                  "Excel turned the ID number into a number (last digits lost): "
                  "format the column as text")
    raw = _text_of(value).upper()
    if "*" in raw:
        raise Bad("身份证号是脱敏后的（含 *）：导入需要完整号码",
                  "the ID number is masked (has *): imports need the full number")
    if re.fullmatch(r"\d{15}", raw):
        return raw
    if not re.fullmatch(r"\d{17}[\dX]", raw):
        raise Bad("身份证号应为 18 位（最后一位可为 X）", "an ID number has 18 characters "
                  "(the last may be X)")
    if _ID_CHECK[sum(int(d) * w for d, w in zip(raw[:17], _ID_WEIGHTS, strict=True)) % 11] \
            != raw[17]:
        raise Bad("身份证号校验位不对", "the ID number's check digit is wrong")
    try:
        dt.date(int(raw[6:10]), int(raw[10:12]), int(raw[12:14]))
    except ValueError:
        raise Bad("身份证号中的出生日期不存在", "the birth date in the ID number does not exist") \
            from None
    return raw


def person_name(value: Any, tz: dt.tzinfo) -> str:
    result = str(text(60)(value, tz))
    if "*" in result:
        raise Bad("姓名是脱敏后的（含 *）：导入需要完整姓名",
                  "the name is masked (has *): imports need the full name")
    return result


def json_object(value: Any, _tz: dt.tzinfo) -> dict[str, Any]:
    if isinstance(value, dict):
        return value
    raw = _text_of(value)
    try:
        result = json.loads(raw)
    except (ValueError, RecursionError):
        raise Bad("不是 JSON 对象（例：{\"key\": 1}）", "not a JSON object (e.g. {\"key\": 1})") \
            from None
    if not isinstance(result, dict):
        raise Bad("不是 JSON 对象（例：{\"key\": 1}）", "not a JSON object (e.g. {\"key\": 1})")
    return result


def word_list(value: Any, _tz: dt.tzinfo) -> list[str]:
    if isinstance(value, list):
        if not all(isinstance(item, str) for item in value):
            raise Bad("列表中只能有文字", "the list may hold only text")
        return [item.strip() for item in value if item.strip()]
    return [part for part in re.split(r"[,，;；、/|\s]+", _text_of(value)) if part]
