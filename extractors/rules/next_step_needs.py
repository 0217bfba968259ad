"""A dated need the other side fills: "we still need the finished catalogues at our warehouse by
10 April", "I need the reprint delivered before the 26th", "We'd appreciate a corrected balance file
by Thursday", "we'll need a final headcount by March 20".

A need with a deadline is an ask of the other side whatever it names (a need without one, "we need
better reporting", is a pain, and stays with `EN_NEED` and `EN_WANT`, which read the undated
needs they can tell apart). The action hands over what is needed ("send the logger report and the
credit memo"), or does what its participle says ("the reprint delivered": "deliver the reprint").

Also here, as the other English step this module adds to `next_step_clauses`: a colleague named
beside a job outside the role list ("Our distiller, Aileen, will…") is the speaker's side.
"""

from __future__ import annotations

import re

from extractors.rules.cues import register
from extractors.rules.folding import fold

__all__ = ["EN_NEED_BY", "EN_STAFF_NAMED", "NEED_BY", "STAFF_NAMED", "need_by_action"]

EN_NEED_BY = fold(re.compile(
    r"\b(?:I|we)(?:'ll| will| would|'d| do| really| also| still| just| urgently| absolutely)* (?:need|require|"
    r"appreciate) (?P<object>(?:the|a|an|your|all|both)\b[^,;.!?]{0,80}?)"
    r"(?=\s+(?:by|before|no later than)\s)", re.I))
NEED_BY = register("en_need_by", ["need ", "require ", "appreciate "], pattern=EN_NEED_BY)
# what the needed thing must be when it comes: "the reprint delivered", "the contract signed"
_DONE = re.compile(r"^(?P<what>.+?) (?P<done>delivered|shipped|sent|signed|fixed|installed|returned|"
                   r"completed|approved|confirmed)$", re.I)
_DONE_VERB = {"delivered": "deliver", "shipped": "ship", "sent": "send", "signed": "sign", "fixed": "fix",
              "installed": "install", "returned": "return", "completed": "complete", "approved": "approve",
              "confirmed": "confirm"}


def need_by_action(needed: str) -> tuple[str, str]:
    """(verb, object) for what a dated need asks: ("deliver", "the reprint"), ("send", "the report")."""
    if (done := _DONE.match(needed)) is not None:
        return _DONE_VERB[done.group("done").lower()], done.group("what")
    return "send", needed


# a colleague named beside a job the role list does not hold, or by a name with a particle: "Our
# distiller, Aileen, will put together…", "our station manager Ilse de Boer will arrange…" — the
# speaker's side, like "our engineer will…" (`EN_TEAM`), not a customer's named person
EN_STAFF_NAMED = re.compile(
    r"\b(?P<who>(?:[Oo]ur|[Mm]y) (?:[\w-]+ ){0,2}?[a-z][\w-]+(?:, [A-Z][a-z]+(?: [A-Z][a-z]+)?,| [A-Z][a-z]+"
    r"(?: (?:de|van|von|der|den|da|di|del|du|la|le|ten|ter) [A-Z][a-z]+)+)) (?:will|is going to)"
    r"(?: also| then)? (?P<verb>(?!be\b|have\b|not\b|never\b|probably\b|likely\b)[a-z]+)\b")
STAFF_NAMED = register("en_staff_named", [", will", " de ", " van ", " von ", " der ", " den ", " ten ", " ter ",
                                         " da ", " di ", " del ", " du ", " la ", " le "], pattern=EN_STAFF_NAMED)
