"""Two speakers known only by name: a promise to send what only the buyer holds (its asset list,
its attendee list, its logs) is the buyer's, not the seller's "I'll send you…"; "do you have a date?" is
the seller's discovery, not the buyer's "do you have SSO?"; "anything else I can help with?" is
the seller's. Invented examples."""

from __future__ import annotations

import pytest

from extractors.rules import sentences
from extractors.rules.sides import org_votes
from tests.extractors.test_rules_sides_trade import roles_of


@pytest.mark.parametrize(("text", "channel", "expected"), [
    pytest.param("Tomasz Wilk: For the cutover we have 20 devices across 3 shops.\n"
                 "Ana Ruiz (Tillhop): Okay. I'll send the install package and the guide by Friday.\n"
                 "Tomasz Wilk: Good. I'll send you the device list with the serial numbers tomorrow.\n"
                 "Ana Ruiz (Tillhop): Thanks. And we need a manager login on each till. Can your team add it?\n"
                 "Tomasz Wilk: Yes, Pia will do it.\n", "call",
                 {"Tomasz Wilk": "customer", "Ana Ruiz (Tillhop)": "rep"}, id="buyer-sends-its-list"),
    pytest.param("SPEAKER_A: Thanks for calling Ridgeway Kart Track bookings, this is Lou.\n"
                 "SPEAKER_B: Hi, it's about a birthday party in June.\n"
                 "SPEAKER_A: Lovely. Do you have a date and roughly how many kids?\n"
                 "SPEAKER_B: June 6th, about twenty.\n"
                 "SPEAKER_A: June 6 works. We hold it with a deposit. Anything else I can help with?\n"
                 "SPEAKER_B: No, thanks.\n", "call",
                 {"SPEAKER_A": "rep", "SPEAKER_B": "customer"}, id="discovery-question-and-deposit"),
])
def test_who_hands_over_what_gives_the_sides(text, channel, expected):
    assert roles_of(text, channel) == expected


def _speech(text: str) -> tuple[int, int]:
    vendor, customer = org_votes(text)
    return (vendor + len(sentences._VENDOR_SPEECH.findall(text)),
            customer + len(sentences._CUSTOMER_SPEECH.findall(text)))


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("I'll send you the device list tomorrow.", (0, 1), id="buyer-list"),
    pytest.param("We'll email you the attendee list tonight.", (0, 1), id="buyer-names"),
    pytest.param("I'll send you our server logs after lunch.", (0, 1), id="buyer-logs"),
    pytest.param("Do you have a rough headcount yet?", (0, 0), id="seller-discovery-not-buyer"),
    pytest.param("Anything else I can help with today?", (1, 0), id="seller-closing"),
    # must not change: the seller's own sending, the buyer's feature question
    pytest.param("I'll send you the updated quote tonight.", (2, 0), id="seller-sends-quote"),
    pytest.param("Do you have an API for the bookings?", (0, 1), id="buyer-feature-question"),
    pytest.param("I'll send you a checklist tonight.", (1, 0), id="seller-checklist-not-list"),
])
def test_handover_and_discovery_cues(text, expected):
    assert _speech(text) == expected


def test_the_sellers_list_of_findings_stays_the_sellers():
    assert _speech("I'll send you the list of which sensors dropped, by tag number.") == (1, 0)


def test_names_sent_are_no_side():
    # either side sends names ("the names of the technicians coming"): no buyer cue
    assert _speech("I'll send you the names of the two technicians coming.") == (1, 0)
