"""English words whose VADER weight is wrong in business text, beside `sentiment`'s own lists.

VADER was built on social-media text, where "outstanding" is praise and "grace" a virtue. In a
customer's email they are a pending item ("three things are outstanding before procurement can
raise the PO"), a person's name, a CRM record ("opportunities"), a file ("attachments"), a
contract ("the agreement"), a day off ("closed for the holiday"), a certainty ("pretty sure we'd
blow through it") or an answer ("yes", "yeah"). Scored as feelings they turn informational mail
positive (evals/GUIDE.md "neutral"). Kept apart from the Chinese lexicon so both can grow alone.
"""

from __future__ import annotations

import re
import string

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
    # fixed business terms: "the county grant", "the original purchase", "as agreed", "the Board agreed"
    "grant", "grants", "original", "agreed",
    # programmes, tools and money moved: "the loyalty migration", "the die for the trays", "the
    # rewarded placement", "wants that credited"
    "loyalty", "die", "reward", "rewards", "rewarded", "credited",
    # procurement and admin terms: "each award round", "line manager approval is attached", "market
    # engagement", "effective 2 March", "face value", "Theo may join", "Mercy Hospital", "the festival wifi"
    "award", "awards", "awarded", "endorsement", "approval", "engagement", "optimization", "optimisation",
    "effective", "value", "join", "mercy", "festival",
    # site and plant words: "desk block C", "the alarm panel code", "bushing temp alarms"
    "block", "alarm", "alarms",
    # services and safety terms: "Waste Ops Manager", "waste collection", "fire stopping at risers",
    # "fire door checks" ("a waste of money" is read as a phrase in sentiment.py)
    "waste", "fire",
    "parties", "play",  # "Parties: buyer and supplier", "the apps play 41 minutes of silence"
)
# VADER's social-media tokens that are numbers, codes, names and abbreviations in business text:
# "143 users", "the 8D report", "AML checks", "NFC payments", "LTS release", "Hey Rob", "a VIP tier"
CODE_TOKENS: tuple[str, ...] = (
    "143", "182", "187", "86", "10q", "2qt", "4q", "5fs", "8d", "d8", "g1", "n1", "k4y", "aml", "bl",
    "dx", "ff", "gt", "jp", "jt", "jw", "kia", "l", "mia", "nfc", "nh", "pu", "qt", "vip", "wp", "xp",
    "lts", "ly", "tx", "txs", "vbs", "wd", "iou", "rob", "pay",
    # emoticons that are a date or a time in parentheses: "(Apr 8)", "(8 units)", "0:03"
    "8)", "(8", "0-8", "0:03", "1337", "1432",
)
# weights VADER lacks: comparative and superlative praise, and a freeze ("the app froze",
# "budget is frozen") that VADER scores as a mild positive
EXTRA_TERMS: dict[str, float] = {
    "smoother": 1.8, "smoothest": 2.4, "freeze": -1.2, "froze": -1.4, "frozen": -1.2,
}
_PUNCTUATION = string.punctuation
_CAPITAL_PAIR = re.compile(r"[A-Z]\S*\s+[A-Z]")
_BREAKS = (".", "!", "?", ":", ";", "\"", "“", "(", "-", "—", "–", "'", "‘")  # a word after these starts anew


def without_names(plain: str, lexicon: dict[str, float]) -> str:
    """`plain` with the feeling words that are part of a name blanked out: a capitalised word
    beside another capitalised word inside the sentence ("our contact at Kingsmead Trust", "the
    Liberty Mutual account", "she runs the Hope Street clinic") names an organisation, a place or
    a person, and carries no valence. The sentence's first word, and a word after a quote, bracket
    or sentence mark, start anew and keep theirs ("Love The New Dashboard")."""
    if _CAPITAL_PAIR.search(plain, 1) is None:  # most sentences: no two capitalised words in a row
        return plain
    tokens = plain.split()
    capital = [i > 0 and token[:1].isupper() and not tokens[i - 1].endswith(_BREAKS)
               for i, token in enumerate(tokens)]
    # two capitalised words make a name unless a comma parts them ("…Plains Bank, Happy so far")
    linked = [i > 0 and capital[i] and capital[i - 1] and not tokens[i - 1].endswith(",")
              for i in range(len(tokens))] + [False]
    named = [i for i, token in enumerate(tokens) if capital[i] and token[1:2].islower()
             and (linked[i] or linked[i + 1]) and token.strip(_PUNCTUATION).lower() in lexicon]
    if not named:
        return plain
    for i in named:
        tokens[i] = "_"
    return " ".join(tokens)
