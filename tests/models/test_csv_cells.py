"""The one CSV cell rule: text a spreadsheet would run is guarded, and restored exactly."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from desktop.models.csv_cells import neutralise, restore
from desktop.models.importing.issues import Issue, report_csv


def test_formula_text_gets_an_apostrophe_and_other_values_are_untouched():
    for text in ("=HYPERLINK(\"http://x\")", "+cmd|' /C calc'!A0", "-1+1", "@SUM(A1)",
                 "\t=1", "\r=1"):
        assert neutralise(text) == "'" + text
    for value in ("长安花园驿站", "", "a=b", " =1", "'quoted", -1, -2.5, 0,
                  dt.date(2026, 1, 1), None):
        assert neutralise(value) == value


@given(st.text(alphabet=st.sampled_from(["'", "=", "+", "-", "@", "\t", "\r", "a", "站", " "]),
               max_size=6))
def test_restore_gives_back_exactly_what_was_neutralised(text):
    written = neutralise(text)
    assert restore(written) == text
    assert written.lstrip("'")[:1] not in ("=", "+", "-", "@", "\t", "\r") or \
        written.startswith("'")


def test_the_import_report_csv_is_guarded_too():
    report = report_csv([Issue("=cmd|' /C calc'!A0.csv", 3, "@列", "-问题", "+problem", "error")])
    row = report.splitlines()[1]
    assert row.startswith("error,'=cmd") and ",'@列," in row and ",'-问题,'+problem" in row
