"""Session 13 sentiment classes: reproach without feeling words, sarcasm across sentences, a firm
no beside polite praise, questions that only ask, terms that only sound like feelings, and
traditional or Cantonese Chinese read as Mandarin."""

from __future__ import annotations

import pytest

from extractors.rules.contrast import sentence_scores
from extractors.rules.cues import cues_of
from tests.extractors.test_rules_labels import sentiment_of


def _score(text: str) -> float:
    return max(sentence_scores(text, cues_of(text)), key=abs)


@pytest.mark.parametrize("text", [
    "The shipment manifest arrived empty again.",
    "Our payroll export came back with the wrong totals again.",
    "That's the third release in a row that broke the login page.",
    "Four invoices running with the wrong VAT number.",
    "All we have had is nothing but auto-replies.",
    "I don't want another canned response from your help desk.",
    "Your helpdesk keeps closing the ticket without reading it.",
    "Honestly this is not what we paid for.",
    "Why are we still paying for a tool that cannot print a label?",
    "We re-shipped every parcel at our own expense.",
    "We are withholding payment until the credit note arrives.",
    "Maybe check the build actually works this time.",
    "The escalation workflows never fire on weekends.",
    "A 30% uplift cannot be justified to our trustees.",
    "这次的对账单又算成了上个月的汇率。",
    "连续第三次出现同样的报错。",
    "别又是说下周一定修好。",
    "你们专线到底还要等多久？",
    "付款我们暂缓付款，等你们把账单改对。",
    "这套设备装好以后一天都没正常过。",
    "以后不能再出这种问题。",
], ids=lambda t: t[:32])
def test_reproach_without_feeling_words_is_negative(text: str) -> None:
    assert _score(text) <= -0.3


@pytest.mark.parametrize(("text", "sign"), [
    ("The sync has been working really well since the patch.", 1),
    ("Month-end close used to take the team three days and now takes one afternoon.", 1),
    ("讲解得比上一家清楚多了。", 1),
    ("比原来那家稳定很多。", 1),
    ("Please list every vehicle of interest in column B.", 0),
    ("Thank you for your expression of interest.", 0),
    ("We would be grateful if you could confirm the hosting region.", 0),
    ("Yours faithfully,", 0),
    ("Congratulations, your firm has been shortlisted for the tender.", 0),
    ("Congrats on the launch, the new inbox is fantastic.", 1),
    ("Submissions must reach us no later than Friday noon.", 0),
    ("We can't go live until the mapping is fixed.", -1),
    ("Could you tell us whether the fantastic new API is available in Europe, and when?", 0),
], ids=lambda t: str(t)[:32])
def test_what_reads_as_praise_and_what_only_sounds_like_it(text: str, sign: int) -> None:
    score = _score(text)
    assert (score >= 0.3) if sign > 0 else (score <= 0.0 if sign < 0 else abs(score) < 0.3)


@pytest.mark.parametrize(("turns", "label"), [
    ([("rep", "The patch should reach you within three working days."),
      ("customer", "Three working days."), ("customer", "Fantastic."),
      ("customer", "Our clinic opens on Monday without a booking system.")], "negative"),
    ([("rep", "Next up is the new reporting roadmap."),
      ("customer", "Brilliant."), ("customer", "Another roadmap."),
      ("customer", "We saw that same slide last spring.")], "negative"),
    ([("customer", "The whole warehouse was offline for two hours, which is unacceptable."),
      ("customer", "Nobody on the floor could scan a thing."),
      ("customer", "Really great stuff.")], "negative"),
    ([("customer", "Thanks for the \"fix\". The labels still print sideways.")], "negative"),
    ([("customer", "We decided to go with another vendor for the rollout."),
      ("customer", "Your trainers were lovely and the team liked the demo.")], "negative"),
    ([("customer", "The dashboards are great and the team loves them."),
      ("customer", "But the mobile app crashed twice and it is unusable.")], "mixed"),
    ([("customer", "整體來說還不錯，主管很喜歡新的報表。"),
      ("customer", "比較困擾的是同步常常失敗，資料重複很嚴重。")], "mixed"),
    ([("customer", "你哋個系統又冇咗同步，我哋啲客人喺度等緊。")], "negative"),
], ids=["echo-then-praise", "praise-then-another", "praise-two-after-a-complaint", "scare-quoted-fix",
        "firm-no-beside-praise", "mixed-stays-mixed", "traditional-chinese-mixed", "cantonese-again-gone"])
def test_the_label_reads_the_class(turns, label: str) -> None:
    sentiment = sentiment_of(turns, channel="chat")
    assert sentiment is not None and sentiment.label == label
