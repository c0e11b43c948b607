"""The admin CLI, ``therapywatch`` (also ``python -m service``).

Each command group lives in ``commands/<area>.py`` and exports ``COMMANDS``; this module only
assembles them and turns project errors into a one-line message and exit code 1.
"""

from __future__ import annotations

import importlib
import sys
from typing import Any

import click

from service.entrypoints.context import Context
from service.errors import ConfigError, TherapywatchError

COMMAND_MODULES = (
    "core",
    "sources",
    "fetch",
    "items",
    "extract",
    "classify",
    "stories",
    "subscribers",
    "alerts",
    "digest",
    "serve",
    "demo",
)


class Group(click.Group):
    """Project errors become a clear one-line message instead of a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (TherapywatchError, ConfigError) as e:
            raise click.ClickException(str(e)) from e


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="therapywatch")
@click.pass_context
def main(ctx: click.Context) -> None:
    """therapywatch: medical news about new therapies, deduplicated and classified.

    Start with `therapywatch demo`, or `therapywatch init` and `therapywatch sources add URL`.
    Settings come from THERAPYWATCH_* environment variables (see `therapywatch config`).
    """
    ctx.ensure_object(Context)


for _name in COMMAND_MODULES:
    _module = importlib.import_module(f"service.entrypoints.commands.{_name}")
    for _command in getattr(_module, "COMMANDS", ()):
        main.add_command(_command)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
