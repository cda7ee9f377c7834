"""Map tile sources as configuration, and the datum the map's features are drawn in.

Three forms of the ``tile_source`` setting:

- ``none``: no base map, vector layers on a plain background (the default);
- ``mbtiles:PATH``: an offline MBTiles file (raster tiles), served to the page
  through our own URL scheme, never the network;
- ``url:TEMPLATE``: tiles from a server, e.g. 天地图 with its key ``tk``;
  several templates (base map + annotation) are joined with ``|``. The page
  then contacts exactly the hosts named here and nothing else.

Every source declares its datum (``tile_datum``): never guessed, because the
replica's CGCS2000 points land 50-500 m off on GCJ-02 tiles. Features are
shifted to the tiles' datum when the map payload is built. No Qt here, and
nothing heavy at import time (settings validation runs on the start-up path).
"""

from __future__ import annotations

import re
import sqlite3
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal
from urllib.parse import urlsplit

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

TileKind = Literal["none", "mbtiles", "url"]

# Datums a tile source may declare, with the name shown beside its attribution.
DATUM_NAMES = {"cgcs2000": "CGCS2000", "wgs84": "WGS-84", "gcj02": "GCJ-02"}
STORED_DATUMS = frozenset({"cgcs2000", "wgs84"})  # the replica's; < 1 m apart at street scale
_DATUM_ALIASES = {
    "cgcs2000": "cgcs2000", "cgcs-2000": "cgcs2000", "epsg:4490": "cgcs2000",
    "4490": "cgcs2000", "国家2000": "cgcs2000",
    "wgs84": "wgs84", "wgs-84": "wgs84", "epsg:4326": "wgs84", "4326": "wgs84",
    "epsg:3857": "wgs84",  # Web Mercator tiles of WGS-84 positions
    "gcj02": "gcj02", "gcj-02": "gcj02", "火星坐标": "gcj02",
}
RASTER_FORMATS = {"png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg",
                  "webp": "image/webp"}
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
_KNOWN_PLACEHOLDERS = frozenset({"z", "x", "y"})
_SECRET = re.compile(r"((?:tk|key|token|access_token)=)[^&#]+", re.IGNORECASE)


class TileConfigError(ValueError):
    """A tile setting we cannot use; the message names the setting and the fix."""


@dataclass(frozen=True)
class TileSource:
    kind: TileKind
    datum: str  # a DATUM_NAMES key; the stored datum when there are no tiles
    attribution: str = ""  # source and 审图号 as configured ("" = none given)
    path: Path | None = None  # mbtiles
    templates: tuple[str, ...] = ()  # url

    @property
    def shifts_features(self) -> bool:
        """Whether the replica's CGCS2000 features must be moved to draw on these tiles."""
        return self.datum not in STORED_DATUMS

    @property
    def online(self) -> bool:
        return self.kind == "url"

    @property
    def hosts(self) -> frozenset[tuple[str, str, int]]:
        """(scheme, host, port) the page may contact: exactly the templates' servers."""
        out = set()
        for template in self.templates:
            parts = urlsplit(template)
            port = parts.port or (443 if parts.scheme == "https" else 80)
            out.add((parts.scheme, (parts.hostname or "").lower(), port))
        return frozenset(out)

    def describe(self) -> str:
        """For logs and messages: keys in URL templates are hidden."""
        if self.kind == "mbtiles":
            return f"mbtiles:{self.path} ({DATUM_NAMES[self.datum]})"
        if self.kind == "url":
            shown = " | ".join(_SECRET.sub(r"\1***", t) for t in self.templates)
            return f"url:{shown} ({DATUM_NAMES[self.datum]})"
        return "none"


NO_TILES = TileSource("none", "cgcs2000")


def parse_datum(text: str) -> str | None:
    """The datum key for a name a user may write (cgcs2000, WGS-84, EPSG:4490, gcj02 …)."""
    return _DATUM_ALIASES.get(re.sub(r"\s+", "", text.strip().lower()))


def parse_tile_source(source: str, datum: str = "", attribution: str = "") -> TileSource:
    """A TileSource from the three tile settings; TileConfigError names what is wrong.

    Checks the form only: whether an MBTiles file can be read is found when the
    map opens it (``MBTiles``), so that settings load without touching files.
    """
    text = source.strip()
    attribution = attribution.strip()
    if text in ("", "none"):
        if datum.strip() and parse_datum(datum) is None:
            raise TileConfigError(_datum_message(datum))
        return TileSource("none", "cgcs2000", attribution)
    kind, _, rest = text.partition(":")
    kind = kind.lower()
    if kind not in ("mbtiles", "url") or not rest.strip():
        raise TileConfigError(
            f"tile_source {source!r} is not one of: none, mbtiles:PATH, url:TEMPLATE")
    declared = parse_datum(datum) if datum.strip() else None
    if declared is None:
        raise TileConfigError(
            _datum_message(datum) if datum.strip() else
            f"tile_datum must be declared for tile_source {kind}: — cgcs2000 (天地图, most "
            "official maps), wgs84, or gcj02 (Gaode/Tencent tiles); it is never guessed, "
            "because a wrong one puts every point 50-500 m off")
    if kind == "mbtiles":
        return TileSource("mbtiles", declared, attribution, path=Path(rest.strip()).expanduser())
    templates = tuple(t.strip() for t in rest.split("|") if t.strip())
    for template in templates:
        _check_template(template)
    return TileSource("url", declared, attribution, templates=templates)


def _datum_message(datum: str) -> str:
    return (f"tile_datum {datum!r} is not one we know: use cgcs2000, wgs84 or gcj02 "
            "(BD-09 tiles are not supported)")


def _check_template(template: str) -> None:
    shown = _SECRET.sub(r"\1***", template)
    parts = urlsplit(template)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise TileConfigError(f"tile_source url {shown!r} must start with https:// and name "
                              "a host")
    if any(c.isspace() for c in template):
        raise TileConfigError(f"tile_source url {shown!r} contains spaces")
    if "{" in (parts.hostname or "") or "{" in parts.netloc:
        raise TileConfigError(
            f"tile_source url {shown!r}: placeholders in the host (such as {{s}}) are not "
            "supported; name one server (e.g. t0.tianditu.gov.cn) so that the map contacts "
            "exactly that host")
    found = set(_PLACEHOLDER.findall(template))
    unknown = found - _KNOWN_PLACEHOLDERS
    if unknown:
        raise TileConfigError(f"tile_source url {shown!r}: unknown placeholder(s) "
                              f"{', '.join('{' + u + '}' for u in sorted(unknown))}; "
                              "only {z}, {x} and {y} are filled in")
    if found != _KNOWN_PLACEHOLDERS:
        raise TileConfigError(f"tile_source url {shown!r} must contain {{z}}, {{x}} and {{y}}")


# ------------------------------------------------------------------ MBTiles


class MBTiles:
    """Read-only raster tiles from an MBTiles file (SQLite; rows in TMS order).

    One connection, used under a lock: the page asks for a few dozen tiles per
    view, each a single indexed read of well under a millisecond.
    """

    def __init__(self, path: Path) -> None:
        if not path.is_file():
            raise TileConfigError(f"tile_source mbtiles: no file at {path}")
        try:
            self._db = sqlite3.connect(f"file:{path}?mode=ro", uri=True,
                                       check_same_thread=False)
            rows = self._db.execute("SELECT name, value FROM metadata").fetchall()
            self._db.execute("SELECT 1 FROM tiles LIMIT 1").fetchall()
        except sqlite3.Error as error:
            raise TileConfigError(f"tile_source mbtiles: {path} is not an MBTiles file "
                                  f"({error})") from error
        self.path = path
        self.metadata = {str(name): str(value) for name, value in rows}
        tile_format = self.metadata.get("format", "png").lower()
        if tile_format not in RASTER_FORMATS:
            self._db.close()
            raise TileConfigError(
                f"tile_source mbtiles: {path} holds {tile_format!r} tiles; only raster tiles "
                f"({', '.join(RASTER_FORMATS)}) can be shown")
        self.mime = RASTER_FORMATS[tile_format]
        self.extension = "jpg" if tile_format == "jpeg" else tile_format
        self._lock = threading.Lock()

    @property
    def attribution(self) -> str:
        return self.metadata.get("attribution", "").strip()

    @property
    def zoom_range(self) -> tuple[int, int]:
        """(min, max) zoom the file declares, else the zooms it holds."""
        try:
            return int(self.metadata["minzoom"]), int(self.metadata["maxzoom"])
        except (KeyError, ValueError):
            with self._lock:
                low, high = self._db.execute(
                    "SELECT min(zoom_level), max(zoom_level) FROM tiles").fetchone()
            return int(low or 0), int(high or 18)

    def tile(self, z: int, x: int, y: int) -> bytes | None:
        """The tile at XYZ address (z, x, y), or None when the file has none there."""
        if not 0 <= z <= 30 or not (0 <= x < 2**z and 0 <= y < 2**z):
            return None
        with self._lock:
            row = self._db.execute(
                "SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? "
                "AND tile_row = ?", (z, x, (2**z - 1) - y)).fetchone()
        return bytes(row[0]) if row else None

    def close(self) -> None:
        with self._lock:
            self._db.close()


# ------------------------------------------------------------------ datum


def shift_positions(
    lons: Sequence[float] | npt.NDArray[np.float64],
    lats: Sequence[float] | npt.NDArray[np.float64],
    datum: str,
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    """Stored (CGCS2000/WGS-84) positions moved into ``datum``, as float arrays.

    GCJ-02 is the published forward formula, implemented once (desktop.models.datum) for
    the importers and the map; its reference points and
    round trips are tested in tests/models/test_datum_map.py.
    """
    import numpy as np

    x = np.asarray(lons, dtype=np.float64)
    y = np.asarray(lats, dtype=np.float64)
    if datum in STORED_DATUMS:
        return x, y
    if datum == "gcj02":
        from desktop.models.datum import wgs_to_gcj

        return wgs_to_gcj(x, y)
    raise ValueError(f"unknown tile datum {datum!r}")


def unshift_positions(
    lons: Sequence[float] | npt.NDArray[np.float64],
    lats: Sequence[float] | npt.NDArray[np.float64],
    datum: str,
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    """Positions read off tiles in ``datum`` back to the stored datum (a click on the map)."""
    import numpy as np

    x = np.asarray(lons, dtype=np.float64)
    y = np.asarray(lats, dtype=np.float64)
    if datum in STORED_DATUMS:
        return x, y
    if datum == "gcj02":
        from desktop.models.datum import gcj_to_wgs

        return gcj_to_wgs(x, y)
    raise ValueError(f"unknown tile datum {datum!r}")
