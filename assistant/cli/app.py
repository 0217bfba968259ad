"""The Typer application, its global options and error translation."""

from __future__ import annotations

from typing import Any

import typer
from rich.console import Console
from rich.markup import escape
from typer.core import TyperGroup

from assistant.config import Settings, load_settings
from assistant.errors import TouchpointError

MIN_WIDTH = 130  # tables of ids and quotes need room even when piped (Rich assumes 80)
console = Console()
console.width = max(console.width, MIN_WIDTH)
err_console = Console(stderr=True)


class State:
    debug: bool = False
    settings: Settings | None = None


state = State()


class _ErrorTranslatingGroup(TyperGroup):
    """Prints a TouchpointError as one line and exits 1; the traceback only with --debug."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except TouchpointError as exc:
            if state.debug:
                raise
            err_console.print(f"[red]Error:[/red] {escape(str(exc))}", highlight=False,
                              soft_wrap=True)
            raise typer.Exit(1) from None


app = typer.Typer(
    name="touchpoint",
    cls=_ErrorTranslatingGroup,
    help="Capture customer touchpoints as grounded, structured fields. Offline by default.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)


@app.callback()
def _root(debug: bool = typer.Option(False, "--debug", help="Show tracebacks on errors.")) -> None:
    state.debug = debug
    state.settings = None


def settings() -> Settings:
    if state.settings is None:
        state.settings = load_settings()
    return state.settings


def main() -> None:
    app()


# Command modules register themselves on `app` when imported.
from assistant.cli import commands, contacts, demo, maintenance, service  # noqa: E402,F401
from evals.cli import eval_app  # noqa: E402

app.add_typer(eval_app, name="eval")
