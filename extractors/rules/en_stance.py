"""English stances said in business words: grievances and understated praise.

Customers who are unhappy with a vendor rarely write "angry". They count ("flagged this twice
already", "the sync has failed three nights running", "day four of waiting"), date the silence
("nobody has come back to us since Tuesday", "the dashboards haven't refreshed since Friday"), put
a cost on it ("it's eating two hours a day of my team's time"), reject in plain words ("that's not
going to fly", "an hour is not OK") and threaten ("we will look at other vendors"). Satisfied ones
are as plain: "rotas take 20 minutes instead of an afternoon", "it saves us ~10 hrs a week", "the
other regions keep asking when they can get it", "we'd like to go to all 40 sites". VADER sees no
feeling word in any of these (evals/GUIDE.md "Sentiment"). `sentiment.score_sentence` counts them
beside `refusals` and `stance`; each pattern is cut into gated runs (`branches.py`), so a sentence
pays only for the runs its cue words open. English only: the Chinese equivalents live with the
Chinese lexicon's rules.
"""

from __future__ import annotations

import re

from extractors.rules.branches import Branches
from extractors.rules.cues import register_pattern
from extractors.rules.folding import fold

_COUNT = r"(?:twice|two times|(?:three|four|five|six|several|multiple|many|\d+) times)"
_SPAN = r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|\d+)"
_UNIT = r"(?:minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|months?)"

GRIEVANCE = fold(re.compile(
    # a plain rejection: "that's not going to fly", "four hours is not OK", "that's not how this works"
    r"\b(?:(?:(?:is|are|was|'s)(?: just| simply| really)? not|isn't|aren't|wasn't)(?: (?:ok(?:ay)?|acceptable|good "
    r"enough|going to (?:fly|cut it)|how (?:this|it|we) (?:works?|should work|is supposed to work)))(?=\W*$|[.,;!]| for (?:us|me|a)\b)|"
    # repeated reports and escalations: "flagged this twice already", "I escalated twice"
    rf"(?:flagged|escalated|mentioned|logged|submitted|followed up|complained|reported|raised|chased|"
    rf"emailed|called)(?: (?:about|on|this|it|that|the \w+|again|already)){{0,3}} {_COUNT}|"
    # the same failure night after night: "failed three nights running", "day five of waiting"
    rf"{_SPAN} (?:days|nights|weeks|months|times|runs) (?:running|straight|in a row)|"
    r"\bday (?:two|three|four|five|six|seven|eight|nine|ten|\d+) of|"
    # a dated silence or stall: "nobody has come back to us since Wednesday", "haven't updated since Friday"
    r"(?:nobody|no one|no-one) (?:has |have |had )?(?:come back|got back|gotten back|followed up|"
    r"reached out|updated us|looked at (?:it|this|them))|(?:haven't|hasn't|have not|has not) (?:\w+ ){0,2}"
    r"(?:updated|synced|refreshed|loaded|run|worked|arrived|moved|changed|gone out|come through|been (?:sent|fixed|resolved|updated|"
    r"touched|looked at)) (?:\w+ ){0,3}since|"
    rf"(?:sit|sits|sat|sitting|wait|waited|waiting) (?:for )?(?:over |about |almost )?{_SPAN} {_UNIT} before "
    r"(?:anyone|anybody|someone|somebody|you)|on hold for (?:over |about |almost )?\w+ (?:minutes|hours)|"
    rf"{_SPAN} (?:days|weeks|months) (?:behind|late|overdue)|behind schedule|"
    # the cost of it: "eating about 2 hours a day", "my ops guy loses a full day", "sitting doing nothing"
    rf"(?:eating|eats|ate|costing|costs|wasting|wastes|wasted|losing|loses|lost) (?:us |me |them )?"
    rf"(?:about |around |roughly |up |over |almost )?(?:~)?(?:\d+|a|an|one|two|three|a full|half a) (?:full )?"
    rf"(?:{_UNIT}|hrs)|doing nothing|"
    # heard from someone else first: "we found out from our own staff, not from you"
    r"(?:found out|heard|learned|learnt)(?: about)?(?: \w+){0,4} from (?:our|my) (?:own )?\w+,? not (?:from )?"
    r"(?:you|your)|"
    # the tool locks people out or hides things: "logs everyone out every few days"
    r"(?:logs|logged|kicks|kicked) (?:everyone|everybody|people|users|the team|all of us) out|"
    r"(?:it|app|system|tool|portal|platform|site|software|add-in|plugin|integration|feature) (?:won't|doesn't|"
    r"wouldn't|will not|does not) let (?:us|me|them|people|users|anyone)|none of (?:my|our) \w+(?: \w+)? (?:can|could)|"
    r"(?:gave|given|giving) up on|(?:gave|given) up(?=\W*$| and)|"
    # a threat: "we will look at other vendors at renewal", "not sure we stay"
    r"(?:look|looking|looked|shop|shopping) (?:at |around (?:for )?)?(?:other|alternative|different) "
    r"(?:vendors|providers|options|tools|solutions|platforms|suppliers)|not sure (?:we|we'll|we'd|I) "
    r"(?:stay|renew|continue|keep (?:it|you|using))|"
    r"(?:won't|will not|not going to) (?:be )?(?:add(?:ing)?|buy(?:ing)?|expand(?:ing)?|roll(?:ing)? (?:it |this )?out)"
    r"(?: \w+){0,8} until\b[^.;!?]*|"
    # a rival cheaper, a deliverable incomplete: "their quote came in lower", "your answers had gaps"
    r"(?:came|come|comes|coming) in (?:\w+ ){0,2}(?:lower|cheaper|under (?:you|yours|your))|"
    r"(?:had|has|have|with|left) (?:some |a few |several |big |major |obvious )?gaps\b|"
    # a door closed politely: "please take me off the sequence", "we're not looking", "it's just not
    # happening this year", "we signed a two-year contract with Zoho in May"
    r"(?:take|remove) (?:me|us) (?:off|from) (?:your|the|this) (?:\w+ )?(?:sequence|cadence|campaign|"
    r"mailing|list)s?|(?:we're|we are|i'm|i am) not looking(?=\W*$| (?:to (?:switch|change|move|buy)|for (?:a|"
    r"another|new|other)|at (?:alternatives|other|new)))|(?:it's|it is|that's|that is) (?:just |simply )?not "
    r"(?:happening|going to happen)|signed (?:a |an )?(?:[\w-]+ )?(?:deal|contract|agreement) with (?!you\b|your\b|us\b)|"
    # a price above what they pay today: "more than we pay for our phone system"
    r"more than (?:we|i) (?:currently |now )?(?:pay|spend|paid|spent) (?:for|on)|"
    # nothing works, nobody can get in: "none of our emails are syncing", "the whole team is locked out"
    r"none of (?:our|the|my) (?:[\w-]+ ){1,3}(?:are|is|were|was|have|has|came|got|synced|syncing|showing|loading|"
    r"working|arrived|made it)|locked out|(?:isn't|aren't|hasn't|haven't|didn't|doesn't|don't) (?:fixed|fixing|"
    r"solved|solving|resolved|changed|helped|helping) (?:anything|a thing)|"
    # the same trouble again: "the third one this month", "the second outage since January"
    r"(?:second|third|fourth|fifth|sixth|\d+(?:nd|rd|th)) (?:[\w-]+ )?(?:one|incident|outage|failure|ticket|"
    r"escalation|time|week|month)s? (?:this (?:week|month|quarter|year)|in a row|since|now)|"
    rf"{_SPAN} (?:days|weeks|months) of (?:[\"“]|waiting|chasing|back and forth)|"
    r"took (?:\w+ ){1,2}(?:days|weeks|months) to (?:sort|get|fix|resolve|hear)|"
    # back to the old way, or on their own: "they've gone back to ringing stores", "figured it out myself"
    r"(?:gone|went|go|going) back to (?:doing|ringing|calling|using|paper|spreadsheets?|excel|email|manual|the old)|"
    r"figured it out (?:myself|ourselves|on (?:my|our) own)|(?:get|want|need) (?:my|our) money back|"
    r"believe it when I see it|(?:asking|wondering|asked) (?:me )?why we (?:ever |even )?(?:didn't stay|left|"
    r"switched|moved|bought|chose|signed)|(?:thin|weak|limited|lacking|worse|behind) (?:compared (?:to|with)|"
    r"next to|relative to)|(?:flagged|pushed back on|balked at|questioned) (?:the|a|this|your) (?:[\w%-]+ ){0,2}"
    r"(?:uplift|increase|hike|price|pricing|fees?)|came in at (?:half|a third|less)|"
    # money taken wrongly: "double-billed", "charged for 9 providers, we have 6"
    r"(?:double|over)[- ]?(?:billed|invoiced)|(?:billed|charged|invoiced) (?:us |me )?for \w+ \w+,? "
    r"(?:but |when |while )?(?:we|I) (?:only )?(?:have|had|use|need)|"
    # a rival's price or bid on the table: "your competitor offered us $40 a seat", "Zoho quoted us about half",
    # "I have two other bids on my desk"
    r"(?:offered|quoted) us (?:about |around |roughly |only |just |nearly |almost )?(?:[$€£]|\d|half|a third|"
    r"a quarter|less|lower|cheaper|a (?:better|lower|cheaper))|(?:two|three|several|other|competing) (?:other )?"
    r"(?:bids|quotes|offers|proposals) on (?:my|our|the) desk|"
    # the same thing done twice: "every webhook is delivered twice", "techs show up to the same address twice"
    r"(?:delivered|sent|created|imported|synced|posted|booked|fired|triggered|counted|show up|shows up|showed up|"
    r"came through|arrive|arrives|arrived) (?:[\w-]+ ){0,5}twice\b(?! as\b| the\b| a\b)|"
    # still doing the wrong thing: "the export is still dropping students", "still showing last week's numbers"
    r"still (?:dropping|losing|missing|duplicating|double-counting|crashing|freezing|timing out|logging (?:us|me|"
    r"people|everyone|users) out|showing (?:the |our )?(?:old|last|previous|wrong|stale|yesterday's))|"
    # left uninformed: "and nobody was paged?", "we weren't told about the maintenance"
    r"(?:(?:nobody|no one|no-one) (?:was|were|got|had been|has been)|(?:we|i) (?:weren't|wasn't|were not|"
    r"was not|never got|were never|didn't get)) (?:\w+ )?(?:paged|notified|told|warned|alerted|informed)|"
    # a part that stays empty: "the invoices aren't showing in the portal", "webhooks are not firing"
    r"(?:isn't|aren't|is not|are not|wasn't|weren't) (?:\w+ )?(?:showing(?! up)|firing|triggering|appearing|"
    r"coming through|populating|rendering|printing|going through)|"
    # a section that lists the bad: "Less good: the import failed", "The not so good:"
    r"(?:less good|not so good|the bad|the not[- ]so[- ]good|the downside|the flip side)(?=\s*[:,-]| is)"
    r")\b", re.I))

UNDERSTATED_PRAISE = fold(re.compile(
    # time saved: "in 20 minutes instead of an afternoon", "saves ~15 hrs/week"
    rf"\b(?:in (?:under |less than |about |just )?(?:\d+|a|an|one|two|three|five|ten|twenty|thirty) {_UNIT} "
    r"instead of|sav(?:e|es|ed|ing) (?:us |me |them |(?:my|our|her|his|their|the) \w+ )?(?:~|about |around |"
    rf"roughly |over |almost )?(?:\d+|a|an|one|two|three|several|many) (?:full )?(?:{_UNIT}|hrs)|"
    # time saved said as a before/after: "forecast calls take twenty minutes now instead of an hour"
    rf"(?:\d+|a|an|one|two|three|five|ten|fifteen|twenty|thirty|forty) {_UNIT} (?:now )?instead of|"
    # "reports that used to take him a weekend now take twenty minutes"
    r"used to (?:take|eat|cost|need)\b[^.;!?]{1,40}?\bnow (?:only )?(?:takes?|costs?|needs?|eats?|it's|is|are)|"
    # praise said as a result: "it went without a hitch", "the quick turnaround on the fix", "a hit"
    r"without a (?:hitch|hiccup|glitch)|(?:quick|fast|speedy) turnaround(?: on (?:the|that|this|my|our) (?:[\w-]+ ){0,2}"
    r"(?:bug|issue|fix|problem|request|ticket|error)s?)?|(?:are|were|'ve been|have been) a "
    r"(?:big |huge |real )?hit|brag(?:s|ged|ging)? about (?:it|this|you)|(?:changed|transformed) (?:how|the way) "
    r"(?:we|our|they|the team|people)|(?:actually|really) (?:uses?|using|reads?|likes?|loves?) (?:it|them|this)\b|"
    r"why we didn't (?:do|switch|start|get|buy|move)(?: \w+){0,3} (?:sooner|earlier|years ago|before)|"
    r"(?:like|want|ready|keen) to (?:talk about|discuss|sign|do) (?:a )?(?:multi-year|two-year|three-year|longer|"
    r"bigger) (?:deal|contract|term|commitment|renewal)|"
    # demand from inside: "my regional leads are already asking when they can get it"
    r"(?:are|is|keep|keeps|kept|have been) (?:already |constantly |always )?asking(?: me| us)? (?:when|if|whether|"
    r"how soon) (?:they|we)(?:'ll)?(?: can)? (?:get|have|use|start)|"
    # going wider: "we'd like to go to all 31 stores", "extend it to every region"
    r"(?<!n't )(?<!not )(?:like|want|plan|planning|ready|looking) to (?:go|expand|extend|move|take (?:it|this)) "
    r"to (?:all|every|the (?:whole|rest|other))|"
    # live and delivering: "ok we're live!!", "we're finally up and running", "the team hit 1,100 calls"
    r"(?<!once )(?<!when )(?<!until )(?<!before )(?<!if )(?:we're|we are|we went|we've gone|we have gone|"
    r"finally|officially) (?:now )?live|(?<!once )(?<!when )(?<!if )(?:we're|we are|we've been|finally|all) "
    r"up and running|(?<!to )(?<!'ll )(?<!will )(?<!can )(?<!could )(?<!should )(?<!must )(?<!might )(?<!n't )"
    r"(?<!not )(?<!never )(?:hit|beat|exceeded|smashed|crushed|blew past) (?:(?:our|the|their|its|my|a) )?"
    r"(?:(?:[\w-]+ )?(?:record|target|goal|quota)s?\b|\d[\d,]*(?![\d,])(?! (?:\w+ )?(?:errors?|failures?|bugs?|timeouts?|"
    r"crash(?:es)?|issues|problems|tickets|complaints)))|"
    # a superlative of experience: "the smoothest launch I've had in 11 years"
    r"(?:smoothest|easiest|best|fastest|simplest) (?:\w+ ){0,3}(?:I've|we've|I have|we have|I've ever|we've ever) "
    r"(?:had|seen|done|used|run|bought|worked with)|best money (?:we|I)(?:'ve)? (?:spent|paid)"
    r")\b", re.I))

# an email's legal footer and device line carry no stance: "If you have received this message in
# error, please notify the sender", "Sent from my phone, excuse typos"
BOILERPLATE = fold(re.compile(
    r"\b(?:received (?:this|it|the) (?:message |e-?mail |communication |transmission )?in error|intended "
    r"(?:solely |only |exclusively )?for the (?:use of the )?(?:addressee|recipient|named|individual)|"
    r"confidentiality notice|(?:this|the) (?:e-?mail|message)(?: and any attachments)? (?:is|are|may "
    r"(?:be|contain)) (?:strictly )?(?:confidential|privileged)|sent from my (?:iphone|phone|ipad|android|"
    r"mobile|samsung)|excuse (?:any |the )?typos|(?:cannot|can't|does not|do not|will not) accept (?:any )?(?:liability|responsibility) for)\b", re.I))

# praise conceded inside a complaint is half a compliment: "To be fair, the team does use the
# summaries", "I'm a fan of the product in theory", "Admittedly the UI is nice"
CONCESSION = fold(re.compile(r"\b(?:to be fair|in fairness|in theory|admittedly|granted,|i'll give you that|"
                             r"i know (?:this|it) isn't (?:on )?you)\b", re.I))
CONCESSION_DAMP = 0.5

# "sure" is a certainty, not a feeling ("pretty sure we'd hit the limit"), but "not sure" doubts
# what follows ("not sure the team will like it"): VADER reads the doubt as "unsure"
_NOT_SURE = fold(re.compile(r"\b(?:not|n't) (?:so |too |really |entirely |totally |quite )?sure\b", re.I))

# greetings, thanks for the rep's effort, offers of a choice and hedges are courtesy: "Happy
# Presidents' Day", "appreciate you reaching out", "if it's easier, call me", "no promises"
_EN_COURTESY = fold(re.compile(
    r"\bhappy (?:\w+(?:'s|')? day|thanksgiving|easter|diwali|hanukkah|lunar new year|holidays?)\b|"
    r"\b(?:appreciate|thanks for|thank you for) (?:you )?(?:being (?:so )?(?:persistent|patient|thorough)|reaching out|"
    r"checking in|following up|thinking of us|getting in touch)\b|"
    # thanks for the agent's effort and a reply's acknowledgement are courtesy, also inside a complaint:
    # "appreciate the quick reply", "I appreciate you escalating it", "good to hear", "good luck with the
    # fix", "I know it's not your fault" ("appreciate how fast your team fixed it" stays praise)
    r"\b(?:(?:really |do |truly |much )?appreciate (?:the|your|all the|you) (?:quick |fast |prompt |speedy |"
    r"detailed |honest )?(?:reply|response|answer|effort|efforts|transparency|honesty|update|updates|heads[- ]up|"
    r"follow[- ]up|explanation|call|email|note|candou?r)|(?:really |do )?appreciate you (?:\w+ing)(?: (?:it|this|that|"
    r"in|up|into it|on it|back))?(?![^.!?]*\b(?:fast|quick|quickly|promptly|swiftly|well|thoroughly)\b)|(?:that's |that is |it's |it is )?(?:good|great|nice) to (?:hear|know)"
    r"(?: that)?|good luck(?: with (?:the|that|this|it|your) ?\w*)?|(?:not|isn't|wasn't|is not|was not) (?:your|you "
    r"guys'?|the team's|anyone's|his|her) fault)\b|"
    # an offer of a choice is no praise: "or if it's easier, just reply", "whichever works better"
    r"\b(?:if|whichever|whatever) (?:it's|it is|that's|that is|it'd be|that'd be|it would be|that would be|"
    r"it|that|is|works) (?:easier|better|simpler|quicker|more convenient|helps|best)\b|"
    # "like" before an amount means "about" in speech: "we lost like a week", "like three years ago"
    r"(?<!\bi )(?<!\bwe )(?<!\bthey )(?<!\byou )(?<!\bpeople )(?<!\bwould )(?<!'d )\blike (?=(?:\d|a |an |one |two |three |four |five |six |seven |eight |nine |ten |twenty |thirty |forty |"
    r"fifty |half |a few |a couple ))|"
    # a hedge is no complaint: "no promises, my boss decides", "I'm not promising anything"
    r"\b(?:no promises|no guarantees|(?:i'm |i am )?not promising anything|(?:i )?can't promise anything)\b|"
    # a formal request and sign-off: "we would be grateful if you could confirm", "Yours faithfully"
    r"\b(?:would|'d) be (?:very |most |really |so )?grateful (?:if|for)\b|\byours (?:faithfully|sincerely|truly)\b|"
    r"^\W*sincerely\W*$|"
    # congratulating the other side is a formula, not a stance on the product: "Congratulations, you
    # have been selected as a supplier", "congrats on the launch"
    r"\b(?:congratulations|congrats)\b", re.I))

_GRIEVANCE = Branches("en_grievance", GRIEVANCE)
_PRAISE = Branches("en_understated_praise", UNDERSTATED_PRAISE)
_BOILERPLATE_CUE = register_pattern("en_boilerplate", BOILERPLATE)
_CONCESSION_CUE = register_pattern("en_concession", CONCESSION)
_NOT_SURE_CUE = register_pattern("en_not_sure", _NOT_SURE)
_EN_COURTESY_CUE = register_pattern("en_courtesy", _EN_COURTESY)


def without_en_courtesy(plain: str, cues: int) -> str:
    """`plain` without holiday greetings and thanks for the rep's effort."""
    return _EN_COURTESY.sub(" ", plain) if cues & _EN_COURTESY_CUE else plain


def doubted(plain: str, cues: int) -> str:
    """`plain` with "not sure" written as the one word VADER reads as doubt ("unsure")."""
    return _NOT_SURE.sub(" unsure", plain) if cues & _NOT_SURE_CUE else plain


def conceded(score: float, text: str, cues: int) -> float:
    """`score`, damped when it is praise conceded with "to be fair", "in theory", "admittedly"."""
    if score > 0 and cues & _CONCESSION_CUE and CONCESSION.search(text):
        return score * CONCESSION_DAMP
    return score


def is_boilerplate(text: str, cues: int) -> bool:
    """Whether `text` is an email footer line: a confidentiality notice or a device signature."""
    return bool(cues & _BOILERPLATE_CUE) and BOILERPLATE.search(text) is not None


def grievances(text: str, cues: int) -> int:
    """How many plain grievances `text` (one English sentence) states."""
    return len(_GRIEVANCE.pattern_for(cues).findall(text)) if cues & _GRIEVANCE.bits else 0


_NEGATED_BEFORE = re.compile(r"\b(?:nobody|no one|not|never|hardly|\w+n't)\b[^,;.]{0,30}$", re.I)


def understated_praise(text: str, cues: int) -> int:
    """How many plain statements of satisfaction `text` (one English sentence) makes, not
    negated ("nobody actually uses it" is none)."""
    if not cues & _PRAISE.bits:
        return 0
    return sum(1 for m in _PRAISE.pattern_for(cues).finditer(text)
               if not _NEGATED_BEFORE.search(text, max(0, m.start() - 40), m.start()))


def without_en_stances(text: str, cues: int) -> str:
    """`text` with its grievances and understated praise blanked out, for VADER to score the rest
    (only the runs its sentence's `cues` open can be in it)."""
    if cues & _GRIEVANCE.bits:
        text = _GRIEVANCE.pattern_for(cues).sub(" ", text)
    return _PRAISE.pattern_for(cues).sub(" ", text) if cues & _PRAISE.bits else text
