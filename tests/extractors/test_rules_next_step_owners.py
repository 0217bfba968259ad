"""Owners of next steps: named and team owners, and the vendor's public replies."""

from __future__ import annotations

import pytest

from assistant.models import Source, Touchpoint
from extractors.base import CompetitorCatalog, ExtractionContext
from extractors.rules import RulesExtractor
from extractors.rules.sentences import role_from_label, split_sentences
from tests.extractors.test_rules_next_steps import MONDAY, steps

NAMED = [
    pytest.param("customer", "Marcus will send you the SSO metadata file tomorrow so your team can "
                 "start on the Okta side.", [("send you the SSO metadata file", "customer")],
                 id="en-named-first-not-the-team-in-the-purpose"),
    pytest.param("rep", "Dana Whitfield, who runs onboarding, will reach out to schedule the kickoff.",
                 [("reach out to schedule the kickoff", "rep")], id="en-named-vendor-job"),
    pytest.param("rep", "Tobias from our team will set up the sandbox on Friday.",
                 [("set up the sandbox", "rep")], id="en-named-from-our-team"),
    pytest.param("customer", "Tobias from our team will set up the sandbox on Friday.",
                 [("set up the sandbox", "customer")], id="en-named-from-our-team-customer"),
    pytest.param("rep", "Kim from your IT group will whitelist our domain this week.",
                 [("whitelist our domain", "customer")], id="en-named-from-your-it"),
    pytest.param("rep", "And Kenji from Verdant said he'd send the user list on Friday.",
                 [("send the user list", "customer")], id="en-sentence-opening-word-is-no-name"),
    pytest.param("rep", "Engineering will push the fix tomorrow.", [("push the fix", "rep")],
                 id="en-a-team-named-like-a-person-is-the-speakers"),
    pytest.param("customer", "IT will whitelist the domain today.", [("whitelist the domain", "customer")],
                 id="en-IT-is-a-team-not-it"),
    pytest.param("rep", "Legal will send the redlines by Friday.", [("send the redlines", "rep")],
                 id="en-legal-said-by-the-rep"),
]


@pytest.mark.parametrize(("role", "text", "expected"), NAMED)
def test_a_named_owner_belongs_to_the_side_the_text_gives_them(role, text, expected):
    assert [(action, owner) for action, owner, _ in steps([(role, text)])] == expected


@pytest.mark.parametrize(("label", "role"), [("Reply from @touchpointhq", "agent"),
                                             ("官方回复（乐听会员服务）", "agent"),
                                             ("Response from Acme Support", "agent")],
                         ids=["reply-from-handle", "guanfang-huifu", "response-from"])
def test_a_public_reply_label_is_the_vendor(label, role):
    assert role_from_label(label) == role


def test_the_vendors_public_reply_under_a_post_is_the_vendors_turn():
    text = ("Source: LinkedIn (public post)\n\nDana Whitley · VP Customer Experience\n"
            "Three weeks waiting for support to tell me why our recordings vanished.\n\n---\n"
            "Reply from Touchpoint Social Care:\nHi Dana, we're really sorry. Could you share your "
            "account email in a DM? Our support director will look into this personally today.")
    tp = Touchpoint(id="tp", tenant_id="t", channel="ticket", occurred_at=MONDAY,
                    source=Source(uri="mem://", sha256="0" * 64, media_type="text/plain"), text=text)
    roles = {s.text: s.role for s in split_sentences(tp)}
    assert roles["Hi Dana, we're really sorry."] == "agent"
    assert roles["Three weeks waiting for support to tell me why our recordings vanished."] == "customer"
    found = RulesExtractor().extract(tp, ExtractionContext(catalog=CompetitorCatalog())).next_steps
    assert [(s.action, s.owner) for s in found] == [
        ("share your account email in a DM", "customer"), ("look into this personally", "rep")]


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("我方要求：\n1. 本周五前提供书面故障报告；\n2. 按合同约定的SLA条款进行赔偿。\n谢谢。",
                 [("提供书面故障报告", "rep")], id="zh-wofang-yaoqiu"),
])
def test_steps_listed_under_a_heading_of_demands_are_asked_of_the_other_side(text, expected):
    tp = Touchpoint(id="tp", tenant_id="t", channel="email", occurred_at=MONDAY,
                    source=Source(uri="mem://", sha256="0" * 64, media_type="text/plain"), text=text)
    found = RulesExtractor().extract(tp, ExtractionContext(catalog=CompetitorCatalog())).next_steps
    assert [(s.action, s.owner) for s in found][: len(expected)] == expected
