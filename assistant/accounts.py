"""Import accounts and contacts from a CRM export (CSV, one row per contact, or JSON).

Importing again updates and never duplicates: accounts by id, contacts by any identifier they
share with a stored contact. Rows that cannot be used are reported with their row number and
skipped; the rest are imported. Resolution of touchpoints to these records is
`assistant/identity.py`.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import ValidationError
from sqlalchemy.orm import Session

from assistant.errors import BadInputError
from assistant.identity import FREE_MAIL_DOMAINS, contact_id_for, merged_list, normalize_phone
from assistant.models import Account, Contact
from assistant.storage import contact_keys, repository

REQUIRED_ACCOUNT_COLUMNS = ("account_id", "account_name")


# --- import --------------------------------------------------------------------------------


@dataclass
class ImportSummary:
    accounts: int = 0
    contacts: int = 0
    errors: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        extra = f", {len(self.errors)} problem(s) reported" if self.errors else ""
        return f"{self.accounts} account(s), {self.contacts} contact(s){extra}"


def _split(value: Any) -> list[str]:
    if isinstance(value, list):
        return [str(v).strip() for v in value if str(v).strip()]
    return [part.strip() for part in str(value or "").split(";") if part.strip()]


def _records(content: bytes, uri: str) -> list[dict[str, Any]]:
    """Account dicts with nested contacts, from CSV (one row per contact) or JSON."""
    path = uri
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BadInputError(f"{uri}: not UTF-8 text ({exc.reason} at byte {exc.start}); "
                            "save the export as UTF-8") from None
    if uri.lower().endswith(".json") or text.lstrip().startswith(("{", "[")):
        try:
            loaded = json.loads(text)
        except json.JSONDecodeError as exc:
            raise BadInputError(f"{path}: not valid JSON ({exc.msg} at line {exc.lineno})") from exc
        accounts = loaded.get("accounts") if isinstance(loaded, dict) else loaded
        if not isinstance(accounts, list):
            raise BadInputError(f"{path}: expected {{\"accounts\": [...]}} at the top level")
        return [a if isinstance(a, dict) else {"_invalid": a} for a in accounts]
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in REQUIRED_ACCOUNT_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise BadInputError(f"{path}: missing column(s) {', '.join(missing)}")
    by_id: dict[str, dict[str, Any]] = {}
    for row in reader:
        account = by_id.setdefault(row["account_id"], {
            "id": row["account_id"], "name": row["account_name"],
            "domains": _split(row.get("domains")), "timezone": row.get("timezone") or None,
            "stage": row.get("stage") or None, "deal_value": row.get("deal_value") or None,
            "owner": row.get("owner") or None, "crm_id": row.get("crm_id") or None,
            "contacts": [], "_row": reader.line_num})
        if any(row.get(f"contact_{c}") for c in ("name", "email", "phone", "handle", "crm_id")):
            account["contacts"].append({
                "name": row.get("contact_name") or None, "emails": _split(row.get("contact_email")),
                "phones": _split(row.get("contact_phone")),
                "handles": _split(row.get("contact_handle")),
                "title": row.get("contact_title") or None,
                "timezone": row.get("contact_timezone") or row.get("timezone") or None,
                "crm_id": row.get("contact_crm_id") or None, "_row": reader.line_num})
    return list(by_id.values())


def _contact_fields(person: dict[str, Any], where: str, default_region: str,
                    errors: list[str]) -> tuple[list[str], list[str], list[str]]:
    """Lower-cased emails, E.164 phones and handles of one imported contact; bad ones reported."""
    emails: list[str] = []
    for email in _split(person.get("emails") or person.get("email")):
        if "@" in email:
            emails.append(email.lower())
        else:
            errors.append(f"{where}: {email!r} is not an email address (skipped)")
    handles = _split(person.get("handles") or person.get("handle"))
    raw_phones = _split(person.get("phones") or person.get("phone"))
    # a WhatsApp handle is a phone number too
    raw_phones += [h.split(":", 1)[1] for h in handles if h.lower().startswith("whatsapp:")]
    phones: list[str] = []
    for raw in raw_phones:
        phone = normalize_phone(raw, default_region)
        if phone is None:
            errors.append(f"{where}: {raw!r} is not a valid phone number for region "
                          f"{default_region} (skipped; write it as +<country code><number>)")
        elif phone not in phones:
            phones.append(phone)
    return emails, phones, handles


def _timezone(value: Any, where: str, errors: list[str]) -> str | None:
    """An IANA timezone name, or None (reported) when it is not one."""
    if value in (None, ""):
        return None
    try:
        ZoneInfo(str(value))
    except (ZoneInfoNotFoundError, ValueError):
        errors.append(f"{where}: {value!r} is not an IANA timezone such as Asia/Shanghai "
                      "(left empty)")
        return None
    return str(value)


def _first_problem(exc: ValidationError) -> str:
    error = exc.errors()[0]
    field_name = ".".join(str(part) for part in error["loc"]) or "value"
    return f"{field_name}: {error['msg']} (got {error.get('input')!r})"


@dataclass
class _ImportIndex:
    """All of a tenant's contact keys, loaded once and kept current while an import runs."""

    session: Session
    tenant_id: str
    keys: dict[tuple[str, str], list[str]]

    def existing(self, *, crm_id: str | None, emails: list[str], phones: list[str]
                 ) -> Contact | None:
        """The stored contact this imported person already is, so a re-import updates it."""
        candidates = [("crm", crm_id), *(("email", e) for e in emails)]
        if not emails:  # a phone shared by two people with addresses is not proof they are one
            candidates += [("phone", p) for p in phones]
        for kind, value in candidates:
            ids = self.keys.get((kind, value)) if value else None
            if ids:
                return repository.get_contact(self.session, tenant_id=self.tenant_id,
                                              contact_id=ids[0])
        return None

    def add(self, contact: Contact) -> None:
        for key in contact_keys.keys_of(emails=contact.emails, phones=contact.phones,
                                        handles=contact.handles, crm_id=contact.crm_id):
            ids = self.keys.setdefault(key, [])
            if contact.id not in ids:
                ids.append(contact.id)


def import_accounts(session: Session, *, tenant_id: str, content: bytes, uri: str,
                    default_region: str = "US") -> ImportSummary:
    """Create or update accounts and contacts from CSV or JSON; importing again never duplicates.

    Rows that cannot be used are skipped and listed in `ImportSummary.errors` with their row
    number; the rest are imported. Phones without a `+` are read in `default_region`.
    """
    summary = ImportSummary()
    records = _records(content, uri)
    name = uri.rsplit("/", 1)[-1]
    known = _ImportIndex(session, tenant_id,
                         contact_keys.all_keys(session, tenant_id=tenant_id))
    for number, record in enumerate(records, start=1):
        where = (f"{name} row {record['_row']}" if "_row" in record
                 else f"{name} account {number}")
        if "_invalid" in record:
            summary.errors.append(f"{where}: expected an account object, got "
                                  f"{type(record['_invalid']).__name__}")
            continue
        if not record.get("id") or not record.get("name"):
            summary.errors.append(f"{where}: an account needs an id and a name")
            continue
        deal_raw = record.get("deal_value")
        try:
            deal = float(deal_raw) if deal_raw not in (None, "") else None
        except (TypeError, ValueError):
            summary.errors.append(f"{where}: deal_value {deal_raw!r} is not a number")
            continue
        domains = [d.lower().removeprefix("@") for d in _split(record.get("domains"))]
        for free in (d for d in domains if d in FREE_MAIL_DOMAINS):
            summary.errors.append(f"{where}: {free} is a free-mail domain; it will never match "
                                  "an account (list the company's own domain instead)")
        account_id = str(record["id"])
        account_tz = _timezone(record.get("timezone"), where, summary.errors)
        try:
            account = Account(
                id=account_id, tenant_id=tenant_id, name=str(record["name"]), domains=domains,
                timezone=account_tz, stage=record.get("stage") or None, deal_value=deal,
                owner=record.get("owner") or None, crm_id=record.get("crm_id") or None)
        except ValidationError as exc:
            summary.errors.append(f"{where}: {_first_problem(exc)}")
            continue
        repository.upsert_account(session, account)
        summary.accounts += 1
        for index, person in enumerate(record.get("contacts") or [], start=1):
            if not isinstance(person, dict):
                summary.errors.append(f"{where} contact {index}: expected a contact object")
                continue
            at = f"{name} row {person['_row']}" if "_row" in person else (
                f"{where} contact {index}")
            emails, phones, handles = _contact_fields(person, at, default_region, summary.errors)
            crm_id = person.get("crm_id") or None
            existing = known.existing(crm_id=crm_id, emails=emails, phones=phones)
            key = emails[0] if emails else crm_id or f"{account_id}:{person.get('name')}"
            contact_tz = _timezone(person.get("timezone"), at, summary.errors) or account_tz
            try:
                contact = Contact(
                    id=existing.id if existing else contact_id_for(tenant_id, key),
                    tenant_id=tenant_id, account_id=account_id, name=person.get("name") or None,
                    # identifiers learned from conversations are kept beside the imported ones
                    emails=merged_list(emails, existing.emails if existing else []),
                    phones=merged_list(phones, existing.phones if existing else []),
                    handles=merged_list(handles, existing.handles if existing else []),
                    title=person.get("title") or None, timezone=contact_tz, crm_id=crm_id)
            except ValidationError as exc:
                summary.errors.append(f"{at}: {_first_problem(exc)}")
                continue
            repository.upsert_contact(session, contact)
            known.add(contact)
            summary.contacts += 1
    return summary
