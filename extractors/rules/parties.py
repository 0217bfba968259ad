"""Which side each named person and organisation is on, in notes and recap emails that name them.

Minutes and recap emails list people with their company ("Attendees: Stefan Brandt, Petra Vogel
(Kessler); Lena Hoffmann, Tim Aydin (Quellwerk)", "Jen Morales (AE, us)", "Marvin (Eastbrook IT)",
"Shelfwise (Aisha)") and then give tasks to a name or a company ("- Quellwerk (Tim): configure the
tenant", "Aisha to schedule the training", "Jess will send the usage report"). No speaker label says
who is the vendor, so the parties are read from the text:

- a tag that names a vendor job or the writer's own side ("AE, us", "Customer Success Lead",
  "Brightloop Support") makes its company the vendor;
- the signature of an email is the writer's company: the vendor's in an outbound message;
- what a company does in the notes: a vendor walks people through, demos, runs the pilot or the
  platform ("Shelfwise walked through the timeline", "Corvane onboarding platform"); a customer
  replaces or uses its tools ("Eastbrook is replacing its spreadsheet", "Eastbrook uses Okta");
- a company that heads its people ("Lumen: Ellie Marsh, Gavin Lyle (Service Delivery)", "Relay CX (Lena
  Fischer, Omar Haddad)") holds them, and a side word said of it ("The customer (VoltPath: …)",
  "Supplier present: Tracewell Ltd (…)") or a buyer's job among them ("Category Manager",
  "Procurement") says its side; people tagged with a job alone are of one company, the unnamed one;
  "me + Kofi" is the writer's side;
- what a company's people do in the notes: the one who asks ("Monica asked whether…") is the customer;
- with two companies, once one side is known the other company is the other side.
"""

from __future__ import annotations

import re
from functools import lru_cache

from extractors.rules.sides import is_vendor_job, organisation_of

# "Name (tag)" and "Name, Name (tag)" (an attendee group), "Org (Name)"
_TAGGED = re.compile(r"(?P<names>[A-Z][\w'-]+(?: [A-Z][\w'-]+){0,2}(?:,\s*[A-Z][\w'-]+(?: [A-Z][\w'-]+)?)*)"
                     r"[ \t]*\((?P<tag>[^()\n]{1,60})\)")
_OURS = re.compile(r"\b(?:us|our side|our team|vendor|we)\b", re.I)
_SINGLE_NAME = re.compile(r"[A-Z][a-z'-]+")
_INITIAL = re.compile(r"[A-Z]\.")
SIGNATURE_LINES = 6
_CLOSING = re.compile(r"^\s*(?:best|regards|best regards|kind regards|thanks|thank you|cheers|sincerely|--)\W*$", re.I)
_VENDOR_DOING = (r"(?:'s)?\s+(?:walked|walks|demoed|demos|demonstrated|presented|showed|acknowledged|apologi[sz]ed|will (?:configure|set up|"
                 r"provision|import|onboard|train|deploy|migrate)|team will)\b|"
                 r"\s*\(?[\w -]{0,30}?\b(?:platform|pilot|onboarding|implementation)\b|"
                 # what its product does or lacks: "the Thermatrack alerts", "a format CropLedger doesn't offer"
                 r"\s+(?:alerts|app|connector|sensors?|api)\b|"
                 r"\s+(?:doesn't|does not|already|now|also)?\s*(?:offers?|supports?)\b")
_CUSTOMER_DOING = (r"(?:'s)?\s+(?:is replacing|replaces|uses|is using|is on|currently|is evaluating|is moving|"
                   r"has approved|budget|asked (?:whether|if|about|for|to|re)|raised|will (?:use|move|switch|roll out))\b")


# a company the text calls a third party: "its third-party carrier, Coldline Logistics", "an outside
# auditor, Brandt & Co", "their external integrator Datavia"
_OUTSIDE = re.compile(r"\b(?:third[- ]party|outside|external|independent)\s+(?:[\w-]+\s+){0,2}?(?:carrier|courier|"
                      r"vendor|provider|partner|contractor|subcontractor|supplier|agency|integrator|consultancy|"
                      r"consultants?|auditor|reseller|distributor|3pl|firm|installer)s?,?\s+"
                      r"(?P<org>[A-Z][\w&'-]+(?: (?:&|[A-Z][\w&'-]+)){0,3})")


def third_party(who: str, text: str) -> str | None:
    """The company's name as the text gives it, when the text calls `who` (its first word said as
    the owner of a step) a third party, neither the vendor nor its customer; else None."""
    if not any(word in text for word in ("third", "hird-", "outside", "xternal", "ndependent")):
        return None
    first = who.split(maxsplit=1)[0] if who.strip() else ""
    return next((m.group("org") for m in _OUTSIDE.finditer(text) if m.group("org").split()[0] == first), None)


def party_side(who: str, text: str, direction: str, channel: str) -> str | None:
    """"rep" or "customer" for a person's first name or a company the text ties to a side, else None."""
    words = who.split()
    if words and (side := _SIDE_OF_WORD.get(words[0].casefold())) is not None:
        return side  # "Vendor (Quikslot) to send a fix timeline", "Client to sign the SOW"
    if "(" not in text and ":" not in text:
        return None
    if len(words) > 1 and _INITIAL.fullmatch(words[0]):
        words = words[1:]  # "L. Moyo", as minutes write attendees: the surname is the name said
    key = words[0].casefold() if words else ""
    return _sides(text, direction, channel).get(key)


# a company heading its people, in an attendee line or inside brackets: "Lumen: Ellie Marsh, Gavin Lyle
# (Service Delivery)", "Present: Town: Carla Benetti (Parks Director). Harbor: Sean McAllister (…)",
# "The customer (VoltPath: Andre Silva, Keisha Monroe)", "Relay CX (Lena Fischer, Omar Haddad)"
_PERSON = r"(?:(?:Dr|Mr|Mrs|Ms|Sister)\.? )?(?:[A-Z]\. ?)?[A-Z][\w'-]+(?: [A-Z][\w'-]+)?"
_PEOPLE = rf"{_PERSON}(?:[ \t]*\([^()\n]{{1,40}}\))?(?:[ \t]*(?:,|;|\+|&|\band\b)[ \t]*{_PERSON}(?:[ \t]*\([^()\n]{{1,40}}\))?)*"
_ORG = r"[A-Z][\w&'-]*(?: (?:&|[A-Z][\w&'-]*)){0,3}"
_SAID = r"\b(?P<said>(?i:customer|client|buyer|vendor|supplier|provider))s?(?i: present| attendees| side)?[ \t]*[:(]?[ \t]*"
_ORG_LISTED = re.compile(rf"(?:^|(?<=[.;:(])[ \t]*|{_SAID})(?P<org>{_ORG})(?:[ \t]*:|[ \t]+[-–—])[ \t]*(?P<people>{_PEOPLE})"
                         r"[ \t]*(?=[.;)\n]|$)", re.M)
_ORG_BRACKETED = re.compile(rf"(?:{_SAID})?\b(?P<org>{_ORG})[ \t]*\((?P<people>{_PERSON}(?:[ \t]*(?:,|;|\+|&|\band\b)"
                            rf"[ \t]*{_PERSON})+)\)")
# the cheap test for `_ORG_BRACKETED`: a bracket that opens on a name and a separator
_PEOPLE_IN_BRACKETS = re.compile(r"\((?:[A-Z]\. ?)?[A-Z][\w'-]+(?: [A-Z][\w'-]+)?[ \t]*(?:,|;|\+|&|and\b)")
# a company the notes call a side, its people in any form: "Supplier present: Tracewell Health Ltd (A. Hughes,
# Bid Manager; L. Sato, Clinical Lead)"
_SIDE_BRACKETED = re.compile(rf"{_SAID}(?P<org>{_ORG})[ \t]*\((?P<people>[^()\n]{{1,80}})\)")
# the notes' writer and a colleague: "me + Kofi", "me and Tom (svc)", "Tom and I"
_WITH_ME_WORDS = ("me +", "me &", "me and", "+ me", "& me", "and me", "and I ")
_WITH_ME = re.compile(rf"\bme (?:\+|&|and) (?P<after>{_PERSON})|(?P<before>{_PERSON}) (?:\+|&|and) (?:me|I)\b")
_HEADING_WORD = re.compile(r"^(?:attendees|present|participants|speakers|minutes|notes|date|time|location|"
                           r"subject|re|fwd?|agenda|summary|action|actions|duration|requirement|parties|chair|"
                           r"apologies|absent|recorded|in attendance)\b", re.I)
_NAME_IN = re.compile(rf"{_PERSON}(?:[ \t]*\((?P<tag>[^()\n]{{1,40}})\))?")
_CUSTOMER_WORD = re.compile(r"\b(?:customer|client|buyer|purchaser)\b(?! services| success)", re.I)
_VENDOR_WORD = re.compile(r"\b(?:vendor|supplier|provider)\b", re.I)
# a job only the buyer's people hold towards a supplier: "Procurement Lead", "Category Manager"
_BUYER_JOB = re.compile(r"\b(?:procurement|purchasing|category manager|buyer|sourcing)\b", re.I)


def _org_groups(text: str) -> list[tuple[str, list[tuple[str, str]], str, tuple[int, int]]]:
    """(company, [(person, tag)], the side word said of it, where) for each company that heads its
    people; the notes' writer and the colleague named with "me" are the company "us"."""
    if ":" not in text and "(" not in text and " me " not in text:
        return []
    found = []
    bracketed = _ORG_BRACKETED.finditer(text) if _PEOPLE_IN_BRACKETS.search(text) else ()
    for m in [*_ORG_LISTED.finditer(text), *bracketed, *_SIDE_BRACKETED.finditer(text)]:
        org = m.group("org")
        if _HEADING_WORD.match(org) or (m.group("said") is None and org.casefold() in _SIDE_NAMES):
            continue
        people = [(p.group(0).split("(")[0].strip(), p.group("tag") or "") for p in _NAME_IN.finditer(m.group("people"))]
        if m.re is _ORG_BRACKETED and not _bracketed_people(m.group("people"), people):
            continue  # "Tobias Kern (Velora, Account Manager)": a person's company and job
        found.append((org, people, (m.group("said") or "").casefold(), m.span()))
    for m in _WITH_ME.finditer(text) if any(w in text for w in _WITH_ME_WORDS) else ():
        found.append(("us", [(m.group("after") or m.group("before"), "")], "vendor", m.span()))
    return found


def _bracketed_people(said: str, people: list[tuple[str, str]]) -> bool:
    """Whether a bracket lists people ("Lena Fischer, Omar Haddad", "Ana + Brett"), not a person's
    company and job ("Velora, Account Manager")."""
    if any(_TITLE_WORDS.search(person) for person, _ in people):
        return False
    return all(len(person.split()) > 1 for person, _ in people) or not re.search(r"[,;]", said)


_TITLE_WORDS = re.compile(r"\b(?:manager|director|lead|head|officer|engineer|executive|md|ceo|cfo|cto|coo|vp|"
                          r"it|ops|sales|support|service|services|solutions|team|group|inc|ltd|llc|gmbh|co)\b", re.I)


_SIDE_OF_WORD = {"vendor": "rep", "supplier": "rep", "provider": "rep",
                 "client": "customer", "customer": "customer", "buyer": "customer"}
_SIDE_NAMES = frozenset({"customer", "client", "buyer", "vendor", "supplier", "provider", "the customer",
                         "the client", "the vendor", "the supplier"})


def _keys(person: str) -> set[str]:
    """The words a person is called by in tasks: "Kara Lindholm" -> kara; "H. Lindgren" -> lindgren."""
    words = [w for w in person.split() if not _INITIAL.fullmatch(w) and w.rstrip(".") not in _HONORIFICS]
    return {words[0].casefold(), words[-1].casefold()} if words else set()


_HONORIFICS = frozenset({"Dr", "Mr", "Mrs", "Ms", "Sister"})


@lru_cache(maxsize=16)
def _sides(text: str, direction: str, channel: str) -> dict[str, str]:
    groups: dict[str, set[str]] = {}  # a company (or a person alone) -> first names and company words
    vendor: set[str] = set()
    customer: set[str] = set()
    selling: set[str] = set()  # vendors by a job only a seller holds ("Account Executive"), not "Support Lead"
    ambiguous: list[tuple[str, str]] = []  # "Shelfwise (Aisha)" or "Dev (Tabletrack)": which is the company?
    listed = _org_groups(text)
    for company, listed_people, said, _ in listed:
        key = company.split()[0].casefold()
        members = groups.setdefault(key, {key})
        for person, job in listed_people:
            members.update(_keys(person))
            if is_vendor_job(job):
                vendor.add(key)
                if _SELLING_JOB.search(job):
                    selling.add(key)
            elif _BUYER_JOB.search(job):
                customer.add(key)
        if said in ("vendor", "supplier", "provider"):
            vendor.add(key)
        elif said:
            customer.add(key)
    for m in _TAGGED.finditer(text):
        if any(start <= m.start() < end for *_, (start, end) in listed):
            continue  # read with its company's line
        names = [n.strip() for n in m.group("names").split(",")]
        tag = m.group("tag").strip()
        if _PRODUCT_TAG.search(tag):
            continue  # "Copper Kettle Distilling (Pulsebook CRM)": a title naming the vendor's product
        ours = _OURS.search(tag) is not None
        if tag[:1].islower() and not ours:
            continue  # "Clearcall (conversation intelligence pilot)": a description, no company
        if ours:
            org, people = "us", names  # "Jen Morales (AE, us)"
        elif len(names) == 1 and _SINGLE_NAME.fullmatch(tag) and _SINGLE_NAME.fullmatch(names[0]):
            ambiguous.append((names[0], tag))
            continue
        else:
            org, people = organisation_of(f"x ({tag})") or "", names
        if not org and any(people[0].split()[0].casefold() in ms for ms in groups.values()):
            continue  # "Gavin Lyle (Service Delivery)" under "Lumen:": the company's line says the side
        # people tagged with a job alone ("Carol Jennings (Program Director)") are of one company, the
        # one the notes do not name; a vendor's job alone ("Sam (AE)") stands on its own
        key = org.split()[0] if org else "" if not is_vendor_job(tag) else people[0].split()[0].casefold()
        members = groups.setdefault(key, {key})
        members.update(p.split()[0].casefold() for p in people)
        if is_vendor_job(tag) or ours or _VENDOR_WORD.search(tag):
            vendor.add(key)
            if _SELLING_JOB.search(tag) or ours:
                selling.add(key)
        elif _BUYER_JOB.search(tag) or _CUSTOMER_WORD.search(tag):
            customer.add(key)  # "K. Adeyemi (Client PM, Harlow Living)"
    for name, tag in ambiguous:
        first, other = (tag, name) if tag.casefold() in groups else (name, tag)
        key = first.casefold()  # the one already known as a company is the company
        groups.setdefault(key, {key}).add(other.split()[0].casefold())
    groups = _merged(groups, vendor, customer)
    if not groups:
        return {}
    if channel == "email":
        lines = text.rstrip().splitlines()[-SIGNATURE_LINES:]
        closing = [k for k, line in enumerate(lines) if _CLOSING.match(line)]
        tail = "\n".join(lines[closing[-1]:] if closing else lines[-SIGNATURE_LINES // 2:]).casefold()
        for key in groups:
            if re.search(rf"\b{re.escape(key)}\b", tail):
                (vendor if direction == "outbound" else customer).add(key)
    if (writer := _writer_group(text, groups)) is not None and writer not in customer \
            and not selling - {writer}:
        vendor = {writer}  # "Minutes taken by: Ellie Marsh, Lumen Partner Team": the vendor's notes
    for key, members in groups.items():
        if key in vendor or key in customer:
            continue
        said = "|".join(re.escape(m) for m in members if m)
        if re.search(rf"\b(?:{said})(?:{_VENDOR_DOING})", text, re.I):
            vendor.add(key)
        elif re.search(rf"\b(?:{said})(?:{_CUSTOMER_DOING})", text, re.I):
            customer.add(key)
    vendor -= customer & vendor if len(vendor) > 1 else set()
    if len(vendor) != 1 and not (len(groups) == 2 and len(customer) == 1):
        return {}  # no single vendor: the text does not say
    if not vendor:
        vendor = set(groups) - customer
    return {member: "rep" if key in vendor else "customer"
            for key, members in groups.items() for member in members if member}


# who wrote the notes: "Minutes taken by: Ellie Marsh", "(notes by Nia Bowers, Grantline)", "Notes: K. Whitaker
# (ProjectorCare)"; minutes are the vendor's unless a side word says otherwise
_WRITER = re.compile(rf"\b(?i:notes|minutes)(?: (?i:taken|written|recorded))? (?i:by)[ \t]*:?[ \t]*(?P<by>{_PERSON})|"
                     rf"^[ \t]*(?i:notes|minutes|note-?taker|scribe)[ \t]*:[ \t]*(?P<said>{_PERSON})[ \t]*(?:\(|,|$)", re.M)
# a vendor's job that no customer's person holds ("Support Lead" may be the customer's own)
_SELLING_JOB = re.compile(r"\b(?:account (?:executive|manager|director)|ae|csm|customer success|solutions?|"
                          r"implementation|onboarding|sales engineer|key account|bid manager)\b", re.I)
# a tag that names a product, not a person's company: "(Pulsebook CRM)", "(Acme platform)"
_PRODUCT_TAG = re.compile(r"\b(?:crm|platform|app|software|suite|erp|pos|portal|system)\s*$", re.I)


def _writer_group(text: str, groups: dict[str, set[str]]) -> str | None:
    """The company whose person the notes name as their writer, if any."""
    if " by" not in text and "otes:" not in text and "inutes:" not in text:
        return None
    for m in _WRITER.finditer(text):
        keys = _keys(m.group("by") or m.group("said"))
        found = [key for key, members in groups.items() if key and keys & members]
        if len(found) == 1:
            return found[0]
    return None


def _merged(groups: dict[str, set[str]], vendor: set[str], customer: set[str]) -> dict[str, set[str]]:
    """Groups that share a member are one company ("BrightNest (vendor)", "Sam (BrightNest support)");
    the merged group keeps the first key and the sides said of any of its parts."""
    merged: dict[str, set[str]] = {}
    for key, members in groups.items():
        into = next((k for k, ms in merged.items() if ms & members), None)
        if into is None:
            merged[key] = set(members)
            continue
        merged[into] |= members
        for side in (vendor, customer):
            if key in side:
                side.add(into)
    for side in (vendor, customer):
        side &= set(merged)
    return merged
