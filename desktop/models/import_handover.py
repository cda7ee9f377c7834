"""Handing checked import files to the writer side: the dashboard never writes the replica.

The import dialog checks files on a private copy (``scratch_copy``); accepted
files are then copied into the drop folder shared with the writer account
(``import_drop_folder``: owned by the writer, group-writable, setgid, so the
copies belong to the writer's group and are 0640). Then either

- a writer command is configured (``import_writer``, e.g. ``sudo -n -u
  dutyroom-writer /opt/dutyroom/dutyroom``): ``replica import`` runs through it
  as a child process at once, and the copies are removed afterwards; or
- the files stay there with a manifest (``*.import.json``, written last) for the
  writer account's ``dutyroom sync --watch`` to import (``drop_folder``): a batch is
  imported as the dialog checked it, all its files in one transaction, with the
  options the manifest names; its files are never imported one by one.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shlex
import shutil
import subprocess
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.models import clock
from desktop.models.file_names import file_name
from desktop.models.importing import ImportOptions, LayerOptions

HANDED_FILE = 0o640  # the writer account reads it through the drop folder's group
WRITER_TIMEOUT_S = 900
MANIFEST_SUFFIX = ".import.json"
# A batch's copies are "<batch>-<n>-<name>" (``_copy_in``); the batch is its manifest's stem.
BATCH = r"\d{8}T\d{6}-[0-9a-f]{8}"
BATCH_MEMBER = re.compile(rf"({BATCH})-\d+-.+")


class HandoverError(Exception):
    """The files could not be handed over; the message says why in words."""


@dataclass(frozen=True)
class HandedOver:
    mode: str  # "drop" (waits for sync --watch) | "writer" (imported by the writer command)
    folder: Path
    files: tuple[Path, ...]
    manifest: Path | None = None
    exit_code: int | None = None  # writer: the child's exit code (0 imported)
    output: str = ""  # writer: the last lines the child printed


def import_arguments(options: ImportOptions) -> list[str]:
    """The ``dutyroom replica import`` flags that say the same as ``options``."""
    args: list[str] = []
    if options.kind:
        args += ["--kind", options.kind]
    if options.datum:
        args += ["--datum", options.datum]
    for flag, wanted in (("--platform-export", options.platform_export),
                         ("--skip-invalid", options.skip_invalid),
                         ("--repair-geometry", options.repair_geometry),
                         ("--overwrite-newer", options.overwrite_newer)):
        if wanted:
            args.append(flag)
    if options.layer.key:
        args += ["--layer", options.layer.key]
    if options.layer.name_zh:
        args += ["--layer-name", options.layer.name_zh]
    return args


def options_from_arguments(arguments: list[str]) -> ImportOptions:
    """The inverse of ``import_arguments``: what a manifest's flags ask for (unknown flags
    are refused, so a manifest can ask for nothing the dialog cannot)."""
    values: dict[str, Any] = {}
    layer, layer_name = None, None
    flags = {"--platform-export": "platform_export", "--skip-invalid": "skip_invalid",
             "--repair-geometry": "repair_geometry", "--overwrite-newer": "overwrite_newer"}
    items = iter(arguments)
    for flag in items:
        if flag in flags:
            values[flags[flag]] = True
        elif flag in ("--kind", "--datum", "--layer", "--layer-name"):
            value = next(items, None)
            if value is None:
                raise HandoverError(f"the manifest's {flag} has no value")
            if flag == "--layer":
                layer = value
            elif flag == "--layer-name":
                layer_name = value
            else:
                values[flag[2:]] = value
        else:
            raise HandoverError(f"the manifest asks for an unknown option {flag!r}")
    return ImportOptions(**values, layer=LayerOptions(layer, layer_name))


def batch_of(name: str) -> str | None:
    """The hand-over batch a file in the drop folder belongs to (None: a file of its own)."""
    found = BATCH_MEMBER.fullmatch(name)
    return found.group(1) if found else None


def _copy_in(folder: Path, batch: str,
             paths: list[Path]) -> tuple[list[Path], list[dict[str, Any]]]:
    copies, listed = [], []
    for number, source in enumerate(paths, 1):
        target = folder / f"{batch}-{number}-{file_name(source.stem, suffix=source.suffix)}"
        descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, HANDED_FILE)
        os.fchmod(descriptor, HANDED_FILE)
        with os.fdopen(descriptor, "wb") as handle, source.open("rb") as original:
            shutil.copyfileobj(original, handle)
        copies.append(target)
        listed.append({"file": target.name, "from": source.name,
                       "sha256": hashlib.sha256(target.read_bytes()).hexdigest()})
    return copies, listed


def hand_over(paths: list[Path], options: ImportOptions, drop_folder: str,
              writer_command: str = "") -> HandedOver:
    """Copy ``paths`` into the drop folder and have the writer side import them."""
    if not drop_folder:
        raise HandoverError("no drop folder configured (import_drop_folder)")
    folder = Path(drop_folder).expanduser()
    if not folder.is_dir():
        raise HandoverError(f"the drop folder {folder} does not exist")
    batch = f"{clock.now():%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:8]}"
    try:
        copies, listed = _copy_in(folder, batch, [Path(p) for p in paths])
    except OSError as error:
        raise HandoverError(f"the files cannot be put into {folder} ({error.strerror})") from error
    if writer_command:
        return _run_writer(folder, copies, options, writer_command)
    manifest = folder / f"{batch}{MANIFEST_SUFFIX}"
    partial = folder / f".{batch}{MANIFEST_SUFFIX}.part"
    document = {"batch": batch, "files": listed, "import_arguments": import_arguments(options),
                "handed_at": clock.now().isoformat()}
    descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, HANDED_FILE)
    os.fchmod(descriptor, HANDED_FILE)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        json.dump(document, handle, ensure_ascii=False, indent=2)
    os.replace(partial, manifest)  # last: a watcher never sees half a batch
    return HandedOver("drop", folder, tuple(copies), manifest)


def _run_writer(folder: Path, copies: list[Path], options: ImportOptions,
                writer_command: str) -> HandedOver:
    command = [*shlex.split(writer_command), "replica", "import", *map(str, copies),
               *import_arguments(options)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=WRITER_TIMEOUT_S,
                              stdin=subprocess.DEVNULL)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise HandoverError(f"the writer command could not run ({error})") from error
    finally:
        for copy in copies:
            copy.unlink(missing_ok=True)
    lines = [line for line in (done.stdout + done.stderr).splitlines() if line.strip()]
    return HandedOver("writer", folder, tuple(copies), None, done.returncode,
                      "\n".join(lines[-6:]))
