"""Schema migrations (Alembic), run by the CLI writers, never by the dashboard."""

from __future__ import annotations

from importlib.resources import files

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine


def _config(engine_connection: object) -> Config:
    config = Config()
    config.set_main_option("script_location", str(files("desktop.models") / "migrations"))
    config.attributes["connection"] = engine_connection
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    with engine.begin() as connection:
        command.upgrade(_config(connection), revision)


def make_revision(engine: Engine, message: str) -> None:
    """Developer helper: autogenerate a migration against an up-to-date replica."""
    with engine.begin() as connection:
        command.revision(_config(connection), message=message, autogenerate=True)
