"""The Typer application, its global options and error translation; mounts every command module.

Each command module builds its own `cli = typer.Typer()` from `cli/context.py` and is mounted
here, so no command module imports this one.
"""

from __future__ import annotations

from typing import Any

import typer
from rich.markup import escape
from typer.core import TyperGroup

from assistant.cli import (
    commands,
    contacts,
    demo,
    ingest,
    maintenance,
    retrieval,
    service,
    suggest,
)
from assistant.cli.context import err_console, state
from assistant.errors import TouchpointError


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
    rich_markup_mode=None,  # plain help: rich's help renderer costs ~0.3 s of imports at start
)


@app.callback()
def _root(debug: bool = typer.Option(False, "--debug", help="Show tracebacks on errors.")) -> None:
    state.debug = debug
    state.settings = None


for _module in (commands, ingest, maintenance, contacts, demo, suggest, retrieval, service):
    app.add_typer(_module.cli)


def _mount_evals() -> None:
    from evals import retrieval_cli  # noqa: F401  (registers `touchpoint eval retrieval`)
    from evals.cli import eval_app

    app.add_typer(eval_app, name="eval")


_mount_evals()


def main() -> None:
    app()
