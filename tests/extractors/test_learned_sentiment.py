"""The combined sentence polarity: courtesy carries no stance, whatever the encoder reads in it."""

from __future__ import annotations

import pytest

from extractors.learned.reading import SentenceReading
from extractors.learned.sentiment import SentimentOptions, label_of, sentence_polarity
from extractors.rules.courtesy import is_courtesy
from extractors.rules.sentences import Sentence
from extractors.rules.sentiment import score_sentence

OPTIONS = SentimentOptions(strong=0.35, mixed_balance=0.3, rules_weight=0.6, rules_floor=0.8,
                           min_words=3)


def _reading(text: str, positive: float, negative: float) -> SentenceReading:
    return SentenceReading(Sentence(text, 0, len(text), "customer", None, None), {"other": 1.0},
                           {"positive": positive, "neutral": 1 - positive - negative,
                            "negative": negative})


COURTESY = [
    pytest.param("Thanks for the demo.", id="en-thanks-for-the-demo"),
    pytest.param("Hi Priya, thanks for the proposal.", id="en-salutation-and-thanks"),
    pytest.param("Thanks everyone for joining the technical review.", id="en-thanks-for-joining"),
    pytest.param("OK, sounds good, thanks!", id="en-acknowledgement"),
    pytest.param("感谢您的回复！", id="zh-thanks-for-the-reply"),
    pytest.param("谢谢", id="zh-thanks"),
]

NOT_COURTESY = [
    pytest.param("Thanks for fixing it so quickly, you guys are great!", id="en-praise-after-thanks"),
    pytest.param("Really appreciate how fast your team moved.", id="en-appreciation"),
    pytest.param("感谢上周的演示，团队整体比较满意。", id="zh-thanks-and-satisfaction"),
    pytest.param("问题解决了，太感谢了！", id="zh-resolved-and-grateful"),
]


@pytest.mark.parametrize("text", COURTESY)
def test_thanks_for_a_process_is_courtesy(text: str) -> None:
    assert is_courtesy(text)


@pytest.mark.parametrize("text", NOT_COURTESY)
def test_thanks_with_praise_or_a_result_is_not_courtesy(text: str) -> None:
    assert not is_courtesy(text)


@pytest.mark.parametrize("text", COURTESY)
def test_an_encoder_that_reads_thanks_as_praise_does_not_make_it_positive(text: str) -> None:
    reading = _reading(text, 0.97, 0.0)
    assert sentence_polarity(reading, OPTIONS, score_sentence, is_courtesy) == 0.0
    assert sentence_polarity(reading, OPTIONS, score_sentence) > 0.0  # without the check it would


def test_a_polite_email_around_a_request_stays_neutral() -> None:
    readings = [_reading("Thanks for the recap.", 0.86, 0.0),
                _reading("Could you send the cutover plan by next Tuesday?", 0.01, 0.0),
                _reading("Thanks,", 0.4, 0.0)]
    polarities = [sentence_polarity(r, OPTIONS, score_sentence, is_courtesy) for r in readings]
    assert label_of(polarities, OPTIONS)[0] == "neutral"


def test_a_contrast_of_praise_and_complaint_gives_the_combined_label_both_sides() -> None:
    from datetime import UTC, datetime

    from assistant.models import Source, Touchpoint
    from extractors.learned.sentiment import learned_sentiment
    from extractors.rules.contrast import sentence_scores

    text = "The summaries are really good, but the mobile app crashed twice."
    touchpoint = Touchpoint(id="tp-contrast", tenant_id="t1", channel="email", direction="inbound",
                            occurred_at=datetime(2026, 3, 10, tzinfo=UTC),
                            source=Source(uri="test:contrast", sha256="0" * 64,
                                          media_type="text/plain"), text=text)
    readings = [_reading(text, 0.6, 0.1)]  # the encoder reads the sentence as one mild praise
    plain = learned_sentiment(touchpoint, readings, OPTIONS, score_sentence, is_courtesy)
    split = learned_sentiment(touchpoint, readings, OPTIONS, score_sentence, is_courtesy,
                              sentence_scores)
    assert plain is not None and plain.label != "mixed"
    assert split is not None and split.label == "mixed"
    assert [(e.start, e.end) for e in split.evidence] == [(0, len(text))]  # shown once


def test_a_positive_label_never_cites_a_sentence_that_also_complains() -> None:
    from datetime import UTC, datetime

    from assistant.models import Source, Touchpoint
    from extractors.learned.sentiment import learned_sentiment
    from extractors.rules.contrast import sentence_scores

    contrast = "The summaries are really good, but the mobile app crashed twice."
    # the encoder's praise, which the rules see no words for: each counts 0.4 * 0.95 = 0.38
    praise = ["Our reps log every call now.", "Adoption went from ten to forty users.",
              "The managers open the dashboard every morning.", "Onboarding took one afternoon.",
              "Our CFO mentions it in every review.", "The team asked for more seats."]
    sentences = [contrast, *praise]
    text = " ".join(sentences)
    touchpoint = Touchpoint(id="tp-evidence", tenant_id="t1", channel="email", direction="inbound",
                            occurred_at=datetime(2026, 3, 10, tzinfo=UTC),
                            source=Source(uri="test:evidence", sha256="0" * 64,
                                          media_type="text/plain"), text=text)
    readings = []
    for sentence in sentences:
        start = text.index(sentence)
        reading = _reading(sentence, 0.95, 0.0)
        readings.append(SentenceReading(
            Sentence(sentence, start, start + len(sentence), "customer", None, None),
            reading.roles, reading.sentiment))
    found = learned_sentiment(touchpoint, readings, OPTIONS, score_sentence, is_courtesy,
                              sentence_scores)
    assert found is not None and found.label == "positive"
    assert found.evidence and all(e.quote != contrast for e in found.evidence)
