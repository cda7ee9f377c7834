"""One typed settings schema: defaults < settings file < environment < command line.

The file lives in the platform's config folder (``settings.json``); each field
can be overridden by ``DUTYROOM_<FIELD>`` and by the matching CLI flag.
"""

from __future__ import annotations

import dataclasses
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

import platformdirs

from desktop.models.tiles import TileConfigError, TileSource, parse_tile_source

APP_NAME = "dutyroom"
LANGUAGES = ("zh_CN", "en")
# The parts of the wall a screen can show (desktop/views/main_window.py), and named layouts.
WALL_PARTS = frozenset({"header", "map", "roster", "incidents", "stations"})
SCREEN_LAYOUTS = {"all": WALL_PARTS, "map": frozenset({"map"}),
                  "panels": WALL_PARTS - {"map"}}
ROTATION_VIEWS = ("stations", "roster_week", "communities")  # desktop/views/focus_pane.py
TILE_SOURCES = ("none", "mbtiles:PATH", "url:TEMPLATE")  # forms; desktop/models/tiles.py


def config_dir() -> Path:
    return Path(os.environ.get("DUTYROOM_CONFIG_DIR") or platformdirs.user_config_dir(APP_NAME))


def data_dir() -> Path:
    return Path(os.environ.get("DUTYROOM_DATA_DIR") or platformdirs.user_data_dir(APP_NAME))


def cache_dir() -> Path:
    return Path(os.environ.get("DUTYROOM_CACHE_DIR") or platformdirs.user_cache_dir(APP_NAME))


def log_dir() -> Path:
    return Path(os.environ.get("DUTYROOM_LOG_DIR") or platformdirs.user_log_dir(APP_NAME))


def default_replica() -> str:
    return str(data_dir() / "replica.db")


def demo_replica() -> str:
    return str(data_dir() / "demo.db")


def workstation_store() -> Path:
    """The dashboard's own records (sign-ins, audit, duty log, handovers); never the replica."""
    return Path(os.environ.get("DUTYROOM_WORKSTATION_STORE") or data_dir() / "workstation.db")


class SettingsError(ValueError):
    """A setting has a value we cannot use; the message names it."""


@dataclass(frozen=True)
class Settings:
    replica: str = field(default_factory=default_replica, metadata={
        "help": "replica database: SQLite file path or postgresql+psycopg:// URL"})
    replica_password_file: str = field(default="", metadata={
        "help": "file holding the PostgreSQL replica's password (owner-only, one line); "
                "PGPASSWORD and ~/.pgpass work too. Never put a password in a URL on the "
                "command line: every user sees it in ps"})
    import_drop_folder: str = field(default="", metadata={
        "help": "the import dialog hands checked files to this folder, for the writer "
                "account's 'dutyroom sync --watch'"})
    import_writer: str = field(default="", metadata={
        "help": "command that runs 'dutyroom' as the writer account, e.g. 'sudo -n -u "
                "dutyroom-writer /opt/dutyroom/dutyroom': the import dialog runs "
                "'replica import' through it"})
    wall: bool = field(default=False, metadata={
        "help": "wall-screen mode: frameless full screen, dark high-contrast theme"})
    language: str = field(default="zh_CN", metadata={"help": "UI language: zh_CN or en"})
    tile_source: str = field(default="none", metadata={
        "help": "map base layer: none (vector layers on a plain background), mbtiles:PATH "
                "(offline tiles) or url:TEMPLATE with {z}/{x}/{y} (e.g. 天地图 with tk=KEY; "
                "several joined with |); the map then contacts exactly that host"})
    tile_datum: str = field(default="", metadata={
        "help": "datum of the tiles, required with tiles: cgcs2000 (天地图), wgs84, or "
                "gcj02 (Gaode/Tencent); features are shifted to it"})
    tile_attribution: str = field(default="", metadata={
        "help": "source and approval number (审图号) shown on the map with the tiles"})
    poll_interval_ms: int = field(default=250, metadata={
        "help": "how often the replica's change feed is polled (ms)"})
    stale_after_s: int = field(default=30, metadata={
        "help": "data is shown stale when the newest writer heartbeat is older (s)"})
    screen: int = field(default=0, metadata={"help": "screen index for wall mode"})
    wall_diagonal_in: float = field(default=65.0, metadata={
        "help": "the wall panel's diagonal in inches (a spliced wall: the whole wall's): "
                "with wall_distance_m it sets the wall's text size"})
    wall_distance_m: float = field(default=4.0, metadata={
        "help": "the farthest viewer's distance from the wall in metres: body text is "
                "sized for 17′ of arc there (never under 16′), KPI figures for 45′"})
    mute_minutes: int = field(default=30, metadata={
        "help": "how long a signed-in officer's mute silences the alert sound (minutes)"})
    takeover_severity: int = field(default=3, metadata={
        "help": "the wall's alarm takeover: a new (or raised) incident of this severity or "
                "above takes over the wall, 1 (I) … 4 (IV); 0 turns the takeover off"})
    takeover_seconds: int = field(default=45, metadata={
        "help": "how long each alarm takes over the wall before it returns to standby (s)"})
    wall_screens: str = field(default="", metadata={
        "help": "a wall over 2-4 screens, from the 'screen' setting on: one layout per "
                "screen, comma-separated, each 'map', 'panels' (all but the map), 'all' or "
                "parts joined by + (header, map, roster, incidents, stations), optionally "
                "':INCHES' for that panel's diagonal (e.g. 'map:75,panels:55'); every part "
                "on exactly one screen. Fewer screens than listed: the first is split "
                "side by side"})
    wall_rotation: str = field(default="", metadata={
        "help": "views the wall's focus pane (the stations' place) shows in turn, comma-"
                "separated: stations, roster_week, communities (empty: no rotation)"})
    wall_rotation_seconds: int = field(default=20, metadata={
        "help": "how long the focus pane shows each view of wall_rotation (s)"})

    def validated(self) -> Settings:
        if self.language not in LANGUAGES:
            raise SettingsError(f"language must be one of {', '.join(LANGUAGES)}")
        self.tiles()
        if not 50 <= self.poll_interval_ms <= 10_000:
            raise SettingsError("poll_interval_ms must be between 50 and 10000")
        if self.stale_after_s < 5:
            raise SettingsError("stale_after_s must be at least 5")
        if not 1 <= self.mute_minutes <= 240:
            raise SettingsError("mute_minutes must be between 1 and 240")
        if not 0 <= self.takeover_severity <= 4:
            raise SettingsError("takeover_severity must be 0 (off) or 1 to 4")
        if not 3 <= self.takeover_seconds <= 600:
            raise SettingsError("takeover_seconds must be between 3 and 600")
        self.screen_plans  # noqa: B018  (raises SettingsError when unusable)
        unknown = set(self.rotation_views) - set(ROTATION_VIEWS)
        if unknown:
            raise SettingsError(f"wall_rotation: unknown view(s) {', '.join(sorted(unknown))};"
                                f" choose from {', '.join(ROTATION_VIEWS)}")
        if not 5 <= self.wall_rotation_seconds <= 3600:
            raise SettingsError("wall_rotation_seconds must be between 5 and 3600")
        if not 10 <= self.wall_diagonal_in <= 1000:
            raise SettingsError("wall_diagonal_in must be between 10 and 1000 (inches)")
        if not 0.5 <= self.wall_distance_m <= 50:
            raise SettingsError("wall_distance_m must be between 0.5 and 50 (metres)")
        return self

    @property
    def screen_plans(self) -> tuple[tuple[frozenset[str], float], ...]:
        """``wall_screens`` read: (parts, panel diagonal in inches) per screen; () for one."""
        if not self.wall_screens.strip():
            return ()
        plans = []
        for item in self.wall_screens.split(","):
            layout, _, inches = item.strip().partition(":")
            try:
                diagonal = float(inches) if inches.strip() else self.wall_diagonal_in
            except ValueError:
                raise SettingsError(f"wall_screens: {item.strip()!r}: the diagonal must be "
                                    "a number of inches") from None
            if not 10 <= diagonal <= 1000:
                raise SettingsError("wall_screens: a diagonal must be between 10 and 1000")
            named = SCREEN_LAYOUTS.get(layout.strip())
            parts = named if named is not None else frozenset(
                p.strip() for p in layout.split("+") if p.strip())
            unknown = parts - WALL_PARTS
            if unknown or not parts:
                raise SettingsError(f"wall_screens: {item.strip()!r}: unknown part(s) "
                                    f"{', '.join(sorted(unknown)) or '(none)'}; parts are "
                                    f"{', '.join(sorted(WALL_PARTS))} or a layout "
                                    f"({', '.join(SCREEN_LAYOUTS)})")
            plans.append((parts, diagonal))
        if not 2 <= len(plans) <= 4:
            raise SettingsError("wall_screens: a wall spans 2 to 4 screens")
        placed = [part for parts, _ in plans for part in parts]
        if sorted(placed) != sorted(WALL_PARTS):
            raise SettingsError("wall_screens: every part (header, map, roster, incidents, "
                                "stations) must be on exactly one screen")
        return tuple(plans)

    @property
    def rotation_views(self) -> tuple[str, ...]:
        return tuple(v.strip() for v in self.wall_rotation.split(",") if v.strip())

    def tiles(self) -> TileSource:
        """The tile settings as one checked TileSource (SettingsError names the problem)."""
        try:
            return parse_tile_source(self.tile_source, self.tile_datum, self.tile_attribution)
        except TileConfigError as error:
            raise SettingsError(str(error)) from error


def _coerce(name: str, kind: Any, value: Any) -> Any:
    try:
        if kind in (bool, "bool"):
            if isinstance(value, bool):
                return value
            text = str(value).strip().lower()
            if text in ("1", "true", "yes", "on"):
                return True
            if text in ("0", "false", "no", "off"):
                return False
            raise ValueError(value)
        if kind in (int, "int"):
            return int(value)
        if kind in (float, "float"):
            return float(value)
        return str(value)
    except (TypeError, ValueError) as error:
        raise SettingsError(f"setting {name}: cannot use {value!r}") from error


def settings_file() -> Path:
    return config_dir() / "settings.json"


def load(
    overrides: Mapping[str, Any] | None = None,
    environ: Mapping[str, str] | None = None,
    path: Path | None = None,
) -> Settings:
    """Merge defaults, the settings file, DUTYROOM_* variables and explicit overrides."""
    environ = os.environ if environ is None else environ
    path = path or settings_file()
    values: dict[str, Any] = {}
    if path.exists():
        try:
            stored = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise SettingsError(f"settings file {path} is unreadable: {error}") from error
        if not isinstance(stored, dict):
            raise SettingsError(f"settings file {path} must hold a JSON object")
        values.update(stored)
    for item in fields(Settings):
        env_value = environ.get(f"DUTYROOM_{item.name.upper()}")
        if env_value is not None:
            values[item.name] = env_value
    values.update({k: v for k, v in (overrides or {}).items() if v is not None})
    known = {item.name: item.type for item in fields(Settings)}
    unknown = set(values) - set(known)
    if unknown:
        raise SettingsError(f"unknown setting(s): {', '.join(sorted(unknown))}")
    coerced = {name: _coerce(name, known[name], value) for name, value in values.items()}
    return Settings(**coerced).validated()


def save(settings: Settings, path: Path | None = None) -> None:
    path = path or settings_file()
    from desktop.models.file_modes import write_file

    write_file(path, json.dumps(dataclasses.asdict(settings), ensure_ascii=False,
                                indent=2).encode("utf-8"))
