"""The installed package is the whole program: every package folder and every resource.

pyproject.toml lists packages by hand (``resources/`` is installed as
``desktop.resources``), so a new package folder that is not listed works in
the editable checkout and is missing from a wheel or a frozen build.
"""

from __future__ import annotations

import importlib.metadata
import shutil
import subprocess
import sys
import tomllib
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
SETUPTOOLS = PYPROJECT["tool"]["setuptools"]
LISTED = set(SETUPTOOLS["packages"])
IGNORED_PARTS = {"__pycache__"}


def _package_folder(package: str) -> Path:
    """Where a listed package's files are, following [tool.setuptools.package-dir]."""
    mapping: dict[str, str] = SETUPTOOLS.get("package-dir", {})
    for prefix in sorted(mapping, key=len, reverse=True):
        if package == prefix or package.startswith(prefix + "."):
            rest = package[len(prefix):].lstrip(".").split(".")
            return ROOT / mapping[prefix] / Path(*filter(None, rest))
    return ROOT / Path(*package.split("."))


def _source_files(folder: Path) -> list[Path]:
    return sorted(
        path for path in folder.rglob("*")
        if path.is_file() and not IGNORED_PARTS & set(path.parts) and path.suffix != ".pyc"
    )


def test_every_package_folder_under_desktop_is_listed() -> None:
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "desktop").rglob("__init__.py")
        if not IGNORED_PARTS & set(init.parts)
    }
    missing = sorted(found - LISTED)
    assert not missing, f"add to [tool.setuptools] packages in pyproject.toml: {missing}"


def test_every_listed_package_exists() -> None:
    absent = sorted(p for p in LISTED if not (_package_folder(p) / "__init__.py").is_file())
    assert not absent, f"listed in pyproject.toml but without an __init__.py: {absent}"


def _build_requirements_met() -> bool:
    for line in PYPROJECT["build-system"]["requires"]:
        requirement = Requirement(line)
        try:
            version = importlib.metadata.version(requirement.name)
        except importlib.metadata.PackageNotFoundError:
            return False
        if not requirement.specifier.contains(version, prereleases=True):
            return False
    return True


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Iterator[zipfile.ZipFile]:
    """A wheel built from a copy of the tree (the build leaves build/ and egg-info behind)."""
    source = tmp_path_factory.mktemp("source")
    shutil.copy2(ROOT / "pyproject.toml", source)
    if (ROOT / "README.md").exists():
        shutil.copy2(ROOT / "README.md", source)
    for folder in {"desktop", *SETUPTOOLS.get("package-dir", {}).values()}:
        shutil.copytree(ROOT / folder, source / folder,
                        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    out = tmp_path_factory.mktemp("wheel")
    # setup.sh installs the build back-end into the venv; elsewhere pip fetches it.
    isolation = ["--no-build-isolation"] if _build_requirements_met() else []
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--disable-pip-version-check",
         *isolation, str(source), "-w", str(out)],
        capture_output=True, text=True, timeout=300, check=False,
    )
    assert build.returncode == 0, f"pip wheel failed:\n{build.stdout[-3000:]}{build.stderr[-3000:]}"
    (built,) = out.glob("street_duty_room-*.whl")
    archive = zipfile.ZipFile(built)
    yield archive
    archive.close()


def test_wheel_carries_every_python_module(wheel: zipfile.ZipFile) -> None:
    names = set(wheel.namelist())
    expected = {
        path.relative_to(ROOT).as_posix() for path in _source_files(ROOT / "desktop")
        if path.suffix == ".py"
    }
    missing = sorted(expected - names)
    assert not missing, f"modules missing from the wheel: {missing}"


def test_wheel_carries_every_resource_as_desktop_resources(wheel: zipfile.ZipFile) -> None:
    names = set(wheel.namelist())
    assert "desktop/resources/__init__.py" in names
    expected = {
        "desktop/resources/" + path.relative_to(ROOT / "resources").as_posix()
        for path in _source_files(ROOT / "resources")
    }
    missing = sorted(expected - names)
    assert not missing, f"resources missing from the wheel: {missing}"


def test_wheel_declares_the_dutyroom_command(wheel: zipfile.ZipFile) -> None:
    (entry_points,) = [n for n in wheel.namelist() if n.endswith(".dist-info/entry_points.txt")]
    text = wheel.read(entry_points).decode()
    assert "dutyroom = desktop.cli:main" in text


def test_version_is_the_same_in_pyproject_and_the_package():
    import tomllib

    import desktop

    project = tomllib.loads((Path(__file__).resolve().parents[1] / "pyproject.toml").read_text())
    assert desktop.__version__ == project["project"]["version"]
