"""Round-2 sentiment classes: a current customer's workaround, names without valence, doubt
overcome, comparisons with what came before, and scorn through a praise word (en and zh)."""

from __future__ import annotations

import pytest

from extractors.rules.contrast import sentence_scores
from extractors.rules.sentiment import STRONG
from extractors.rules.status_quo import is_current_customer, is_status_quo_pain
from tests.extractors.test_rules_labels import sentiment_of


def _score(text: str) -> float:
    scores = sentence_scores(text)
    return sum(scores) / len(scores)


@pytest.mark.parametrize(("text", "current"), [
    ("Northwind / Ledgerly quarterly business review", True),
    ("Quick check-in on how the first month went.", True),
    ("Since we went live in May the invoices go out on time.", True),
    ("物流部 × 云仓 上线以来问题复盘", True),
    ("二季度回访记录", True),
    ("How do you handle renewals today?", False),
    ("We'd like a demo of the scheduling module next week.", False),
    ("我们目前在看几家供应商的方案。", False),
], ids=["en-qbr", "en-check-in", "en-since-go-live", "zh-since-launch-review", "zh-follow-up-visit",
        "en-discovery-question", "en-demo-request", "zh-evaluating-vendors"])
def test_a_current_customer_is_read_off_the_touchpoint(text: str, current: bool) -> None:
    assert is_current_customer(text) is current


@pytest.mark.parametrize(("text", "status_quo"), [
    ("The shipment feed drops half the stops, so Priya re-keys them manually every morning.", False),
    ("Orders from the marketplace never reach the platform, so we copy them over by hand.", False),
    ("对接的数据经常缺字段，我们只能每天手动补一遍。", False),
    ("后台的库存数要手工改，系统里经常对不上。", False),
    ("Our old system made us re-enter everything by hand.", True),
    ("以前用的老系统全靠手工导表。", True),
    ("We track it all in spreadsheets and it takes hours.", True),
], ids=["en-feed-workaround", "en-platform-by-hand", "zh-integration-by-hand", "zh-backend-by-hand",
        "en-old-system", "zh-old-system", "en-no-product-word"])
def test_a_current_customers_workaround_is_a_complaint(text: str, status_quo: bool) -> None:
    assert is_status_quo_pain(text, False, current_customer=True) is status_quo
    assert is_status_quo_pain(text, False) or not status_quo  # a prospect's pain stays status quo


@pytest.mark.parametrize(("turns", "label"), [
    ([("customer", "Monthly check-in. The route board has been great, the drivers love it."),
      ("customer", "The carrier sync is the weak spot: it drops a third of the stops, so Priya re-keys them "
                   "by hand every morning.")], "mixed"),
    ([("customer", "季度复盘：排班看板大家都在用，效果很好。"),
      ("customer", "但是考勤对接是个短板，我们每周都得手动改一遍系统里的数据。")], "mixed"),
    ([("rep", "How do you handle dispatch today?"),
      ("customer", "Honestly it is painful, we re-key every stop by hand into a spreadsheet.")], "neutral"),
], ids=["en-check-in-workaround-is-mixed", "zh-review-workaround-is-mixed", "en-discovery-pain-stays-neutral"])
def test_workaround_labels(turns, label: str) -> None:
    sentiment = sentiment_of(turns, channel="meeting")
    assert sentiment is not None and sentiment.label == label


@pytest.mark.parametrize("text", [
    "We signed the order with Liberty Mutual Insurance last week.",
    "Minutes were taken by R. Osei (Finance, Harmony Health Partners).",
    "The Treasurer said the state grant covered the original licence order.",
    "As agreed, the invoices go to the Hope Street office.",
    "Victory Lane Motors will send the files on Monday.",
], ids=["insurer-name", "org-in-attendee-list", "grant-and-original", "as-agreed-street", "dealer-name"])
def test_names_and_business_terms_carry_no_valence(text: str) -> None:
    assert abs(_score(text)) < STRONG


@pytest.mark.parametrize(("text", "sign"), [
    ("Love The New Dashboard", 1),
    ("Honestly we love the new dashboard.", 1),
    ("The Liberty Mutual rollout was a disaster.", -1),
], ids=["title-case-headline-keeps-praise", "plain-praise", "named-client-complaint"])
def test_feelings_beside_names_still_count(text: str, sign: int) -> None:
    assert sign * _score(text) >= STRONG


@pytest.mark.parametrize(("text", "minimum"), [
    ("The dispatchers aren't sceptical anymore.", STRONG),
    ("Our nurses were worried at first, but now they love it.", STRONG),
    ("The new scheduling flow won the holdouts over within a week.", STRONG),
    ("一开始店长们都担心用不惯，现在离不开了。", STRONG),
    ("刚开始大家对这个系统有点抵触，用下来都说好。", STRONG),
    ("财务的顾虑都打消了。", STRONG),
    ("The drivers were skeptical back in January.", -0.05),
    ("起初仓库那边不太看好。", -0.05),
], ids=["en-not-sceptical-anymore", "en-worried-at-first-now-love", "en-won-over", "zh-worried-now-cannot-do-without",
        "zh-resisted-now-praise", "zh-concerns-dispelled", "en-dated-doubt-is-history", "zh-dated-doubt-is-history"])
def test_doubt_overcome_is_praise_and_dated_doubt_is_history(text: str, minimum: float) -> None:
    assert _score(text) >= minimum


@pytest.mark.parametrize("text", [
    "Honestly the route planning is night and day compared to the old tool.",
    "It's a huge step up from what we had.",
    "We would never go back to the paper forms.",
    "Your onboarding team made a huge difference for our clinics.",
    "Honestly one of the smoothest migrations we have ever been through.",
    "现在的排产比原来那套天差地别。",
    "新版报表清楚太多了。",
    "以前对账要两天，现在只要半个小时。",
    "原来月底汇总要弄一个周末，现在十分钟就出来了。",
], ids=["en-night-and-day", "en-step-up", "en-never-go-back", "en-made-a-difference", "en-best-ever", "zh-worlds-apart", "zh-much-clearer",
        "zh-two-days-to-half-hour", "zh-weekend-to-minutes"])
def test_comparisons_with_the_past_are_praise(text: str) -> None:
    assert _score(text) >= STRONG


@pytest.mark.parametrize("text", [
    "报表并没有好太多。",
    "以前两小时，现在要五个小时。",
], ids=["zh-negated-comparison", "zh-slower-after"])
def test_comparisons_that_are_not_praise(text: str) -> None:
    assert _score(text) < STRONG


@pytest.mark.parametrize("text", [
    "Your so-called smart routing sent every van to the same depot.",
    "The auto-scheduler is supposed to be intuitive and nobody can find the undo.",
    "你们所谓的智能排班，就是把所有人都排到周末。",
    "号称一键同步，结果每次都要手动补。",
], ids=["en-so-called-smart", "en-supposed-to-be-intuitive", "zh-so-called-smart", "zh-claims-one-click"])
def test_scorn_through_a_praise_word_is_negative(text: str) -> None:
    assert _score(text) <= -STRONG
