"""A dated need the other side fills: "we still need the finished catalogues at our warehouse by
10 April", "I need the reprint delivered before the 26th", "We'd appreciate a corrected balance file
by Thursday", "we'll need a final headcount by March 20".

A need with a deadline is an ask of the other side whatever it names (a need without one, "we need
better reporting", is a pain, and stays with `EN_NEED` and `EN_WANT`, which read the undated
needs they can tell apart). The action hands over what is needed ("send the logger report and the
credit memo"), or does what its participle says ("the reprint delivered": "deliver the reprint").
"""

from __future__ import annotations

import re

from extractors.rules.cues import register
from extractors.rules.folding import fold

__all__ = ["EN_NEED_BY", "NEED_BY", "need_by_action"]

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
