"""What every command module shares: the consoles, the global state, settings, common options.

Command modules import this, never `cli/app.py`, and `app.py` imports the command modules to
mount them: the dependency points one way.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer
from rich.console import Console

if TYPE_CHECKING:
    from assistant.config import Settings

MIN_WIDTH = 130  # tables of ids and quotes need room even when piped (Rich assumes 80)
console = Console()
console.width = max(console.width, MIN_WIDTH)
err_console = Console(stderr=True)

JSON_OPTION = typer.Option(False, "--json", help="Print JSON for scripts.")
TENANT_OPTION = typer.Option(None, "--tenant", help="Tenant id (default: TOUCHPOINT_TENANT).")


class State:
    debug: bool = False
    settings: Settings | None = None


state = State()


def settings() -> Settings:
    if state.settings is None:
        from assistant.config import load_settings

        state.settings = load_settings()
    return state.settings


def tenant(flag: str | None) -> str:
    """The tenant a command acts for (`--tenant` or the configured one), validated."""
    from assistant.bootstrap import tenant_id

    return tenant_id(settings(), flag)
