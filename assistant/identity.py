"""Who a touchpoint is with: accounts and contacts, imported and resolved.

Resolution order for each customer-side participant: exact email address, phone (E.164), chat
handle, CRM id, then the email's domain for the account. Free-mail domains never create or match
an account. A sender nobody knows becomes a contact flagged `needs_review`; when it later turns
out to be a known person, `merge_contacts` folds it in and its touchpoints follow.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import phonenumbers
from pydantic import ValidationError
from sqlalchemy.orm import Session

from assistant.errors import BadInputError
from assistant.models import Account, Contact, Participant, Touchpoint
from assistant.storage import contact_keys, repository

FREE_MAIL_DOMAINS = frozenset({
    "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "msn.com",
    "yahoo.com", "yahoo.co.jp", "icloud.com", "me.com", "aol.com", "proton.me", "protonmail.com",
    "gmx.com", "gmx.de", "mail.com", "yandex.ru", "qq.com", "foxmail.com", "163.com", "126.com",
    "yeah.net", "sina.com", "sina.cn", "sohu.com", "aliyun.com", "139.com", "189.cn",
})
REQUIRED_ACCOUNT_COLUMNS = ("account_id", "account_name")


def normalize_phone(raw: str, default_region: str = "US") -> str | None:
    """E.164 form, or None when the number cannot be parsed or is not valid."""
    try:
        number = phonenumbers.parse(raw, None if raw.strip().startswith("+") else default_region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def _contact_id(tenant_id: str, key: str) -> str:
    return "ct_" + hashlib.sha256(f"{tenant_id}\x00{key}".encode()).hexdigest()[:20]


def _domain(email: str | None) -> str | None:
    if not email or "@" not in email:
        return None
    return email.rsplit("@", 1)[1].strip().lower()


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


def _records(path: Path) -> list[dict[str, Any]]:
    """Account dicts with nested contacts, from CSV (one row per contact) or JSON."""
    if not path.is_file():
        raise BadInputError(f"{path}: no such file")
    text = path.read_text(encoding="utf-8-sig")
    if path.suffix.lower() == ".json":
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


def import_accounts(session: Session, *, tenant_id: str, path: Path,
                    default_region: str = "US") -> ImportSummary:
    """Create or update accounts and contacts from CSV or JSON; importing again never duplicates.

    Rows that cannot be used are skipped and listed in `ImportSummary.errors` with their row
    number; the rest are imported. Phones without a `+` are read in `default_region`.
    """
    summary = ImportSummary()
    records = _records(path)
    known = _ImportIndex(session, tenant_id,
                         contact_keys.all_keys(session, tenant_id=tenant_id))
    for number, record in enumerate(records, start=1):
        where = (f"{path.name} row {record['_row']}" if "_row" in record
                 else f"{path.name} account {number}")
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
            at = f"{path.name} row {person['_row']}" if "_row" in person else (
                f"{where} contact {index}")
            emails, phones, handles = _contact_fields(person, at, default_region, summary.errors)
            crm_id = person.get("crm_id") or None
            existing = known.existing(crm_id=crm_id, emails=emails, phones=phones)
            key = emails[0] if emails else crm_id or f"{account_id}:{person.get('name')}"
            contact_tz = _timezone(person.get("timezone"), at, summary.errors) or account_tz
            try:
                contact = Contact(
                    id=existing.id if existing else _contact_id(tenant_id, key),
                    tenant_id=tenant_id, account_id=account_id, name=person.get("name") or None,
                    # identifiers learned from conversations are kept beside the imported ones
                    emails=_union(emails, existing.emails if existing else []),
                    phones=_union(phones, existing.phones if existing else []),
                    handles=_union(handles, existing.handles if existing else []),
                    title=person.get("title") or None, timezone=contact_tz, crm_id=crm_id)
            except ValidationError as exc:
                summary.errors.append(f"{at}: {_first_problem(exc)}")
                continue
            repository.upsert_contact(session, contact)
            known.add(contact)
            summary.contacts += 1
    return summary


# --- resolution ----------------------------------------------------------------------------


@dataclass
class _Directory:
    """Who an identifier belongs to in one tenant: indexed lookups, accounts by domain."""

    session: Session
    tenant_id: str

    def account_for(self, email: str | None) -> str | None:
        domain = _domain(email)
        if not domain or domain in FREE_MAIL_DOMAINS:
            return None
        return repository.account_for_domain(self.session, tenant_id=self.tenant_id,
                                             domain=domain)

    def find(self, kind: str, value: str) -> Contact | None:
        found = repository.find_contacts(self.session, tenant_id=self.tenant_id, kind=kind,
                                         value=value)
        if kind == "handle_id" and len(found) != 1:
            return None  # a bare id is only trusted when it names one person
        return found[0] if found else None


def _known(directory: _Directory, who: Participant, region: str) -> Contact | None:
    candidates: list[tuple[str, str | None]] = [
        ("email", who.email),
        ("phone", normalize_phone(who.phone, region) if who.phone else None),
        ("handle", who.handle),
        ("handle_id", who.handle if who.handle and ":" not in who.handle else None),
        ("crm", who.crm_id),
    ]
    for kind, value in candidates:
        if value and value.strip():
            contact = directory.find(kind, value)
            if contact is not None:
                return contact
    return None


def _new_contact(tenant_id: str, who: Participant, account_id: str | None, region: str
                 ) -> Contact | None:
    phone = normalize_phone(who.phone, region) if who.phone else None
    key = (who.email or "").lower() or phone or (who.handle or "").lower() or who.crm_id
    if not key:
        return None  # a bare display name is not enough to create a person
    return Contact(id=_contact_id(tenant_id, key), tenant_id=tenant_id, account_id=account_id,
                   name=who.name, emails=[who.email.lower()] if who.email else [],
                   phones=[phone] if phone else [], handles=[who.handle] if who.handle else [],
                   crm_id=who.crm_id, needs_review=True)


def _is_vendor(who: Participant, vendor_domains: tuple[str, ...]) -> bool:
    if who.role in ("rep", "agent"):
        return True
    domain = _domain(who.email)
    if domain is None:
        return False
    return any(domain == d or domain.endswith("." + d) for d in vendor_domains)


def resolve_identity(session: Session, touchpoint: Touchpoint, *, default_region: str = "US",
                     vendor_domains: tuple[str, ...] = ()) -> Touchpoint:
    """The touchpoint with account_id and contact_ids set from its customer-side participants.

    Each customer participant is matched by email, phone (E.164; numbers without `+` are read in
    `default_region`), handle, then CRM id; the account comes from the contact or else from the
    email domain (never a free-mail one). An unknown sender with an address, phone, handle or
    CRM id is stored as a new contact flagged `needs_review`. Reps and agents are skipped.
    """
    directory = _Directory(session, touchpoint.tenant_id)
    account_id = touchpoint.account_id
    contact_ids: list[str] = list(touchpoint.contact_ids)
    for who in touchpoint.participants:
        if _is_vendor(who, vendor_domains):
            continue
        contact = _known(directory, who, default_region)
        domain_account = directory.account_for(who.email)
        if contact is None:
            contact = _new_contact(touchpoint.tenant_id, who, domain_account, default_region)
            if contact is None:
                continue
            repository.upsert_contact(session, contact)
        elif contact.account_id is None and domain_account is not None:
            # a sender first seen before their company's account was imported
            contact = contact.model_copy(update={"account_id": domain_account})
            repository.upsert_contact(session, contact)
        account_id = account_id or contact.account_id or domain_account
        if contact.id not in contact_ids:
            contact_ids.append(contact.id)
    return touchpoint.model_copy(update={"account_id": account_id, "contact_ids": contact_ids})


def _union(first: list[str], second: list[str]) -> list[str]:
    return list(dict.fromkeys([*first, *second]))


def merge_contacts(session: Session, *, tenant_id: str, source_id: str, target_id: str) -> Contact:
    """Fold `source_id` into `target_id`: identifiers move, touchpoints follow; returns target.

    The source stays as a tombstone (`merged_into=target_id`, no identifiers) so old references
    can still be followed.
    """
    if source_id == target_id:
        raise BadInputError(f"cannot merge contact {source_id!r} into itself; pick two contacts")
    source = repository.get_contact(session, tenant_id=tenant_id, contact_id=source_id)
    target = repository.get_contact(session, tenant_id=tenant_id, contact_id=target_id)
    for contact in (source, target):
        if contact.merged_into:
            raise BadInputError(f"contact {contact.id!r} was already merged into "
                                f"{contact.merged_into!r}; merge into that contact instead")
    merged = target.model_copy(update={
        "emails": _union(target.emails, source.emails),
        "phones": _union(target.phones, source.phones),
        "handles": _union(target.handles, source.handles),
        "name": target.name or source.name, "crm_id": target.crm_id or source.crm_id,
        "account_id": target.account_id or source.account_id,
        "timezone": target.timezone or source.timezone, "title": target.title or source.title})
    repository.upsert_contact(session, merged)
    repository.upsert_contact(session, source.model_copy(update={
        "merged_into": target_id, "emails": [], "phones": [], "handles": [], "crm_id": None}))
    repository.move_touchpoints_to_contact(session, tenant_id=tenant_id, source_id=source_id,
                                           target_id=target_id, account_id=merged.account_id)
    return merged
