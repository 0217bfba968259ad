"""Who a touchpoint is with: the customer-side participants resolved to contacts and accounts.

Importing accounts is `assistant/accounts.py`. Resolution order for each customer-side participant: exact email address, phone (E.164), chat
handle, CRM id, then the email's domain for the account. Free-mail domains never create or match
an account. A sender nobody knows becomes a contact flagged `needs_review`; when it later turns
out to be a known person, `merge_contacts` folds it in and its touchpoints follow.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import phonenumbers
from sqlalchemy.orm import Session

from assistant.errors import BadInputError
from assistant.models import Contact, Participant, Touchpoint
from assistant.storage import bulk, repository
from assistant.storage.contact_keys import keys_of, normalized_key

FREE_MAIL_DOMAINS = frozenset({
    "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "msn.com",
    "yahoo.com", "yahoo.co.jp", "icloud.com", "me.com", "aol.com", "proton.me", "protonmail.com",
    "gmx.com", "gmx.de", "mail.com", "yandex.ru", "qq.com", "foxmail.com", "163.com", "126.com",
    "yeah.net", "sina.com", "sina.cn", "sohu.com", "aliyun.com", "139.com", "189.cn",
})


def normalize_phone(raw: str, default_region: str = "US") -> str | None:
    """E.164 form, or None when the number cannot be parsed or is not valid."""
    try:
        number = phonenumbers.parse(raw, None if raw.strip().startswith("+") else default_region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def contact_id_for(tenant_id: str, key: str) -> str:
    """A contact's stable id from its first identifier."""
    return "ct_" + hashlib.sha256(f"{tenant_id}\x00{key}".encode()).hexdigest()[:20]


def _domain(email: str | None) -> str | None:
    if not email or "@" not in email:
        return None
    return email.rsplit("@", 1)[1].strip().lower()


# --- resolution ----------------------------------------------------------------------------


@dataclass
class Directory:
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

    def save(self, contact: Contact) -> None:
        repository.upsert_contact(self.session, contact)


class PreloadedDirectory(Directory):
    """A `Directory` for many touchpoints at once: everything their participants can be looked
    up by is read in three queries beforehand, and the contacts that resolution creates or
    changes are kept here (so a sender's second email finds the contact its first created)
    until `flush` writes them, one statement per kind of row."""

    def __init__(self, session: Session, tenant_id: str, touchpoints: list[Touchpoint], *,
                 default_region: str = "US", vendor_domains: tuple[str, ...] = ()) -> None:
        super().__init__(session, tenant_id)
        customers = [who for tp in touchpoints for who in tp.participants
                     if not _is_vendor(who, vendor_domains)]
        keys = {(kind, normalized_key(kind, value)) for who in customers
                for kind, value in _lookups(who, default_region)}
        self._holders, self._contacts = bulk.contacts_by_keys(session, tenant_id=tenant_id,
                                                              keys=keys)
        domains = {d for d in (_domain(who.email) for who in customers)
                   if d and d not in FREE_MAIL_DOMAINS}
        self._accounts = bulk.accounts_for_domains(session, tenant_id=tenant_id,
                                                   domains=domains)
        self._changed: dict[str, Contact] = {}

    def account_for(self, email: str | None) -> str | None:
        return self._accounts.get(_domain(email) or "")

    def find(self, kind: str, value: str) -> Contact | None:
        holders = self._holders.get((kind, normalized_key(kind, value)), [])
        found = sorted(i for i in holders if i in self._contacts)  # live ones, by id
        if kind == "handle_id" and len(found) != 1:
            return None
        return self._contacts[found[0]] if found else None

    def save(self, contact: Contact) -> None:
        self._changed[contact.id] = contact
        for holders in self._holders.values():  # its keys are rewritten, as upsert_contact does
            if contact.id in holders:
                holders.remove(contact.id)
        for key in keys_of(emails=contact.emails, phones=contact.phones, handles=contact.handles,
                           crm_id=contact.crm_id):
            self._holders.setdefault(key, []).append(contact.id)
        if contact.merged_into is None:
            self._contacts[contact.id] = contact
        else:
            self._contacts.pop(contact.id, None)

    def flush(self) -> None:
        """Write the contacts created or changed since the last flush."""
        bulk.upsert_contacts(self.session, list(self._changed.values()))
        self._changed.clear()


def _lookups(who: Participant, region: str) -> list[tuple[str, str]]:
    """What a participant is looked up by, in order: (kind, value) pairs."""
    candidates: list[tuple[str, str | None]] = [
        ("email", who.email),
        ("phone", normalize_phone(who.phone, region) if who.phone else None),
        ("handle", who.handle),
        ("handle_id", who.handle if who.handle and ":" not in who.handle else None),
        ("crm", who.crm_id),
    ]
    return [(kind, value) for kind, value in candidates if value and value.strip()]


def _known(directory: Directory, who: Participant, region: str) -> Contact | None:
    for kind, value in _lookups(who, region):
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
    return Contact(id=contact_id_for(tenant_id, key), tenant_id=tenant_id, account_id=account_id,
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
                     vendor_domains: tuple[str, ...] = (),
                     directory: Directory | None = None) -> Touchpoint:
    """The touchpoint with account_id and contact_ids set from its customer-side participants.

    Each customer participant is matched by email, phone (E.164; numbers without `+` are read in
    `default_region`), handle, then CRM id; the account comes from the contact or else from the
    email domain (never a free-mail one). An unknown sender with an address, phone, handle or
    CRM id is stored as a new contact flagged `needs_review`. Reps and agents are skipped.
    `directory` (a `PreloadedDirectory` of the touchpoint's tenant) serves a batch: lookups
    from memory, contacts written when it is flushed.
    """
    directory = directory or Directory(session, touchpoint.tenant_id)
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
            directory.save(contact)
        elif contact.account_id is None and domain_account is not None:
            # a sender first seen before their company's account was imported
            contact = contact.model_copy(update={"account_id": domain_account})
            directory.save(contact)
        account_id = account_id or contact.account_id or domain_account
        if contact.id not in contact_ids:
            contact_ids.append(contact.id)
    return touchpoint.model_copy(update={"account_id": account_id, "contact_ids": contact_ids})


def merged_list(first: list[str], second: list[str]) -> list[str]:
    """Both lists' items once each, in order."""
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
        "emails": merged_list(target.emails, source.emails),
        "phones": merged_list(target.phones, source.phones),
        "handles": merged_list(target.handles, source.handles),
        "name": target.name or source.name, "crm_id": target.crm_id or source.crm_id,
        "account_id": target.account_id or source.account_id,
        "timezone": target.timezone or source.timezone, "title": target.title or source.title})
    repository.upsert_contact(session, merged)
    repository.upsert_contact(session, source.model_copy(update={
        "merged_into": target_id, "emails": [], "phones": [], "handles": [], "crm_id": None}))
    repository.move_touchpoints_to_contact(session, tenant_id=tenant_id, source_id=source_id,
                                           target_id=target_id, account_id=merged.account_id)
    return merged
