"""The CLI's shared context: settings and app, built on first use."""

from __future__ import annotations

import click

from service.config import Settings, load_settings
from service.entrypoints.bootstrap import App, build_app


class Context:
    """Lazily built dependencies: `config` must work even when the database does not."""

    def __init__(self) -> None:
        self._settings: Settings | None = None
        self._app: App | None = None

    @property
    def settings(self) -> Settings:
        if self._settings is None:
            self._settings = load_settings()
        return self._settings

    @property
    def app(self) -> App:
        if self._app is None:
            self._app = build_app(self.settings)
        return self._app


pass_ctx = click.make_pass_decorator(Context, ensure=True)
