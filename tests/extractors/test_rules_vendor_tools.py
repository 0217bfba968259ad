"""A catalog product the rep or agent says the vendor's own side runs is its own tool (stance
`integration`, out of the competitor list), not a competitor in play (extractors/rules/
vendor_tools.py): a business serving its own customers names its helpdesk or CRM. What the
vendor's customers used, what the customer runs, and a comparison stay competitors."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from assistant.models import Source, Touchpoint
from extractors.base import ExtractionContext
from extractors.rules import RulesExtractor
from extractors.rules.sentences import Sentence
from extractors.rules.vendor_tools import is_vendor_own
from tests.extractors.test_rules_competitor_context import EVAL_CATALOG


def stances(text: str, language: str = "en") -> dict[str, str]:
    """Each catalog name in a call transcript of a greeting and `text`, with its stance."""
    opening = "客户：你好。\n" if language == "zh" else "Customer: Hi there.\n"
    text = opening + text
    touchpoint = Touchpoint(id="tp", tenant_id="t", channel="call", language=language,
                            occurred_at=datetime(2026, 3, 2, tzinfo=UTC), text=text,
                            source=Source(uri="mem://", sha256="0" * 64, media_type="text/plain"))
    insights = RulesExtractor().extract(touchpoint, ExtractionContext(catalog=EVAL_CATALOG))
    return {c.name: c.stance for c in insights.competitors}


CASES = [
    pytest.param("Agent: Sorry, we moved our support desk off Zendesk in May, so some replies were lost.",
                 {"Zendesk": "integration"}, id="en-agent-moved-our-desk-off"),
    pytest.param("Agent: Your claim now shows in our Freshdesk portal, reference 4471.",
                 {"Freshworks": "integration"}, id="en-agent-our-portal"),
    pytest.param("Rep: We use Salesforce internally as well, so I know the pain.",
                 {"Salesforce": "integration"}, id="en-rep-uses-internally"),
    pytest.param("Rep: I logged it in our HubSpot so the whole team sees it.",
                 {"HubSpot": "integration"}, id="en-rep-logged-in-our"),
    pytest.param("客服：我们这边的工单系统用的是智齿，您的单号我帮您查一下。",
                 {"智齿客服": "integration"}, id="zh-agent-our-ticket-system"),
    pytest.param("客服：本公司客服用的Udesk前天升级了，所以短信晚到了。",
                 {"Udesk": "integration"}, id="zh-agent-company-uses"),
    # stays a competitor: the vendor's customers, the customer's own stack, a comparison
    pytest.param("Rep: Many of our customers moved off HubSpot to us last year.",
                 {"HubSpot": "in play"}, id="en-our-customers-left"),
    pytest.param("Rep: Our team replaced Pipedrive at forty clinics last year.",
                 {"Pipedrive": "in play"}, id="en-our-team-replaced-elsewhere"),
    pytest.param("Customer: We moved our support desk off Zendesk in May.",
                 {"Zendesk": "in play"}, id="en-customer-own-stack"),
    pytest.param("Rep: Our per-seat price is lower than Zoho's.",
                 {"Zoho": "in play"}, id="en-rep-compares"),
    pytest.param("销售：我们很多客户都是从纷享销客换过来的。",
                 {"纷享销客": "in play"}, id="zh-our-customers-switched"),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_the_vendors_own_tool_is_no_competitor(text: str, expected: dict[str, str]) -> None:
    language = "zh" if any("\u4e00" <= ch <= "\u9fff" for ch in text) else "en"
    found = stances(text, language)
    assert {name: "integration" if stance == "integration" else "in play"
            for name, stance in found.items()} == {
        name: stance if stance == "integration" else "in play" for name, stance in expected.items()}


def test_only_the_vendor_side_owns_a_tool() -> None:
    text = "we use Salesforce internally"
    said = {role: Sentence(text=text, start=0, end=len(text), role=role,  # type: ignore[arg-type]
                           speaker=None, segment_index=None)
            for role in ("rep", "customer", "unknown")}
    assert [is_vendor_own(said[r], 7, 17) for r in ("rep", "customer", "unknown")] == [True, False, False]
