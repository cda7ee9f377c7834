"""Local metric frame: the generator thinks in metres, the replica stores lon/lat.

An equirectangular frame around the district centre is accurate to well under
a metre across a few tens of kilometres, and it is affine, so polygons that
share vertices in metres share them exactly in degrees too.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from typing import TypeVar

import numpy as np
import shapely
from numpy.typing import NDArray
from shapely.geometry import mapping
from shapely.geometry.base import BaseGeometry

G = TypeVar("G", bound=BaseGeometry)

_M_PER_DEG_LAT = 110_574.0
_M_PER_DEG_LON_EQUATOR = 111_320.0


@dataclass(frozen=True)
class LocalFrame:
    lon0: float
    lat0: float

    @property
    def _scale(self) -> tuple[float, float]:
        return _M_PER_DEG_LON_EQUATOR * math.cos(math.radians(self.lat0)), _M_PER_DEG_LAT

    def to_lonlat(self, geom: G) -> G:
        kx, ky = self._scale
        offset = np.array([self.lon0, self.lat0])
        scale = np.array([kx, ky])

        def convert(coords: NDArray[np.float64]) -> NDArray[np.float64]:
            return coords / scale + offset  # type: ignore[no-any-return]

        return shapely.transform(geom, convert)  # type: ignore[no-any-return]

    def point(self, x: float, y: float) -> tuple[float, float]:
        """Metres to (lon, lat), rounded to 7 decimals (about 1 cm)."""
        kx, ky = self._scale
        return round(self.lon0 + x / kx, 7), round(self.lat0 + y / ky, 7)


def geojson(geom: BaseGeometry) -> str:
    """GeoJSON geometry text, full precision so shared edges stay shared."""
    return json.dumps(mapping(geom), separators=(",", ":"))


def point_geojson(lon: float, lat: float) -> str:
    return json.dumps({"type": "Point", "coordinates": [lon, lat]}, separators=(",", ":"))
