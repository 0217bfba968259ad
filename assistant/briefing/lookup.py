"""Find the account (by id, name or domain) and contact a briefing is for."""

from __future__ import annotations

from rapidfuzz import fuzz, process
from sqlalchemy.orm import Session

from assistant.errors import BadInputError, NotFoundError
from assistant.models import Account, Contact
from assistant.storage import repository


def find_account(session: Session, *, tenant_id: str, reference: str) -> Account:
    """The account whose id, name or email domain is `reference` (case-insensitive); an
    unknown reference raises NotFoundError listing the closest names."""
    accounts = repository.list_accounts(session, tenant_id=tenant_id)
    wanted = reference.strip().lower().removeprefix("@")
    for matches in (lambda a: a.id.lower() == wanted,
                    lambda a: a.name.lower() == wanted,
                    lambda a: wanted in (d.lower() for d in a.domains),
                    lambda a: wanted in a.name.lower()):
        found = [a for a in accounts if matches(a)]
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            raise BadInputError(f"account {reference!r} matches several: "
                                f"{', '.join(f'{a.name} ({a.id})' for a in found)}; use the id")
    closest = process.extract(reference, {a.id: a.name for a in accounts}, scorer=fuzz.WRatio,
                              limit=3)
    hint = ", ".join(f"{name} ({account_id})" for name, _, account_id in closest) or "none"
    raise NotFoundError(f"no account {reference!r} in tenant {tenant_id!r}; closest: {hint}. "
                        "Pass an account id, name or domain")


def find_contact(session: Session, *, tenant_id: str, reference: str,
                 account_id: str | None = None) -> Contact:
    """The contact whose id, email or name is `reference`, within the account when given."""
    contacts = repository.list_contacts(session, tenant_id=tenant_id, account_id=account_id)
    wanted = reference.strip().lower()
    for matches in (lambda c: c.id.lower() == wanted,
                    lambda c: wanted in (e.lower() for e in c.emails),
                    lambda c: (c.name or "").lower() == wanted):
        found = [c for c in contacts if matches(c)]
        if len(found) == 1:
            return found[0]
    names = ", ".join(f"{c.name or '?'} ({c.id})" for c in contacts[:8]) or "none"
    raise NotFoundError(f"no contact {reference!r} in tenant {tenant_id!r}"
                        + (f" for account {account_id!r}" if account_id else "")
                        + f"; known: {names}. Pass a contact id, email or name")
