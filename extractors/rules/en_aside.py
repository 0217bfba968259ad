"""English feeling words that are not the customer's stance towards us, taken out before scoring.

Four kinds of sentence carry a feeling word a lexicon reads as praise or complaint but say
nothing about the vendor (evals/GUIDE.md "Sentiment": informational, logistics, questions and
process talk are neutral):
- process words: an approval still to come ("needs board approval", "once the PO is approved"),
  the status of a refund, "to save us both some time", "it's been like this since", a symptom
  without an error ("no error shown"), a wish denied ("I'm not asking for a miracle");
- the customer's own trouble and their own fix: a confession ("Guilty.", "my bad", "that's on
  us"), "we'll re-run the failed jobs ourselves";
- a condition set by their own gatekeeper: "we need SSO, otherwise security won't sign off" is a
  requirement, not a refusal (an ultimatum of their own, "or we won't renew", still is one);
- trouble that only explains a change of plan ("the intercom is broken so I'm working from home,
  can we move our call?") and a diagnostic question ("Is that a setting we changed, or a bug?").
Each pattern runs only on sentences whose cue words allow it.
"""

from __future__ import annotations

import re

from extractors.rules.branches import Branches
from extractors.rules.cues import register_pattern
from extractors.rules.folding import fold

_PROCESS = fold(re.compile(
    # an approval still to come: "needs board approval", "pending approval", "once it's approved"
    r"\b(?:(?:need|needs|needed|require|requires|pending|awaiting|waiting (?:on|for)|for|get|seek|"
    r"without) (?:\w+(?:'s)? ){0,2}approval|approval (?:process|flow|step|chain|workflow)|"
    r"(?:once|if|when|after|until|unless|before|as soon as) (?:[\w']+ ){0,4}(?:is|are|gets?|been|was) approved)\b|"
    r"\bif (?:the |our |my )?(?:[\w-]+ ){0,2}(?:approves?|signs? off|green-?lights?|okays?) |"
    # an offer on the other's terms: "happy to reset the password if that's useful", "would it help if I…"
    r"\b(?:happy|glad|able|more than happy) to\b[^.?!]{0,60}?\bif (?:that's|that is|it's|it is|that would be|"
    r"it would be|it'd be|that'd be|you think (?:that|it)(?:'s| is| would be)) (?:ever |at all )?(?:useful|helpful|"
    r"easier|of use)|\bif (?:that's|that is|it's|it is|that would be|it would be|it'd be|that'd be) (?:ever |at all )?"
    r"(?:useful|helpful|easier|of use)\b|\b(?:would|will|is) it (?:be )?(?:useful|helpful|help) (?:if|to)\b|"
    # the status of a request: "checking on the status of a refund", "any update on my refund"
    r"\b(?:status|update|progress|eta) (?:of|on) (?:a|the|my|our|that|this) (?:\w+ )?(?:refund|credit|"
    r"claim|request|ticket)\b|"
    # "to save us both some time", "I'll save you the trouble": cutting it short, not praise
    r"\b(?:to |(?:i'm |we're )?going to |let me |i'll |we'll )save (?:us|you|everyone|both of us)"
    r"(?: both)? (?:some |a (?:lot of |bit of )?)?(?:time|trouble|effort)\b|"
    # "it's been like this since the update": a comparison, not liking
    r"\b(?:been|be|is|was|looks|look) like (?:this|that)\b|"
    # a symptom without an error message: "no error shown", "no warning pops up"
    r"\bno (?:error|warning|alert)s?(?: (?:message|code|popup|prompt)s?)? ?(?:is |was )?(?:shown|"
    r"displayed|appears|appeared|shows|showing|comes up|came up|pops up|popped up|"
    r"in the (?:logs?|console))\b|"
    # a wish denied is a complaint's preface: "I'm not asking for a miracle", "we don't expect perfection"
    r"\b(?:not|n't) (?:asking|hoping|looking) for (?:a |the )?(?:miracles?|perfection|the moon|much|"
    r"special treatment|favou?rs?)\b|\b(?:not|n't) expect(?:ing)? (?:a )?(?:miracles?|perfection|the moon)\b|"
    # scope in a problem report: "chip and swipe are fine", "other stores fine", "everything else works fine"
    r"\b(?:other|everything else|the rest|all (?:the )?other|\w+ and \w+) (?:[\w-]+ ){0,2}(?:(?:is|are|seem|"
    r"seems|look|looks|work|works|working|still) )?fine\b|"
    # a confession is the customer's own slip, not a complaint about us
    r"^\W*guilty\b|\bguilty as charged\b|\bmy bad\b|\b(?:my|our) (?:fault|mistake|mess|error)\b|"
    r"\bthat(?:'s| is| was) on (?:me|us)\b|\boops\b|"
    # their own side's slip: "finance lost it", "the whole team got distracted", "I forgot the login"
    r"\b(?:finance|legal|procurement|accounting|payroll|(?:our|my|the whole|the) (?:\w+ )?team|my boss|"
    r"i|we) (?:must have |probably |somehow |totally )?(?:lost|misplaced|forgot|missed|deleted) (?:it|that|"
    r"the (?:\w+ )?(?:email|invoice|link|form|password|login|po|quote|file|attachment))\b|\bgot distracted\b|"
    # their own gatekeepers' pace: "legal needs to review it though; they're slow", "procurement is swamped"
    r"\b(?:legal|procurement|finance|security|compliance|it|accounting|our (?:\w+ )?team|my boss|the board)\b"
    r"[^.!?]{0,60}?\b(?:is|are|'s|they're|they are|can be|tends? to be) (?:\w+ )?(?:slow|swamped|"
    r"backed up|overloaded|snowed under)\b|"
    # their own fix: "we'll replay the failed events ourselves"
    r"\b(?:we'll|we will|i'll|i will|we can|let me|we're going to|i'm going to) (?:just )?(?:re-?try|"
    r"replay|re-?run|re-?send|re-?process|re-?import|clean up|delete|remove|merge|fix|re-?upload) "
    r"(?:the |those |these |all (?:the )?|any )?(?:failed|broken|bad|wrong|duplicated?|corrupt(?:ed)?)\b",
    re.I))
# a bit per run of its branches: a common word ("I'll ", "for") opens only the run it begins
_PROCESS_RUNS = Branches("en_process", _PROCESS)
# a requirement their own gatekeeper sets: "…or compliance won't sign off", "without SSO, IT can't approve it"
_GATEKEEPER = fold(re.compile(
    r"(?:\bor(?: else)?|\botherwise|\bwithout (?:that|it|this|them|\w+),?) (?:our )?(?:compliance|legal|"
    r"security|infosec|it|finance|procurement|the board|our board|my boss|the cfo|the ciso|audit|"
    r"management|leadership)(?: team)? (?:won't|will not|can't|cannot|can not|wouldn't|couldn't|"
    r"isn't going to) (?:sign off|approve|allow|accept|sign|pass|clear|let us)\b[^.,;!?]*", re.I))
_GATEKEEPER_CUE = register_pattern("en_gatekeeper", _GATEKEEPER)
# trouble given as the reason for a change of plan: "my flight got cancelled, can we push the demo?"
_RESCHEDULE = fold(re.compile(
    r"\b(?:(?:move|push|shift|reschedule|postpone|bump) (?:our|the|this|today's|tomorrow's|my) "
    r"(?:call|meeting|demo|sync|chat|catch-?up|session)|working from home|(?:out|off|home) sick|"
    r"(?:join|dial in|call in) (?:from my phone|late|by phone))\b", re.I))
_RESCHEDULE_CUE = register_pattern("en_reschedule", _RESCHEDULE)
# a yes/no question that asks what is wrong: "Is that a setting we changed, or a bug?", "Is this expected?"
_DIAGNOSTIC = fold(re.compile(
    r"^\W*(?:is|are|was|were|does|do|did|could|can|should|would) (?:this|that|it|there|the \w+)\b"
    r"(?:[^?]*\bor\b|[^?]*\b(?:a bug|a known (?:issue|bug)|expected|normal|on (?:our|my) end|"
    r"on (?:your|the) side))[^?]*\?\s*$", re.I))
_DIAGNOSTIC_CUE = register_pattern("en_diagnostic", _DIAGNOSTIC)
# a how-to or capability question names what it wants to stop, it does not complain: "Can admins restrict
# who sees recordings?", "How do we block a user who left?", "Is there a way to delete old tags?"
_HOW_TO = fold(re.compile(
    r"^\W*(?:(?:so|and|also|quick question|one more thing)\W+)?(?:how (?:do|can|would|should|could) (?:i|we|you|"
    r"admins?|users?|managers?|they)|is there (?:a|any) way to|can (?:admins?|users?|managers?|we|i|agents?|reps?) "
    r"(?!not\b|never\b)|(?:does|will|can) (?:it|the \w+|your \w+) (?:let|allow|support|handle))\b[^?]*\?\s*$", re.I))
_HOW_TO_CUE = register_pattern("en_how_to", _HOW_TO)
# the customer says it is calm: "not urgent, but it confuses the team", "no rush, whenever you get a chance"
_CALM = fold(re.compile(r"\b(?:not (?:urgent|critical|a big deal|a blocker|blocking)|no (?:rush|hurry|urgency)|"
                        r"low priority|whenever you (?:get a (?:chance|minute|moment)|can|have time))", re.I))
_CALM_CUE = register_pattern("en_calm", _CALM)
# a question that complains: "why", "still", "again", a recurring failure ("…crashing every morning?")
_RHETORICAL = fold(re.compile(r"\b(?:still|again|ever|anyone|anybody|seriously|really|why|every (?:single )?(?:time|"
                              r"day|morning|night|week|hour|login))\b", re.I))
# a mail's subject line names the case, the customer's tone is in the body
_SUBJECT = fold(re.compile(r"^\W*(?:subject:\s*)?(?:(?:re|fwd?|aw|tr)\s*:\s*)*(?:subject:|\[(?:ticket|case|"
                           r"incident|request)\b)|^\W*subject:", re.I))
_SUBJECT_CUE = register_pattern("en_subject", _SUBJECT)
DIAGNOSTIC_DAMP = 0.3  # what is left of a complaint word in a question that asks what is wrong


def without_asides(plain: str, cues: int) -> str:
    """`plain` without process words, confessions and the customer's own fixes."""
    if cues & _PROCESS_RUNS.bits:
        plain = _PROCESS_RUNS.pattern_for(cues).sub(" ", plain)
    return plain


def without_gatekeepers(text: str, cues: int) -> str:
    """`text` without a condition set by the customer's own gatekeeper ("…or legal won't sign")."""
    return _GATEKEEPER.sub(" ", text) if cues & _GATEKEEPER_CUE else text


def aside_weight(text: str, cues: int) -> float:
    """How much of a negative score `text` keeps: 0 for a subject line and for trouble that explains a change of plan,
    `DIAGNOSTIC_DAMP` for a question asking whether something is wrong or how to do something, or a problem said to be
    calm ("not urgent"), else 1."""
    if cues & _SUBJECT_CUE and _SUBJECT.match(text):
        return 0.0
    if cues & _RESCHEDULE_CUE and _RESCHEDULE.search(text):
        return 0.0
    if cues & _DIAGNOSTIC_CUE and _DIAGNOSTIC.match(text) and not _RHETORICAL.search(text):
        return DIAGNOSTIC_DAMP
    if cues & _HOW_TO_CUE and _HOW_TO.match(text) and not _RHETORICAL.search(text):
        return DIAGNOSTIC_DAMP
    if cues & _CALM_CUE and _CALM.search(text):
        return DIAGNOSTIC_DAMP
    return 1.0
