"""Build the service's dependencies in one place: settings, engine, secret key."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from sqlalchemy import Engine, select

from service.config import Settings, load_settings
from service.store.engine import make_engine, migrate
from service.store.schema import kv
from service.store.util import insert_ignore


@dataclass(slots=True)
class App:
    """What every command needs: the settings in force and a migrated engine."""

    settings: Settings
    engine: Engine

    @staticmethod
    def now() -> datetime:
        return datetime.now(UTC)


def ensure_secret_key(engine: Engine, settings: Settings) -> Settings:
    """The settings with a secret key: the configured one, else one generated once and stored."""
    if settings.secret_key:
        return settings
    with engine.begin() as conn:
        conn.execute(insert_ignore(conn, kv).values(key="secret_key", value=secrets.token_hex(32)))
        key = conn.execute(select(kv.c.value).where(kv.c.key == "secret_key")).scalar_one()
    return replace(settings, secret_key=key)


def build_app(settings: Settings | None = None, *, run_migrations: bool = True) -> App:
    settings = settings or load_settings()
    engine = make_engine(settings.database_url)
    if run_migrations:
        migrate(engine)
    return App(settings=ensure_secret_key(engine, settings), engine=engine)
