"""The learned speaker-side model: named speakers whose words say the side, with no label or cue
that does; labels that state the side stay as they are; the shipped weights are what
`python -m evals.train_sides` builds."""

from __future__ import annotations

from datetime import UTC, datetime

import numpy as np
import pytest

from assistant.models import Source, Touchpoint
from extractors.rules.sentences import infer_roles, split_sentences
from extractors.rules.speaker_model import N_FEATURES, WEIGHTS, load_side_model, turn_features


def sides_of(text: str, channel: str = "chat", *, learned: bool = True) -> dict[str, str]:
    tp = Touchpoint(id="tp", tenant_id="t", channel=channel, direction="inbound",  # type: ignore[arg-type]
                    occurred_at=datetime(2026, 5, 6, tzinfo=UTC), text=text,
                    source=Source(uri="mem://", sha256="0" * 64, media_type="text/plain"))
    sentences = split_sentences(tp)
    if not learned:
        for s in sentences:
            if s.speaker and s.role != "unknown" and not s.speaker.startswith(("Agent", "Customer")):
                s.role = "unknown"
        infer_roles(sentences, channel, None, learned=False)
    return {s.speaker: s.role for s in sentences if s.speaker}


# two people known by name only; the one who answers for the product talks like its support
# desk, the other like someone whose work it stopped; the customer speaks first in each
NAMED = [
    ("chat", "Rosa Lindqvist: hey, none of my invoices exported this morning and the accountant "
             "is waiting on them, this is really not ok\n"
             "Theo Marchetti: Hi Rosa, thanks for reaching out and sorry about the trouble. Could you "
             "tell me which workspace you're in? I'll check the export logs on our side.\n"
             "Rosa Lindqvist: the Lisbon one. we did nothing different from last week\n"
             "Theo Marchetti: Thank you. I can see the failed job, our engineers are already on it. "
             "I'll update you here as soon as the export has been rerun.\n"
             "Rosa Lindqvist: fine, but I need them before noon",
     {"Rosa Lindqvist": "customer", "Theo Marchetti": "rep"}),
    ("chat", "钱多多：你好，我们店的小程序从昨晚开始下不了单，顾客一直在问，太影响生意了\n"
             "林晓：您好，非常抱歉给您带来不便！麻烦提供一下您的门店编号，我这边马上帮您查询处理。\n"
             "钱多多：编号是8812，昨天还好好的\n"
             "林晓：好的，已经为您提交给技术同事排查了，预计一小时内恢复，有进展我第一时间通知您。\n"
             "钱多多：行吧，尽快",
     {"钱多多": "customer", "林晓": "rep"}),
]


@pytest.mark.parametrize(("channel", "text", "expected"), NAMED, ids=["en-support", "zh-support"])
def test_named_speakers_take_the_side_their_words_show(channel: str, text: str,
                                                       expected: dict[str, str]) -> None:
    assert sides_of(text, channel) == expected


def test_a_stated_label_keeps_its_side_whatever_the_words() -> None:
    text = ("Agent: our server is down again and we are losing orders\n"
            "Customer: Sorry to hear that, I'll open a ticket with our engineers for you.")
    assert sides_of(text) == {"Agent": "agent", "Customer": "customer"}


def test_too_little_said_leaves_the_cue_rules_to_decide() -> None:
    text = "Sam: ok\nAlex: sure\nSam: thanks\nAlex: bye"
    assert sides_of(text) == sides_of(text, learned=False)


@pytest.mark.parametrize(("text", "buckets"), [
    ("", 0), ("ok", 1), ("Ok OK ok", 2), ("send it", 3), ("好的", 3), ("12:30 —", 0),
])
def test_a_turn_counts_each_word_bigram_and_character_once(text: str, buckets: int) -> None:
    features = turn_features(text)
    assert len(features) == buckets and all(0 <= f < N_FEATURES for f in features)


@pytest.mark.slow  # reads the tuning splits and fits the model
def test_the_shipped_weights_are_what_the_training_script_builds() -> None:
    """Refit with the shipped C on the same turns: the same weights to float16 rounding (lbfgs
    stops at a tolerance, so a little more is allowed), and the same side for (nearly) every turn."""
    from threadpoolctl import threadpool_limits

    from evals.train_sides import fit as fit_sides
    from evals.train_sides import harvest

    shipped = load_side_model(WEIGHTS)
    assert shipped is not None
    conversations = harvest()
    with threadpool_limits(1):
        with np.load(WEIGHTS) as arrays:
            c = float(arrays["C"])
        rebuilt = fit_sides(conversations, c)
    assert float(np.abs(rebuilt.coef - shipped.coef).max()) <= 0.01
    assert abs(rebuilt.intercept - shipped.intercept) <= 0.01
    turns = [t for x in conversations for ts in x.turns.values() for t in ts]
    agree = [(rebuilt.turn_log_odds(t) > 0) == (shipped.turn_log_odds(t) > 0) for t in turns]
    assert sum(agree) >= 0.99 * len(agree)

