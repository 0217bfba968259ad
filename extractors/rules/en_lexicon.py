"""English words whose VADER weight is wrong in business text, beside `sentiment`'s own lists.

VADER was built on social-media text, where "outstanding" is praise and "grace" a virtue. In a
customer's email they are a pending item ("three things are outstanding before procurement can
raise the PO"), a person's name, a CRM record ("opportunities"), a file ("attachments"), a
contract ("the agreement"), a day off ("closed for the holiday"), a certainty ("pretty sure we'd
blow through it") or an answer ("yes", "yeah"). Scored as feelings they turn informational mail
positive (evals/GUIDE.md "neutral"). Kept apart from the Chinese lexicon so both can grow alone.
"""

from __future__ import annotations

# no feeling in business text: records, documents, process, names, days off, answers, hedges
NEUTRAL_WORDS: tuple[str, ...] = (
    "outstanding",  # pending: "two items are still outstanding"
    "opportunity", "opportunities",  # CRM records
    "attachment", "attachments", "agreement", "agreements", "legal", "dynamics", "outreach",
    "create", "creates", "created", "commit", "progress", "number", "party",  # "third party"
    "holiday", "holidays", "grace", "unified", "united", "grand",  # "anything over five grand"
    "kindly", "fyi", "sure", "certain", "certainly", "clear", "clearly", "curious", "straight",
    "yes", "yeah", "yep", "fair",  # "that's fair", "to be fair" concede, they do not praise
    "want", "chance", "ready", "important", "matter", "significant", "alone",
)
# weights VADER lacks: comparative and superlative praise, and a freeze ("the app froze",
# "budget is frozen") that VADER scores as a mild positive
EXTRA_TERMS: dict[str, float] = {
    "smoother": 1.8, "smoothest": 2.4, "freeze": -1.2, "froze": -1.4, "frozen": -1.2,
}
