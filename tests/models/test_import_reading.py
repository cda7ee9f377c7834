"""Reading files as staff make them: encodings, title rows, header aliases, coded words."""

from __future__ import annotations

import codecs
import datetime as dt

import pytest

from desktop.models.importing import enums
from desktop.models.importing.encoding import decode
from desktop.models.importing.issues import Bad
from desktop.models.importing.parsers import date, id_number, moment, phone
from desktop.models.importing.sources import read_csv

SHANGHAI = dt.timezone(dt.timedelta(hours=8))
TEXT = "姓名,联系电话\r\n张三,13812341234\r\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030", "utf-16"])
def test_encodings_exported_in_china_decode(encoding):
    data = TEXT.encode(encoding)
    assert decode(data).text.replace("\ufeff", "") == TEXT


def test_a_damaged_line_in_a_utf8_file_is_named_with_its_cell():
    data = "姓名,单位,电话\n张三,应急办,1\n李四,".encode() + b"\xd5\xc5" + "办,2\n".encode()
    sheet = read_csv(data)
    assert sheet.encoding == "utf-8"
    assert sheet.damaged == {3: 1}


def test_title_rows_above_the_header_are_skipped(demo_replica):
    from desktop.models.importing import ImportOptions, Source, import_sources
    from desktop.models.replica import open_writer

    data = ("七里河街道应急队伍花名册,,,\r\n填表日期：2026年11月,,,\r\n"
            "*姓名,人员编号,手机号码,人员类别\r\n王五,T-9,13900001111,志愿者\r\n")
    result = import_sources(open_writer(demo_replica), [Source("花名册.csv", data.encode())],
                            ImportOptions(dry_run=True))
    assert result.exit_code == 0, [i.line() for i in result.errors]
    assert result.files[0].kind == "people" and result.counts["people"].inserted == 1


@pytest.mark.parametrize(("word", "level"), [
    ("1", 1), ("IV", 4), ("Ⅳ级", 4), ("一般", 4), ("一般（IV级）", 4), ("较大 III", 3),
    ("特别重大", 1), ("重大", 2), ("II级", 2), ("V", None), ("一般 III", None)])
def test_severity_words(word, level):
    assert enums.severity(word) == level


def test_dates_and_times_in_the_forms_offices_write():
    assert date("2026/11/3", SHANGHAI) == dt.date(2026, 11, 3)
    assert date("2026年11月3日", SHANGHAI) == dt.date(2026, 11, 3)
    assert date(dt.datetime(2026, 11, 3), SHANGHAI) == dt.date(2026, 11, 3)
    local = moment("2026-11-23 10:00", SHANGHAI)
    assert local == dt.datetime(2026, 11, 23, 2, 0, tzinfo=dt.UTC)
    assert moment("2026-11-23T02:00:00Z", SHANGHAI) == local
    with pytest.raises(Bad):
        date("2026-02-30", SHANGHAI)


def test_excel_damage_is_explained():
    with pytest.raises(Bad, match="Excel"):
        id_number(4.20606198503279e17, SHANGHAI)
    assert phone(13812341234.0, SHANGHAI) == "13812341234"
    with pytest.raises(Bad, match="masked"):
        phone("138****1234", SHANGHAI)


def test_bom_is_not_part_of_the_first_header():
    sheet = read_csv(codecs.BOM_UTF8 + TEXT.encode())
    assert sheet.rows[0][1][0] == "姓名"
