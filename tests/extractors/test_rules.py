"""The rules extractor on English and Chinese conversations: exact fields and offsets."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from assistant.ingest.common import assemble_text
from assistant.models import Segment, Source, Touchpoint
from extractors.base import CompetitorCatalog, ExtractionContext
from extractors.grounding import is_verified
from extractors.rules import RulesExtractor
from extractors.rules.sentences import role_from_label

CST = timezone(timedelta(hours=8))
EST = timezone(timedelta(hours=-5))


def conversation(turns: list[tuple[str, str, str]], *, channel: str = "call",
                 when: datetime = datetime(2026, 3, 2, 10, 0, tzinfo=CST)) -> Touchpoint:
    text, segments = assemble_text(
        [Segment(speaker=speaker, role=role, text=body) for speaker, role, body in turns])
    return Touchpoint(id="tp", tenant_id="t", channel=channel, occurred_at=when,
                      source=Source(uri="mem://", sha256="0" * 64, media_type="text/plain"),
                      segments=segments, text=text)


def extract(tp: Touchpoint, catalog: CompetitorCatalog | None = None):
    context = ExtractionContext(catalog=catalog or CompetitorCatalog())
    insights = RulesExtractor().extract(tp, context)
    for item in [*insights.competitors, *insights.next_steps, *insights.pain_points,
                 *insights.objections, *insights.buying_signals, *insights.questions]:
        assert is_verified(item.evidence, tp.text)
    return insights


def test_english_call_fields_and_offsets():
    tp = conversation([
        ("Alice", "rep", "Thanks for joining. What are you using today?"),
        ("Dana", "customer", "We're on Salesforce, but it's too expensive for a team our size."),
        ("Dana", "customer", "Data entry takes hours every week."),
        ("Alice", "rep", "Understood. I'll send you a quote by Friday."),
    ], when=datetime(2026, 3, 2, 9, 0, tzinfo=EST))
    insights = extract(tp)
    [competitor] = insights.competitors
    assert (competitor.name, competitor.stance, competitor.alias) == ("Salesforce", "using",
                                                                      "Salesforce")
    sentence = "We're on Salesforce, but it's too expensive for a team our size."
    assert competitor.evidence.quote == sentence
    assert competitor.evidence.start == tp.text.index(sentence)
    assert competitor.evidence.segment_index == 1
    [step] = insights.next_steps
    assert (step.action, step.owner, step.due, step.due_phrase) == (
        "send you a quote", "rep", date(2026, 3, 6), "by Friday")
    assert [p.text for p in insights.pain_points] == ["Data entry takes hours every week"]
    assert [(o.kind, o.evidence.quote) for o in insights.objections] == [("price", sentence)]
    assert insights.sentiment.label == "negative"
    assert insights.summary and insights.summary.evidence


def test_chinese_call_fields_and_offsets():
    tp = conversation([
        ("王磊", "rep", "李总您好，今天想了解一下贵司的需求。"),
        ("李娜", "customer", "我们现在用的是纷享销客，数据录入太麻烦了。"),
        ("王磊", "rep", "明白，我下周二前把报价发给您。"),
        ("李娜", "customer", "好的，我们月底之前确认预算。"),
    ])
    insights = extract(tp)
    [competitor] = insights.competitors
    assert (competitor.name, competitor.stance) == ("纷享销客", "using")
    assert competitor.evidence.quote == "我们现在用的是纷享销客，数据录入太麻烦了。"
    steps = {(s.action, s.owner, s.due) for s in insights.next_steps}
    assert ("把报价发给您", "rep", date(2026, 3, 10)) in steps
    assert ("确认预算", "customer", date(2026, 3, 31)) in steps
    assert [p.text for p in insights.pain_points] == ["数据录入太麻烦了"]  # the pain clause
    # pain with the tool in use is why a prospect calls, not a complaint about us (status_quo.py)
    assert insights.sentiment.label == "neutral"


STANCES = [
    ("using en", "We currently use HubSpot for everything.", "HubSpot", "using"),
    ("evaluating en", "We're also evaluating Zendesk right now.", "Zendesk", "evaluating"),
    ("switching en", "We are moving off Pipedrive this year.", "Pipedrive", "switching_from"),
    ("comparing en", "You seem cheaper than Zoho.", "Zoho", "comparing"),
    ("negated use", "We don't use Salesforce at all.", "Salesforce", "mentioned"),
    ("using zh", "我们一直在用纷享销客管客户。", "纷享销客", "using"),
    ("evaluating zh", "我们也在评估销售易。", "销售易", "evaluating"),
    ("switching zh", "我们打算换掉金蝶。", "金蝶", "switching_from"),
    ("comparing zh", "你们比飞书便宜多少？", "飞书", "comparing"),
    ("alias spelling", "We use Hub Spot today.", "HubSpot", "using"),
    ("english alias of chinese name", "They moved from DingTalk to Lark Suite.", "钉钉",
     "switching_from"),
]


@pytest.mark.parametrize(("text", "name", "stance"), [s[1:] for s in STANCES],
                         ids=[s[0] for s in STANCES])
def test_competitor_stance_comes_from_the_nearest_cue(text, name, stance):
    insights = extract(conversation([("C", "customer", text)]))
    found = {c.name: c.stance for c in insights.competitors}
    assert found.get(name) == stance, found


NOT_COMPETITORS = [
    ("gong as a word", "We rang the gong when the deal closed."),
    ("outreach as a word", "Our outreach to new leads is slow."),
    ("close as a verb", "We want to close the deal this month."),
    ("用友 inside 用友好", "请用友好的语气回复客户。"),
    ("monday as a day", "Let's talk on Monday."),
    ("salesforce inside an email address", "Write to ops@salesforceteam.example.com please."),
]


@pytest.mark.parametrize("text", [c[1] for c in NOT_COMPETITORS], ids=[c[0] for c in NOT_COMPETITORS])
def test_ordinary_words_are_not_competitors(text):
    assert extract(conversation([("C", "customer", text)])).competitors == []


def test_a_tenant_catalog_replaces_the_default():
    catalog = CompetitorCatalog(aliases={"Acme Rival": ["Acme Rival", "阿克米"]})
    insights = extract(conversation([("C", "customer", "我们在用阿克米，也看过Salesforce。")]),
                       catalog)
    assert [c.name for c in insights.competitors] == ["Acme Rival"]


def test_requests_are_owned_by_the_other_side():
    insights = extract(conversation([
        ("Dana", "customer", "Could you send the security whitepaper by Wednesday?"),
        ("Alice", "rep", "Sure. Can you share your SSO requirements tomorrow?"),
    ], when=datetime(2026, 3, 2, 9, 0, tzinfo=EST)))
    steps = [(s.action, s.owner, s.due) for s in insights.next_steps]
    assert ("send the security whitepaper", "rep", date(2026, 3, 4)) in steps
    assert ("share your SSO requirements", "customer", date(2026, 3, 3)) in steps


def test_negated_commitments_are_not_next_steps():
    insights = extract(conversation([("Alice", "rep", "I won't send anything until legal signs off.")]))
    assert insights.next_steps == []


def test_sentiment_is_the_customers_and_keeps_a_trajectory():
    tp = conversation([
        ("Alice", "rep", "This is terrible news, I'm sorry, it's awful."),
        ("Dana", "customer", "No problem at all, we love the product and the support is great."),
    ])
    sentiment = extract(tp).sentiment
    assert sentiment.label == "positive"
    assert set(sentiment.by_speaker) == {"Alice", "Dana"}
    assert sentiment.by_speaker["Alice"].label == "negative"
    assert sentiment.trajectory and sentiment.evidence[0].segment_index == 1


def test_mixed_sentiment_when_both_sides_are_strong():
    tp = conversation([("Dana", "customer", "We love the new dashboard, it's fantastic."),
                       ("Dana", "customer", "But the export is broken and support is terrible.")])
    assert extract(tp).sentiment.label == "mixed"


def test_ticket_fields_come_with_quotes():
    tp = conversation([
        ("Tom", "customer", "We cannot log in to Brightlane Desk since this morning."),
        ("Sam", "agent", "We are investigating."),
        ("Tom", "customer", "Still broken, this is urgent!"),
    ], channel="ticket")
    tp = tp.model_copy(update={"metadata": {"product": "Brightlane Desk"}})
    ticket = extract(tp).ticket
    assert ticket.issue.value == "We cannot log in to Brightlane Desk since this morning"
    assert ticket.product.value == "Brightlane Desk"
    assert ticket.product.evidence.quote == "Brightlane Desk"
    assert ticket.severity.value == "urgent"
    assert ticket.status.value == "open"


def test_text_without_segments_uses_speaker_labels():
    text = "Rep: What tools do you use?\nCustomer: We use Zoho and it is slow.\nRep: I will send a demo link tomorrow."
    tp = Touchpoint(id="x", tenant_id="t", channel="call",
                    occurred_at=datetime(2026, 3, 2, tzinfo=EST), text=text,
                    source=Source(uri="m", sha256="0" * 64, media_type="text/plain"))
    insights = extract(tp)
    assert [(c.name, c.stance) for c in insights.competitors] == [("Zoho", "using")]
    assert [(s.owner, s.due) for s in insights.next_steps] == [("rep", date(2026, 3, 3))]
    assert [p.text for p in insights.pain_points] == ["We use Zoho and it is slow"]


@pytest.mark.parametrize(("text", "name"), [
    ("我们从Salesforce导过来的数据有问题。", "Salesforce"),
    ("最后还是换回Zendesk。", "Zendesk"),
    ("用Zoho的时候很麻烦", "Zoho"),
    ("他们是Udesk，价格便宜", "Udesk"),
], ids=["han before", "full-width stop after", "han after", "full-width comma after"])
def test_latin_names_touching_chinese_text_are_found(text, name):
    insights = extract(conversation([("C", "customer", text)]))
    assert name in {c.name for c in insights.competitors}


@pytest.mark.parametrize(("label", "role"), [
    ("Sam (AE)", "rep"), ("Jordan (CSM)", "rep"), ("Lee (Solutions Engineer)", "rep"),
    ("Facilitator (our side)", "rep"), ("周敏（我方项目经理）", "rep"), ("王磊（销售）", "rep"),
    ("Nadia (VP Sales, Ledgerly)", "customer"), ("Dana (sales ops, Acme)", "customer"),
    ("郑浩（润丰医药IT）", "customer"), ("客户（销售副总裁）", "customer"), ("Customer (IT)", "customer"),
    ("Kenji", "unknown"),
])
def test_a_speaker_tag_names_the_side(label, role):
    """A tag opening with a vendor-side word or job is the rep's; any other tag the customer's."""
    assert role_from_label(label) == role


def test_a_rep_known_by_job_title_owns_their_commitments():
    text = ("Nadia (VP Sales, Ledgerly): Legal needs to see your DPA first.\n"
            "Sam (AE): Perfect. I'll send the DPA over today.")
    tp = Touchpoint(id="x", tenant_id="t", channel="call",
                    occurred_at=datetime(2026, 3, 2, tzinfo=EST), text=text,
                    source=Source(uri="m", sha256="0" * 64, media_type="text/plain"))
    assert [(s.owner, s.due) for s in extract(tp).next_steps] == [("rep", date(2026, 3, 2))]


def test_segments_of_unknown_side_take_the_side_their_speaker_label_names():
    tp = conversation([("Nadia (VP Sales, Ledgerly)", "unknown", "Legal needs to see your DPA first."),
                       ("Sam (AE)", "unknown", "Perfect. I'll send the DPA over today.")])
    assert [(s.owner, s.due) for s in extract(tp).next_steps] == [("rep", date(2026, 3, 2))]


def test_a_long_title_and_company_in_the_label_still_makes_a_turn():
    text = ("Jordan (CSM): Anything that's not working?\n"
            "Marco (Field Sales, Tarrant Homes): The Android app crashes every time. "
            "I'll send you a screen recording tomorrow.\n"
            "Jordan (CSM): Thanks, I'll get it to engineering today.")
    tp = Touchpoint(id="x", tenant_id="t", channel="meeting",
                    occurred_at=datetime(2026, 3, 2, tzinfo=EST), text=text,
                    source=Source(uri="m", sha256="0" * 64, media_type="text/plain"))
    assert [(s.owner, s.due) for s in extract(tp).next_steps] == [
        ("customer", date(2026, 3, 3)), ("rep", date(2026, 3, 2))]


def test_a_one_sided_label_never_cites_a_sentence_with_both_sides() -> None:
    from extractors.rules import supporting
    from extractors.rules.sentences import Sentence

    def sentence(text: str, start: int) -> Sentence:
        return Sentence(text, start, start + len(text), "customer", None, None)

    contrast = sentence("The summaries are really good, but the app crashed twice.", 0)
    praise = sentence("The team loves it.", 60)
    scored = [(contrast, 0.9), (contrast, -0.6), (praise, 0.5)]
    assert supporting("positive", scored) == [praise]
    assert supporting("mixed", scored) == [contrast]
