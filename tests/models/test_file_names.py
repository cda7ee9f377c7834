"""Output file names made from data stay one plain name, and writers stay in their folder."""

from __future__ import annotations

import os

import pytest

from desktop.models.file_names import MAX_NAME_BYTES, UnsafePath, file_name, inside


@pytest.mark.parametrize("hostile", [
    "../../../x/PWNED", "..", "a/../../b", "..\\..\\windows\\system32", "C:\\boot.ini",
    "站\x00点", "换\n行\r\t名", "\u202egpj.exe", "<script>", "CON", "nul.txt", "...",
    "七" * 300, "🚒" * 300, "",
])
def test_a_name_from_data_is_one_safe_name(tmp_path, hostile):
    name = file_name("六有检查表", hostile, "20261123", suffix=".pdf")
    assert name.endswith(".pdf") and name.startswith("六有检查表")
    assert not {"/", "\\", "\x00", "\n", "\r", "\t", "\u202e", "<", ">", ":"} & set(name)
    assert ".." not in name
    assert len(name.encode("utf-8")) <= MAX_NAME_BYTES
    assert name.endswith("_20261123.pdf")
    assert inside(tmp_path, name).parent == tmp_path.resolve()
    (tmp_path / name).write_bytes(b"%PDF")  # the file system takes it as one file
    assert os.listdir(tmp_path) == [name]


def test_long_names_are_cut_on_a_character_boundary_and_keep_their_suffix():
    name = file_name("七" * 300, suffix=".csv")
    assert name.endswith(".csv") and set(name[:-4]) == {"七"}
    assert len(name.encode("utf-8")) <= MAX_NAME_BYTES
    assert file_name("", "../", suffix=".pdf") == "export.pdf"
    assert file_name("CON", suffix=".pdf") == "_CON.pdf"


@pytest.mark.parametrize("name", ["../out.pdf", "a/b.pdf", "..", "", "/etc/passwd"])
def test_inside_refuses_what_would_land_elsewhere(tmp_path, name):
    with pytest.raises(UnsafePath):
        inside(tmp_path, name)


def test_inside_refuses_a_link_that_points_out(tmp_path):
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "sheet.pdf").symlink_to(tmp_path / "elsewhere.pdf")
    with pytest.raises(UnsafePath):
        inside(tmp_path / "out", "sheet.pdf")
