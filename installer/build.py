"""Build the self-contained one-folder dashboard with PyInstaller.

    python installer/build.py [--dist DIR]      (Linux here; the same on Windows)

Compiles the translations first (they ship compiled), then freezes
installer/dutyroom.spec into DIR/dutyroom/ (default: dist/). The folder runs
anywhere with the system libraries Qt needs (see setup.sh's package lists).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _tool(name: str) -> str:
    beside = Path(sys.executable).with_name(name + (".exe" if os.name == "nt" else ""))
    found = str(beside) if beside.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install the project with its 'freeze' extra")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller")
    args = parser.parse_args(argv)
    for ts in sorted((ROOT / "resources" / "translations").glob("*.ts")):
        subprocess.run([_tool("pyside6-lrelease"), str(ts)], check=True)
    env = dict(os.environ, DUTYROOM_ROOT=str(ROOT))
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean",
                    "--distpath", str(args.dist), "--workpath", str(args.work),
                    str(ROOT / "installer" / "dutyroom.spec")], check=True, env=env)
    binary = args.dist / "dutyroom" / ("dutyroom.exe" if os.name == "nt" else "dutyroom")
    if not binary.exists():
        raise SystemExit(f"build finished without {binary}")
    print(f"built {binary}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
