"""Every user-visible string is translatable, and translated into Simplified Chinese."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "dutyroom_zh_CN.ts"
TS_FILES = [TS, ROOT / "resources" / "translations" / "dutyroom_en.ts"]
SOURCES = sorted((ROOT / "desktop").rglob("*.py"))
# Widget calls whose string argument a user reads.
TEXT_CALLS = {"setText", "setToolTip", "setWindowTitle", "setPlaceholderText", "QLabel",
              "plain_label", "show_data",
              "QPushButton", "QCheckBox", "QGroupBox", "addTab", "setTitle", "QAction"}
MESSAGE_BOX_CALLS = {"information", "warning", "critical", "question"}


def _tool(name: str) -> str:
    local = Path(sys.executable).with_name(name)
    found = str(local) if local.exists() else shutil.which(name)
    if not found:
        pytest.fail(f"{name} not found: PySide6 ships it")
    return found


def _messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    tree = ET.parse(path)
    return {
        (context.findtext("name") or "", message.findtext("source") or ""): message
        for context in tree.getroot().iter("context")
        for message in context.iter("message")
    }


def _translated(translation: ET.Element | None) -> bool:
    if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete"):
        return False
    forms = [form.text for form in translation.iter("numerusform")]
    return bool((translation.text or "").strip() or any(forms))


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda path: path.stem)
def test_every_tr_string_has_a_translation(tmp_path, ts):
    fresh = tmp_path / "fresh.ts"
    subprocess.run([_tool("pyside6-lupdate"), *map(str, SOURCES), "-ts", str(fresh)],
                   check=True, capture_output=True, timeout=120)
    extracted = _messages(fresh)
    assert len(extracted) > 30, "lupdate found almost no strings: is tr() used?"
    committed = _messages(ts)
    missing = []
    for key in extracted:
        message = committed.get(key)
        translation = message.find("translation") if message is not None else None
        if not _translated(translation):
            missing.append(key)
    assert not missing, f"untranslated strings (run lupdate, then translate): {missing}"


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda path: path.stem)
def test_translation_compiles(tmp_path, ts):
    out = tmp_path / "out.qm"
    subprocess.run([_tool("pyside6-lrelease"), str(ts), "-qm", str(out)], check=True,
                   capture_output=True, timeout=60)
    assert out.stat().st_size > 1000


def _literal_text_calls(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(
            node.func, "id", "")
        owner = getattr(getattr(node.func, "value", None), "id", "")
        if name not in TEXT_CALLS and not (name in MESSAGE_BOX_CALLS and owner == "QMessageBox"):
            continue
        for argument in node.args:
            if (isinstance(argument, ast.Constant) and isinstance(argument.value, str)
                    and any(ch.isalpha() for ch in argument.value)):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno} {argument.value!r}")
    return found


def test_no_widget_text_bypasses_tr():
    offenders = [hit for path in SOURCES if "views" in path.parts or path.name == "app.py"
                 for hit in _literal_text_calls(path)]
    assert not offenders, offenders


def _tr_inside_f_strings(path: Path) -> list[str]:
    """lupdate cannot see tr() inside an f-string: such text would never be translated."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.JoinedStr):
            continue
        for inner in ast.walk(node):
            if isinstance(inner, ast.Call) and getattr(inner.func, "attr", "") in (
                    "tr", "translate"):
                found.append(f"{path.relative_to(ROOT)}:{inner.lineno}")
    return found


def test_no_tr_call_hides_inside_an_f_string():
    offenders = [hit for path in SOURCES for hit in _tr_inside_f_strings(path)]
    assert not offenders, offenders


def test_english_plurals_come_from_the_english_translation(qapp):
    from PySide6.QtCore import QCoreApplication, QTranslator

    compiled = ROOT / "resources" / "translations" / "dutyroom_en.qm"
    subprocess.run([_tool("pyside6-lrelease"), str(TS_FILES[1]), "-qm", str(compiled)],
                   check=True, capture_output=True, timeout=60)
    translator = QTranslator()
    assert translator.load(str(compiled))
    QCoreApplication.installTranslator(translator)
    try:
        one = QCoreApplication.translate("Header", "Data problems: %n", "", 1)
        two = QCoreApplication.translate("Header", "Data problems: %n", "", 2)
    finally:
        QCoreApplication.removeTranslator(translator)
    assert (one, two) == ("Data problem: 1", "Data problems: 2")
