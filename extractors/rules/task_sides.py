"""Which side a task in notes falls to by what it is, when the text ties its owner to no side.

Minutes often give a task to a first name they never place ("- Hugo: send the full-team proposal",
"- Luuk to deliver split-shift support", "- Erik to send the failing report logs"). What the task
is then says the side: the vendor sells, shows, trains, fixes and reports back (pricing, a
proposal, an order form, a contract amendment, a demo, training, a fix, a roadmap, a status
report); the customer decides, approves and hands over what only it holds (its logs, an export of
its data, credentials, a headcount, a board vote, procurement). A task that says neither, or both
as much, is left to the caller's default.
"""

from __future__ import annotations

import re

__all__ = ["side_of_task"]

# what the task opens with, after an optional "will": the verb alone often says the side
_VENDOR_VERB = re.compile(
    r"^(?:demo|deliver|fix|patch|recalibrat\w*|chase|look into|report back|scope|train|propose|quote|"
    r"price|investigate|escalate|troubleshoot|reproduce|configure|provision|migrate|implement|deploy|"
    r"install|enable|onboard|(?:book|schedule|sched|run|arrange|set up|organi[sz]e) (?:[\w-]+ ){0,3}?"
    r"(?:training|session|workshop|walk-?through|demo|call|review|visit|kick-?off|onboarding))\b", re.I)
_CUSTOMER_VERB = re.compile(
    r"^(?:confirm|decide|approve|sign|vote|circulate|table|export|pay|get (?:[\w-]+ ){0,2}?(?:board|"
    r"procurement|budget|sign-?off|approval|legal|finance|it|security)|pull|gather|collect|nominate|"
    r"release|raise (?:a|the) po|issue (?:a|the) po|check internally|consult)\b", re.I)
# what a send / share / provide hands over
_VENDOR_OBJECT = re.compile(
    r"\b(?:pricing|prices?|quotes?|quotation|proposals?|order forms?|proforma|contracts?|amendments?|"
    r"invoices?|credits?|demo|training|roadmap|write-?up|remediation|root cause|case stud(?:y|ies)|"
    r"reference|cost comparison|proofs?|spec|sample|recap|sla report|status|timeline|project plan|"
    r"media plan|rollout plan|sow|statement of work|licen[cs]e|install(?:er|ation)? package|"
    r"instructions|guide|documentation|docs|recalibration|visit|fix|patch|release notes)\b", re.I)
_CUSTOMER_OBJECT = re.compile(
    r"\b(?:logs?|exports?|credentials|creds|sso|metadata|headcount|questionnaire|device models?|"
    r"hours|list of|user list|names|emails|readings|po|purchase order|feedback|workbook|data|"
    r"access|sign-?off|approval|budget|requirements|asset list|samples of|examples)\b", re.I)
_WILL = re.compile(r"^(?:will|to|'ll)\s+", re.I)


def side_of_task(task: str) -> str | None:
    """"rep" or "customer" for the side a task's own words point to, else None."""
    task = _WILL.sub("", task.strip())
    if _VENDOR_VERB.match(task):
        return "rep"
    if _CUSTOMER_VERB.match(task):
        return "customer"
    vendor = len(_VENDOR_OBJECT.findall(task))
    customer = len(_CUSTOMER_OBJECT.findall(task))
    if vendor == customer:
        return None
    return "rep" if vendor > customer else "customer"
