"""Who a touchpoint is with: accounts and contacts, imported and resolved.

Resolution order for each customer-side participant: exact email address, phone (E.164), chat
handle, CRM id, then the email's domain for the account. Free-mail domains never create or match
an account. A sender nobody knows becomes a contact flagged `needs_review`; when it later turns
out to be a known person, `merge_contacts` folds it in and its touchpoints follow.
"""

from __future__ import annotations

import csv
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import phonenumbers
from sqlalchemy.orm import Session

from assistant.errors import BadInputError, NotFoundError
from assistant.models import Account, Contact, Participant, Touchpoint
from assistant.storage import repository

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
        extra = f", {len(self.errors)} row(s) rejected" if self.errors else ""
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
            raise BadInputError(f"{path}: expected {{\"accounts\": [...]}}")
        return accounts
    reader = csv.DictReader(text.splitlines())
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
        if row.get("contact_name") or row.get("contact_email"):
            account["contacts"].append({
                "name": row.get("contact_name") or None, "emails": _split(row.get("contact_email")),
                "phones": _split(row.get("contact_phone")),
                "handles": _split(row.get("contact_handle")),
                "title": row.get("contact_title") or None,
                "timezone": row.get("contact_timezone") or row.get("timezone") or None,
                "crm_id": row.get("contact_crm_id") or None, "_row": reader.line_num})
    return list(by_id.values())


def import_accounts(session: Session, *, tenant_id: str, path: Path,
                    default_region: str = "US") -> ImportSummary:
    """Create or update accounts and contacts; re-importing the same file changes nothing."""
    summary = ImportSummary()
    for number, record in enumerate(_records(path), start=1):
        where = f"{path.name} row {record.get('_row', number)}"
        if not record.get("id") or not record.get("name"):
            summary.errors.append(f"{where}: an account needs an id and a name")
            continue
        try:
            deal = float(record["deal_value"]) if record.get("deal_value") not in (None, "") else None
        except ValueError:
            summary.errors.append(f"{where}: deal_value {record['deal_value']!r} is not a number")
            continue
        repository.upsert_account(session, Account(
            id=str(record["id"]), tenant_id=tenant_id, name=str(record["name"]),
            domains=[d.lower() for d in _split(record.get("domains"))],
            timezone=record.get("timezone"), stage=record.get("stage"), deal_value=deal,
            owner=record.get("owner"), crm_id=record.get("crm_id")))
        summary.accounts += 1
        for person in record.get("contacts") or []:
            emails = [e.lower() for e in _split(person.get("emails"))]
            phones = [p for p in (normalize_phone(x, default_region)
                                  for x in _split(person.get("phones"))) if p]
            key = emails[0] if emails else f"{record['id']}:{person.get('name')}"
            repository.upsert_contact(session, Contact(
                id=_contact_id(tenant_id, key), tenant_id=tenant_id, account_id=str(record["id"]),
                name=person.get("name"), emails=emails, phones=phones,
                handles=_split(person.get("handles")), title=person.get("title"),
                timezone=person.get("timezone") or record.get("timezone"),
                crm_id=person.get("crm_id")))
            summary.contacts += 1
    return summary


# --- resolution ----------------------------------------------------------------------------


@dataclass
class _Directory:
    by_email: dict[str, Contact]
    by_phone: dict[str, Contact]
    by_handle: dict[str, Contact]
    by_crm: dict[str, Contact]
    account_by_domain: dict[str, str]


def _directory(session: Session, tenant_id: str) -> _Directory:
    contacts = repository.list_contacts(session, tenant_id=tenant_id)
    return _Directory(
        by_email={e.lower(): c for c in contacts for e in c.emails},
        by_phone={p: c for c in contacts for p in c.phones},
        by_handle={h.lower(): c for c in contacts for h in c.handles},
        by_crm={c.crm_id: c for c in contacts if c.crm_id},
        account_by_domain={d: a.id for a in repository.list_accounts(session, tenant_id=tenant_id)
                           for d in a.domains if d not in FREE_MAIL_DOMAINS},
    )


def _known(directory: _Directory, who: Participant, region: str) -> Contact | None:
    if who.email and who.email.lower() in directory.by_email:
        return directory.by_email[who.email.lower()]
    phone = normalize_phone(who.phone, region) if who.phone else None
    if phone and phone in directory.by_phone:
        return directory.by_phone[phone]
    if who.handle and who.handle.lower() in directory.by_handle:
        return directory.by_handle[who.handle.lower()]
    if who.crm_id and who.crm_id in directory.by_crm:
        return directory.by_crm[who.crm_id]
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


def resolve_identity(session: Session, touchpoint: Touchpoint, *, default_region: str = "US"
                     ) -> Touchpoint:
    """The touchpoint with account_id and contact_ids set from its customer-side participants."""
    directory = _directory(session, touchpoint.tenant_id)
    account_id = touchpoint.account_id
    contact_ids: list[str] = list(touchpoint.contact_ids)
    for who in touchpoint.participants:
        if who.role in ("rep", "agent"):
            continue
        contact = _known(directory, who, default_region)
        domain_account = directory.account_by_domain.get(_domain(who.email) or "")
        if contact is None:
            contact = _new_contact(touchpoint.tenant_id, who, domain_account, default_region)
            if contact is None:
                continue
            repository.upsert_contact(session, contact)
            for email in contact.emails:
                directory.by_email[email] = contact
        account_id = account_id or contact.account_id or domain_account
        if contact.id not in contact_ids:
            contact_ids.append(contact.id)
    return touchpoint.model_copy(update={"account_id": account_id, "contact_ids": contact_ids})


def merge_contacts(session: Session, *, tenant_id: str, source_id: str, target_id: str) -> Contact:
    """Fold `source_id` into `target_id`: identifiers move, touchpoints follow; returns target."""
    if source_id == target_id:
        raise BadInputError("cannot merge a contact into itself")
    source = repository.get_contact(session, tenant_id=tenant_id, contact_id=source_id)
    target = repository.get_contact(session, tenant_id=tenant_id, contact_id=target_id)
    if target.merged_into:
        raise NotFoundError(f"contact {target_id!r} was itself merged into {target.merged_into!r}")

    def union(a: list[str], b: list[str]) -> list[str]:
        return list(dict.fromkeys([*a, *b]))

    merged = target.model_copy(update={
        "emails": union(target.emails, source.emails), "phones": union(target.phones, source.phones),
        "handles": union(target.handles, source.handles), "name": target.name or source.name,
        "crm_id": target.crm_id or source.crm_id})
    repository.upsert_contact(session, merged)
    repository.upsert_contact(session, source.model_copy(update={
        "merged_into": target_id, "emails": [], "phones": [], "handles": []}))
    for row in repository.touchpoints_with_contact(session, tenant_id=tenant_id, contact_id=source_id):
        ids = [target_id if c == source_id else c for c in row.contact_ids]
        repository.set_touchpoint_identity(
            session, tenant_id=tenant_id, touchpoint_id=row.id,
            account_id=row.account_id or merged.account_id, contact_ids=list(dict.fromkeys(ids)))
    return merged
