"""English steps said in the passive, with no one named: "A replacement unit will be shipped
Monday", "Next update will be posted here by 1pm", "The invoice will be reissued".

Whoever says it speaks for the side that does it (the agent for the vendor, the buyer's form for
the buyer: "a purchase order will be issued within 5 business days"). Only future passives of
verbs that hand something over or act on an account count: "your data will be encrypted" is how
the product works, not a step, so "encrypted" and the like are not in the list.
"""

from __future__ import annotations

import re

from extractors.rules.folding import fold

# participle -> the verb of the action
PASSIVE_VERBS = {
    "sent": "send", "resent": "resend", "emailed": "email", "shipped": "ship", "posted": "post",
    "issued": "issue", "reissued": "reissue", "refunded": "refund", "credited": "credit",
    "scheduled": "schedule", "delivered": "deliver", "processed": "process", "replaced": "replace",
    "compared": "compare", "escalated": "escalate", "shared": "share", "forwarded": "forward",
    "provided": "provide", "applied": "apply", "dispatched": "dispatch", "swapped": "swap",
    "reviewed": "review", "corrected": "correct", "restored": "restore", "reset": "reset",
    "re-run": "re-run", "rerun": "rerun", "reprocessed": "reprocess", "backfilled": "backfill",
    "circulated": "circulate", "uploaded": "upload", "published": "publish", "investigated": "investigate",
}
# what a buyer hands over: "a purchase order will be issued", "payment will be processed"
BUYER_OBJECTS = re.compile(r"purchase order|\bPO\b|payment|remittance", re.I)
# cue words: one of these must occur before the pattern runs
PASSIVE_CUES = [f"be {pp}" for pp in PASSIVE_VERBS]
_PP = "|".join(sorted(map(re.escape, PASSIVE_VERBS), key=len, reverse=True))
# the subject: a noun phrase opened by a determiner ("the corrected invoice", "next update"), or
# the clause's first words ("Store 114's terminal config"), never a person ("you will be sent…");
# its words are no verbs or joins, so an earlier "the" cannot reach over a clause to it
_WORD = r"(?!(?:the|a|an|and|but|or|so|if|when|once|said|says|told|is|are|was|were|will|has|have|that|which|who)\b)[\w'’$#-]+"
EN_PASSIVE = fold(re.compile(
    r"(?:\b(?P<det>the|a|an|your|our|this|that|these|those|next)\b|^\W*(?:and |also |then )?(?=\w))"
    r"(?P<what>(?(det) |(?!(?:you|i|we|they|he|she|it|this|there)\b))" + _WORD + r"(?: " + _WORD + r"){0,4}?)"
    r"(?: will| is going to| are going to| shall|['’]ll) (?:also |then |now )?be (?P<pp>" + _PP + r")\b",
    re.I))


def passive_action(m: re.Match[str]) -> str:
    """The action of an EN_PASSIVE match: "post the next update", "ship a replacement unit"."""
    det = (m.group("det") or "").lower()
    what = m.group("what").strip()
    if not det:  # "Store 114's terminal config will be compared…": as it stands
        first = what.split(" ", 1)[0]
        what = what if first.isupper() or first.istitle() and len(what.split()) > 1 else what.lower()
        what = what[0].lower() + what[1:] if first.istitle() and not any(c.isdigit() for c in what) else what
    elif det == "next":
        what = f"the next {what}"
    else:
        what = f"{det} {what}"
    return f"{PASSIVE_VERBS[m.group('pp').lower()]} {what}"
