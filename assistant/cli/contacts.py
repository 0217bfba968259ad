"""`touchpoint contacts list|merge`: review unknown senders and fold them into known contacts."""

from __future__ import annotations

import typer

from assistant.cli.context import JSON_OPTION, TENANT_OPTION, console, settings
from assistant.cli.context import tenant as tenant_of

contacts_app = typer.Typer(help="Contacts: review unknown senders, merge identities.",
                           no_args_is_help=True)
cli = typer.Typer()
cli.add_typer(contacts_app, name="contacts")


@contacts_app.command("list")
def list_contacts(
    account: str | None = typer.Option(None),
    needs_review: bool = typer.Option(False, "--needs-review", help="Only unknown senders."),
    tenant: str | None = TENANT_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Contacts of the tenant (or one account); `--needs-review` lists unknown senders."""
    from rich.table import Table

    from assistant import bootstrap
    from assistant.cli import render
    from assistant.storage import repository

    s = settings()
    with bootstrap.open_store(s).session() as session:
        found = repository.list_contacts(session, tenant_id=tenant_of(tenant), account_id=account,
                                         needs_review=True if needs_review else None)
    if as_json:
        render.print_json(console, found)
        return
    table = Table(title="Contacts")
    for column in ("id", "name", "account", "emails", "phones", "handles", "review"):
        table.add_column(column)
    for c in found:
        table.add_row(c.id, render.escape(c.name or "-"), c.account_id or "-", ", ".join(c.emails),
                      ", ".join(c.phones), ", ".join(c.handles), "yes" if c.needs_review else "")
    console.print(table)


@contacts_app.command("merge")
def merge(source: str = typer.Argument(..., help="The contact to fold in (e.g. an unknown sender)."),
          target: str = typer.Argument(..., help="The known contact that remains."),
          tenant: str | None = TENANT_OPTION, as_json: bool = JSON_OPTION) -> None:
    """Merge SOURCE into TARGET: its emails, phones, handles and touchpoints move to TARGET."""
    from assistant import bootstrap
    from assistant.cli import render
    from assistant.identity import merge_contacts

    s = settings()
    with bootstrap.open_store(s).session() as session:
        merged = merge_contacts(session, tenant_id=tenant_of(tenant), source_id=source,
                                target_id=target)
    if as_json:
        render.print_json(console, merged)
    else:
        console.print(f"Merged {source} into {target} ({render.escape(merged.name or '')}).")
