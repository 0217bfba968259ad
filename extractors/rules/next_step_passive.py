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


# a demand for a state the other side brings about: "I want the duplicate charge refunded", "we'd
# like the trial extended by Friday" (the other side's step: "refund the duplicate charge")
STATE_VERBS = {
    "refunded": "refund", "credited": "credit", "reversed": "reverse", "removed": "remove",
    "deleted": "delete", "cancelled": "cancel", "canceled": "cancel", "corrected": "correct",
    "fixed": "fix", "resolved": "resolve", "restored": "restore", "reset": "reset",
    "unlocked": "unlock", "reactivated": "reactivate", "re-enabled": "re-enable", "enabled": "enable",
    "disabled": "disable", "turned off": "turn off", "switched off": "switch off", "merged": "merge",
    "upgraded": "upgrade", "downgraded": "downgrade", "extended": "extend", "escalated": "escalate",
}
STATE_CUES = [f" {state}" for state in STATE_VERBS]
_STATE = "|".join(sorted(map(re.escape, STATE_VERBS), key=len, reverse=True))
EN_WANT_STATE = fold(re.compile(
    r"\b(?:I|we)(?:'d| would| really| just| also| still| do)* (?:want|need|like|expect) "
    r"(?P<what>this|it|that|them|these|those|(?:the|my|our|this|that|these|those|all|both|every) "
    r"[\w'’-]+(?: (?!(?:by|before|to|and|so|today|tomorrow|asap)\b)[\w'’-]+){0,3}?) (?P<state>" + _STATE + r")\b",
    re.I))


def wanted_state_action(m: re.Match[str]) -> str:
    """The action of an EN_WANT_STATE match: "refund the duplicate charge"."""
    return f"{STATE_VERBS[m.group('state').lower()]} {m.group('what')}"


# an offer put as a question in the past tense: "Would it be OK if I checked back in closer to your
# renewal?", "do you mind if we followed up in March?" (a step once the other side says yes)
PAST_VERBS = {
    "checked": "check", "followed": "follow", "reached": "reach", "touched": "touch",
    "circled": "circle", "called": "call", "sent": "send", "set": "set", "put": "put",
    "scheduled": "schedule", "emailed": "email", "pinged": "ping", "looped": "loop",
    "dropped": "drop", "came": "come", "got": "get", "booked": "book", "shared": "share",
}
OFFER_PAST_CUES = [" if i ", " if we "]
EN_OFFER_PAST = fold(re.compile(
    r"\b(?:(?:would|will) it be (?:ok|okay|alright|all right|fine)|(?:would|do) you mind|"
    r"is it (?:ok|okay|alright|all right|fine)|would you be (?:ok|okay|fine)(?: with it)?) if (?:I|we)"
    r"(?: just| maybe)? (?P<past>" + "|".join(sorted(PAST_VERBS, key=len, reverse=True)) + r")\b", re.I))
