"""Which names were renamed into a folder: Linux inotify (``IN_MOVED_TO``), through ctypes.

A file written under another name and renamed into place is complete the moment
it appears; a file written in place can only be judged by waiting. Only the
kernel can tell the two apart, so the drop folder asks it. Where inotify is not
available (not Linux, no watches left) ``RenamedIn.names()`` is always empty and
every file waits its settle time.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import logging
import os
import struct
import sys
from pathlib import Path

log = logging.getLogger(__name__)

IN_MOVED_TO = 0x00000080
IN_Q_OVERFLOW = 0x00004000
IN_NONBLOCK = 0o4000
IN_CLOEXEC = 0o2000000
_EVENT = struct.Struct("iIII")


class RenamedIn:
    """Names renamed into ``folder`` since the last call of ``names()``."""

    def __init__(self, folder: Path) -> None:
        self._fd = -1
        if not sys.platform.startswith("linux"):
            return
        try:
            libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
            fd = libc.inotify_init1(IN_NONBLOCK | IN_CLOEXEC)
            if fd < 0:
                raise OSError(ctypes.get_errno(), "inotify_init1")
            if libc.inotify_add_watch(fd, os.fsencode(folder), IN_MOVED_TO) < 0:
                os.close(fd)
                raise OSError(ctypes.get_errno(), "inotify_add_watch")
            self._fd = fd
        except (OSError, AttributeError) as error:
            log.info("no inotify on %s (%s): every file waits its settle time", folder, error)

    @property
    def available(self) -> bool:
        return self._fd >= 0

    def names(self) -> set[str]:
        found: set[str] = set()
        while self._fd >= 0:
            try:
                data = os.read(self._fd, 64 * 1024)
            except BlockingIOError:
                break
            offset = 0
            while offset + _EVENT.size <= len(data):
                _wd, mask, _cookie, length = _EVENT.unpack_from(data, offset)
                raw = data[offset + _EVENT.size: offset + _EVENT.size + length]
                offset += _EVENT.size + length
                if mask & IN_Q_OVERFLOW:
                    log.info("inotify queue overflowed: some files wait their settle time")
                elif mask & IN_MOVED_TO:
                    found.add(os.fsdecode(raw.rstrip(b"\0")))
        return found

    def close(self) -> None:
        if self._fd >= 0:
            with contextlib.suppress(OSError):
                os.close(self._fd)
            self._fd = -1
