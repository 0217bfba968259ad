"""Third parties of a multi-party project meeting, named by their company.

Design-team and site-coordination minutes list more parties than a vendor and its customer: the
client or owner, the firm writing the minutes, and the contractors and consultants around them
("Present: K. Osei (Client PM, Larkfield Homes), S. Brandt (Architect, …), P. Nolan (Contractor,
Corran Build)", "GC: Burch Construction (A. Mendez). Mechanical: Falk Mechanical (J. Falk)."). A
step given to a contractor or consultant of that kind ("P. Nolan (Corran)", "Burch to issue…") is
that company's, labelled by its name. Read only when the minutes also name a client or an owner,
and never for the writer's own party ("us", the person the minutes name as their writer).
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["project_third_party"]

# jobs of a project's other parties: contractors, engineers, surveyors and the like
_THIRD_JOB = (r"(?:general |main |sub-?|controls |mechanical |electrical |m&e |mep |civil |roofing |glazing |"
              r"demolition |piling )?contractor|gc|structural(?: engineer)?|mechanical|electrical|m&e|mep|civil|"
              r"(?:quantity |building )?surveyor|qs|landscape(?: architect)?|facade|fire engineer|inspector|"
              r"commissioning(?: agent)?|cost consultant")
_PERSON = r"(?:[A-Z]\. ?)?[A-Z][\w'-]+(?: [A-Z][\w'-]+)?"
_COMPANY = r"[A-Z][\w&'-]*(?: (?:&|[A-Z][\w&'-]*)){0,3}"
# "P. Nolan (Contractor, Corran Build)"
_PERSON_FIRST = re.compile(rf"(?P<person>{_PERSON})[ \t]*\((?i:{_THIRD_JOB})[ \t]*,[ \t]*(?P<company>{_COMPANY})\)")
# "GC: Burch Construction (A. Mendez)", "Mechanical - Falk Mechanical (J. Falk)"
_JOB_FIRST = re.compile(rf"\b(?i:{_THIRD_JOB})[ \t]*[:\-–][ \t]*(?P<company>{_COMPANY})[ \t]*\((?P<person>{_PERSON})\)")
_CLIENT = re.compile(r"\b(?:client|owner(?:'s)?(?: rep(?:resentative)?)?|employer)\b", re.I)
_WRITER = re.compile(rf"^[ \t]*(?i:minutes|notes|minuted|minute-?taker|scribe)(?: (?i:taken |written )?(?i:by))?[ \t]*:"
                     rf"[ \t]*(?P<person>{_PERSON})", re.M)
_INITIAL = re.compile(r"[A-Z]\.")


def project_third_party(who: str, text: str) -> str | None:
    """The company's name when `who` (a person or a company's first word, said as the owner of a
    step) is a contractor or consultant the project minutes list as a party of its own; else None."""
    if "(" not in text or not who.strip():
        return None
    words = [w for w in who.split() if not _INITIAL.fullmatch(w)]
    return _parties(text).get(words[0].casefold()) if words else None


@lru_cache(maxsize=16)
def _parties(text: str) -> dict[str, str]:
    if not _CLIENT.search(text):
        return {}
    writer = {w.casefold() for m in _WRITER.finditer(text) for w in m.group("person").split()
              if not _INITIAL.fullmatch(w)}
    found: dict[str, str] = {}
    for m in [*_PERSON_FIRST.finditer(text), *_JOB_FIRST.finditer(text)]:
        person = [w.casefold() for w in m.group("person").split() if not _INITIAL.fullmatch(w)]
        if writer & set(person):
            continue
        company = m.group("company")
        for key in (*person, company.split()[0].casefold()):
            found.setdefault(key, company)
    return found
