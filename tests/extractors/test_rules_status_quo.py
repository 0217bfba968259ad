"""Pain with the prospect's current setup is not a complaint about us (GUIDE: the customer's stance)."""

from __future__ import annotations

import pytest

from extractors.rules.status_quo import is_status_quo_pain
from tests.extractors.test_rules_labels import sentiment_of


@pytest.mark.parametrize(("text", "names_a_competitor", "expected"), [
    ("Right now we track everything in spreadsheets and it takes hours.", False, True),
    ("Our current CRM is painfully slow.", False, True),
    ("Salesforce is way too expensive for us.", True, True),
    ("我们现在用的系统太慢了，经常卡。", False, True),
    ("每个月手工对账要花三天。", False, True),
    ("Your export keeps failing.", False, False),
    ("你们的系统经常卡。", False, False),
    ("The dashboard is broken again.", False, False),
], ids=["spreadsheets", "current-crm", "named-tool", "zh-current-system", "zh-by-hand",
        "about-your-product", "zh-about-your-system", "no-status-quo-word"])
def test_what_is_status_quo_pain(text: str, names_a_competitor: bool, expected: bool) -> None:
    assert is_status_quo_pain(text, names_a_competitor) is expected


@pytest.mark.parametrize(("turns", "channel", "label"), [
    ([("rep", "How do you handle renewals today?"),
      ("customer", "Honestly it's a mess, we track everything in spreadsheets and it takes hours."),
      ("rep", "Got it. I'll send over a short demo video.")], "call", "neutral"),
    ([("customer", "我们现在用的系统太慢了，每个月手工对账要花三天。"), ("rep", "明白，我下周给您演示。")],
     "call", "neutral"),
    ([("customer", "Your export keeps failing and it is a mess.")], "call", "negative"),
    ([("customer", "We track it all in spreadsheets and it is a mess.")], "ticket", "negative"),
], ids=["en-discovery-pain-is-neutral", "zh-discovery-pain-is-neutral",
        "complaint-about-us-stays-negative", "support-ticket-pain-stays-negative"])
def test_discovery_pain_does_not_make_the_call_negative(turns, channel: str, label: str) -> None:
    sentiment = sentiment_of(turns, channel=channel)
    assert sentiment is not None and sentiment.label == label
