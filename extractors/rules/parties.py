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
- with two companies, once one side is known the other company is the other side.
"""

from __future__ import annotations

import re
from functools import lru_cache

from extractors.rules.sides import is_vendor_job, organisation_of

# "Name (tag)" and "Name, Name (tag)" (an attendee group), "Org (Name)"
_TAGGED = re.compile(r"(?P<names>[A-Z][\w'-]+(?: [A-Z][\w'-]+)?(?:,\s*[A-Z][\w'-]+(?: [A-Z][\w'-]+)?)*)"
                     r"[ \t]*\((?P<tag>[^()\n]{1,60})\)")
_OURS = re.compile(r"\b(?:us|our side|our team|vendor|we)\b", re.I)
_SINGLE_NAME = re.compile(r"[A-Z][a-z'-]+")
_INITIAL = re.compile(r"[A-Z]\.")
SIGNATURE_LINES = 6
_CLOSING = re.compile(r"^\s*(?:best|regards|best regards|kind regards|thanks|thank you|cheers|sincerely|--)\W*$", re.I)
_VENDOR_DOING = (r"(?:'s)?\s+(?:walked|walks|demoed|demos|demonstrated|presented|showed|will (?:configure|set up|"
                 r"provision|import|onboard|train|deploy|migrate)|team will)\b|"
                 r"\s*\(?[\w -]{0,30}?\b(?:platform|pilot|onboarding|implementation)\b|"
                 # what its product does or lacks: "the Thermatrack alerts", "a format CropLedger doesn't offer"
                 r"\s+(?:alerts|app|connector|sensors?|api)\b|"
                 r"\s+(?:doesn't|does not|already|now|also)?\s*(?:offers?|supports?)\b")
_CUSTOMER_DOING = (r"(?:'s)?\s+(?:is replacing|replaces|uses|is using|is on|currently|is evaluating|is moving|"
                   r"has approved|budget)\b")


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
    if "(" not in text:
        return None
    words = who.split()
    if len(words) > 1 and _INITIAL.fullmatch(words[0]):
        words = words[1:]  # "L. Moyo", as minutes write attendees: the surname is the name said
    key = words[0].casefold() if words else ""
    return _sides(text, direction, channel).get(key)


@lru_cache(maxsize=16)
def _sides(text: str, direction: str, channel: str) -> dict[str, str]:
    groups: dict[str, set[str]] = {}  # a company (or a person alone) -> first names and company words
    vendor: set[str] = set()
    for m in _TAGGED.finditer(text):
        names = [n.strip() for n in m.group("names").split(",")]
        tag = m.group("tag").strip()
        ours = _OURS.search(tag) is not None
        if tag[:1].islower() and not ours:
            continue  # "Clearcall (conversation intelligence pilot)": a description, no company
        if ours:
            org, people = "us", names  # "Jen Morales (AE, us)"
        elif len(names) == 1 and _SINGLE_NAME.fullmatch(tag) and _SINGLE_NAME.fullmatch(names[0]):
            org, people = names[0].casefold(), [tag]  # "Shelfwise (Aisha)" or "Dev (Tabletrack)": one group
        else:
            org, people = organisation_of(f"x ({tag})") or "", names
        key = org.split()[0] if org else people[0].split()[0].casefold()
        members = groups.setdefault(key, {key})
        members.update(p.split()[0].casefold() for p in people)
        if is_vendor_job(tag) or ours:
            vendor.add(key)
    if len(groups) < 2 and not vendor:
        return {}
    customer: set[str] = set()
    if channel == "email":
        lines = text.rstrip().splitlines()[-SIGNATURE_LINES:]
        closing = [k for k, line in enumerate(lines) if _CLOSING.match(line)]
        tail = "\n".join(lines[closing[-1]:] if closing else lines[-SIGNATURE_LINES // 2:]).casefold()
        for key in groups:
            if re.search(rf"\b{re.escape(key)}\b", tail):
                (vendor if direction == "outbound" else customer).add(key)
    for key, members in groups.items():
        if key in vendor or key in customer:
            continue
        said = "|".join(re.escape(m) for m in members)
        if re.search(rf"\b(?:{said})(?:{_VENDOR_DOING})", text, re.I):
            vendor.add(key)
        elif re.search(rf"\b(?:{said})(?:{_CUSTOMER_DOING})", text, re.I):
            customer.add(key)
    if len(vendor) != 1 and not (len(groups) == 2 and len(customer) == 1):
        return {}  # no single vendor: the text does not say
    if not vendor:
        vendor = set(groups) - customer
    return {member: "rep" if key in vendor else "customer"
            for key, members in groups.items() for member in members}
