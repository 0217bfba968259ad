"""English next steps, round 2: who speaks in a thread entry headed by its date and writer, a
colleague addressed by name, "he'll / she will" for someone named before, suggestions and
"let me go back … and come back with…", two jobs joined by "and", a third-party owner, and
note-taking shorthand."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.models import Source, Touchpoint
from extractors.base import CompetitorCatalog, ExtractionContext
from extractors.grounding import is_verified
from extractors.rules import RulesExtractor
from extractors.rules.sentences import split_sentences
from tests.extractors.test_rules_next_steps import MONDAY, steps


def raw(text: str, channel: str = "ticket", direction: str = "inbound") -> list[tuple[str, str, date | None]]:
    """The steps of a touchpoint given as plain text (its speakers written in it), on Monday 2026-03-02."""
    tp = Touchpoint(id="tp", tenant_id="t", channel=channel, occurred_at=MONDAY,  # type: ignore[arg-type]
                    direction=direction,  # type: ignore[arg-type]
                    source=Source(uri="mem://", sha256="0" * 64, media_type="text/plain"), text=text)
    found = RulesExtractor().extract(tp, ExtractionContext(catalog=CompetitorCatalog())).next_steps
    assert all(is_verified(s.evidence, tp.text) for s in found)
    return [(s.action, s.owner, s.due) for s in found]


DATED_HEADS = [
    pytest.param("[Feb 27, customer] The CSV export drops every row after 10,000.\n"
                 "[Feb 28, agent Priya] Reproduced. I'll ship a patch by Wednesday.",
                 [("ship a patch", "rep", date(2026, 3, 4))], id="month-day-then-role-and-name"),
    pytest.param("[2026-02-27 09:10 customer] Our SSO login loops back to the start page.\n"
                 "[2026-02-27 11:02 support Tom] Could you send a HAR file of the login?\n"
                 "[2026-02-27 11:40 customer] Uploaded.\n"
                 "[2026-02-27 12:15 support Tom] Thanks. We'll deploy the fix tomorrow.",
                 [("deploy the fix", "rep", date(2026, 3, 3))], id="iso-stamp-then-role-the-ask-fulfilled"),
    pytest.param("[Customer - Feb 27 09:10] Our invoices show the wrong VAT rate.\n"
                 "[Agent - Feb 27 10:02] Can you attach one of the affected invoices?\n"
                 "[Customer - Feb 27 10:30] Attached.",
                 [], id="attached-fulfils-the-ask-no-date-from-the-head"),
    pytest.param("[Mar 1, customer] Please log this as a feature request and send me the number.\n"
                 "[Mar 2, agent Lee] Logged. I'll send you the number this afternoon.",
                 [("send you the number", "rep", date(2026, 3, 2))], id="logged-then-the-promise-is-the-agents"),
]


@pytest.mark.parametrize(("text", "expected"), DATED_HEADS)
def test_an_entry_headed_by_its_date_and_writer_is_that_writers(text, expected):
    assert raw(text) == expected


def test_the_entry_head_names_the_speaker():
    tp = Touchpoint(id="tp", tenant_id="t", channel="ticket", occurred_at=MONDAY,
                    source=Source(uri="mem://", sha256="0" * 64, media_type="text/plain"),
                    text="[Apr 3, customer] Still broken.\n[Apr 4, agent Mika] Looking now.")
    assert [(s.role, s.speaker) for s in split_sentences(tp)] == [("customer", "customer"), ("agent", "agent Mika")]


ADDRESSED = [
    pytest.param("#ext-harbor\nNell (Harbor Foods): the nightly sync skipped two stores again\n"
                 "Omar (Routewise support): sorry Nell, I'll rerun it tonight\n"
                 "Nell (Harbor Foods): Ravi can you check the store totals tomorrow morning\n"
                 "Ravi (Harbor Foods): 👍",
                 [("rerun it", "rep", date(2026, 3, 2)), ("check the store totals", "customer", date(2026, 3, 3))],
                 id="a-colleague-who-answers-with-an-emoji-only"),
    pytest.param("Ines (Calder Bank): Thanks for the walkthrough.\n"
                 "Tariq (Ledgerly): I'll send the API spec by Thursday.\n"
                 "Ines (Calder Bank): And Rui, can you set up a test tenant for Tariq?\n"
                 "Rui (Calder Bank): Yes, I'll set it up tomorrow.",
                 [("send the API spec", "rep", date(2026, 3, 5)),
                  ("set up a test tenant for Tariq", "customer", date(2026, 3, 3))],
                 id="and-name-comma-can-you-then-a-pronoun-promise"),
]


@pytest.mark.parametrize(("text", "expected"), ADDRESSED)
def test_a_colleague_addressed_by_name_owns_the_ask_on_the_speakers_side(text, expected):
    assert raw(text, channel="chat") == expected


THIRD_PERSON = [
    pytest.param([("rep", "I've pulled in our integration engineer, and she'll call you tomorrow to "
                          "go over the mapping.")],
                 [("call you to go over the mapping", "rep", date(2026, 3, 3))], id="our-engineer-then-she-will"),
    pytest.param([("customer", "My finance manager has the numbers, and he will send them on Friday.")],
                 [("send them", "customer", date(2026, 3, 6))], id="my-manager-then-he-will"),
    pytest.param([("customer", "Our admin is away until Thursday, he'll do it then.")], [],
                 id="doing-it-then-is-no-step"),
    pytest.param([("rep", "He'll send the contract tomorrow.")], [], id="no-one-named-before-he"),
]


@pytest.mark.parametrize(("turns", "expected"), THIRD_PERSON)
def test_he_or_she_will_is_the_promise_of_the_colleague_named_before(turns, expected):
    assert steps(turns) == expected


def test_a_reported_promise_is_the_reported_persons_and_she_will_send_it_dates_the_ask():
    text = ("Attendees: Mia Lund, Oskar Berg (Fjordbakery); Lena Roth (Crumbly)\n"
            "Lena said the recipe export is a format Crumbly doesn't offer yet, and she will send Mia "
            "the beta exporter next week.\n"
            "She asked Oskar to send a sample of the supplier sheet;\n"
            "he'll send it by Thursday.")
    assert raw(text, channel="meeting") == [
        ("send Mia the beta exporter", "rep", date(2026, 3, 9)),
        ("send a sample of the supplier sheet", "customer", date(2026, 3, 5))]


PLANS = [
    pytest.param([("rep", "What I'd suggest is I put together a pilot plan for your two depots, so you can "
                          "see it working."), ("customer", "Yes, that would help.")],
                 [("put together a pilot plan for your two depots", "rep", None)], id="a-suggestion-taken-up"),
    pytest.param([("rep", "My suggestion is that I draft a rollout timeline for the three regions.")], [],
                 id="a-suggestion-not-taken-up"),
    pytest.param([("rep", "Let me go back to product and come back with a firm answer by Friday.")],
                 [("come back with a firm answer", "rep", date(2026, 3, 6))], id="let-me-go-back-and-come-back"),
    pytest.param([("customer", "Let us take this to the board and get back to you next week.")],
                 [("get back to you", "customer", date(2026, 3, 9))], id="let-us-take-it-and-get-back"),
]


@pytest.mark.parametrize(("turns", "expected"), PLANS)
def test_a_suggestion_and_a_promise_after_a_first_errand(turns, expected):
    assert steps(turns) == expected


JOBS = [
    pytest.param("Could you refund the duplicate charge and correct the delivery address?",
                 [("refund the duplicate charge", "rep"), ("correct the delivery address", "rep")],
                 id="two-verbs-two-objects-two-steps"),
    pytest.param("Please reset the admin password and remove the old user accounts by Friday.",
                 [("reset the admin password", "rep"), ("remove the old user accounts", "rep")],
                 id="two-jobs-one-date"),
    pytest.param("Could you review and approve the order form?", [("review and approve the order form", "rep")],
                 id="two-verbs-one-object-one-step"),
    pytest.param("Please send the invoice and the usage report.", [("send the invoice and the usage report", "rep")],
                 id="one-verb-two-objects-one-step"),
    pytest.param("Can you prepare the data export and share the link?",
                 [("prepare the data export and share the link", "rep")], id="reporting-back-stays-one-step"),
]


@pytest.mark.parametrize(("text", "expected"), JOBS)
def test_two_jobs_joined_by_and_are_two_steps(text, expected):
    assert [(action, owner) for action, owner, _ in steps([("customer", text)])] == expected


def test_a_company_called_a_third_party_owns_its_step():
    text = ("Review notes\nBrightmill (the customer) ships through its third-party carrier, Northway Freight.\n"
            "Attendees: Sam Ode (Brightmill), Ada Fenn (Trackwise, Account Manager)\n"
            "Action items\n- Northway Freight will send the scanner export format by Friday.\n"
            "- Ada Fenn (Trackwise) will build the import mapping next week.")
    assert raw(text, channel="meeting") == [
        ("send the scanner export format", "Northway Freight", date(2026, 3, 6)),
        ("build the import mapping", "rep", date(2026, 3, 9))]


def test_note_shorthand_reads_as_a_dated_step():
    text = "Attendees: Jo (us), Kim (Alder Dental)\nAction items\n- Jo: sched onboarding for the front desk next wk"
    assert raw(text, channel="meeting") == [("schedule onboarding for the front desk", "rep", date(2026, 3, 9))]
