"""Two speakers known only by name or by a company label: the seller's trade and the buyer's in
their words give the sides (what is quoted, held, shipped and priced; what is paid, signed and
ordered again)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from assistant.models import Source, Touchpoint
from extractors.rules.sentences import split_sentences
from extractors.rules.sides import org_votes


def roles_of(text: str, channel: str) -> dict[str, str]:
    tp = Touchpoint(id="tp", tenant_id="t", channel=channel,  # type: ignore[arg-type]
                    occurred_at=datetime(2026, 4, 14, tzinfo=UTC), text=text, language="en",
                    source=Source(uri="mem://", sha256="0" * 64, media_type="text/plain"))
    return {s.speaker: s.role for s in split_sentences(tp) if s.speaker is not None}


@pytest.mark.parametrize(("text", "channel", "expected"), [
    pytest.param("Maple Row Bakery: Hi! Same as last week plus two trays of rolls please.\n"
                 "Harvest Mill: Lovely, I'll price it up and send it over tonight.\n"
                 "Maple Row Bakery: Great, I'll pay the deposit on Friday.\n", "chat",
                 {"Maple Row Bakery": "customer", "Harvest Mill": "rep"}, id="a-price-and-a-deposit"),
    pytest.param("Speaker 1: Hi, it's Dev from Castor Tools, about the spindle order.\n"
                 "Speaker 2: Right. We're going to ship 50 on Monday and the rest next week.\n"
                 "Speaker 1: That's the second slip on this order. My line stops Tuesday without them.\n"
                 "Speaker 2: Understood. I'll have our ops director call you, at our cost for the courier.\n",
                 "call", {"Speaker 1": "customer", "Speaker 2": "rep"}, id="a-slipped-shipment"),
    pytest.param("Speaker 1: So, yeah, thanks for making time.\n"
                 "Speaker 2: Sure. Tell me how orders come in today.\n"
                 "Speaker 1: Email mostly. We looked at Shopify B2B last year but it was too much.\n"
                 "Speaker 2: I'll send you a short case study from a similar wholesaler.\n",
                 "call", {"Speaker 1": "customer", "Speaker 2": "rep"}, id="discovery-beats-a-polite-opener"),
])
def test_the_trade_in_their_words_gives_two_speakers_their_sides(text, channel, expected):
    assert roles_of(text, channel) == expected


@pytest.mark.parametrize(("text", "vendor", "customer"), [
    ("The blue kettles are back in stock, still want one held?", 2, 0),
    ("I can bump you from 10 to 15 seats and prorate the rest.", 2, 0),
    ("Send me the paperwork and I'll get it signed.", 0, 2),
    ("We have 40 laptops across two sites.", 0, 1),
    # neither side's trade: a status or a thanks
    ("The sync ran fine overnight.", 0, 0),
    ("Thanks, that helps a lot.", 0, 0),
], ids=lambda v: v if isinstance(v, str) else None)
def test_trade_words_vote_for_a_side(text, vendor, customer):
    assert org_votes(text) == (vendor, customer)
