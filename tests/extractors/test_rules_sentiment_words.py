"""Service and safety nouns VADER reads as feelings ("waste collection", "fire door") are no
feeling; waste said of our time, money or the whole thing still is."""

from __future__ import annotations

import pytest

from extractors.rules.contrast import sentence_scores
from extractors.rules.cues import cues_of


def _score(text: str) -> float:
    return max(sentence_scores(text, cues_of(text)), key=abs)


@pytest.mark.parametrize("text", [
    "Attendees: Dana Reyes (Waste Services Lead), Omar Kaye (Estates).",
    "Waste collection moves to Thursdays from April.",
    "Fire door inspections are booked for the 14th.",
    "The fire marshal will walk the risers with us next week.",
], ids=lambda t: t[:30])
def test_service_and_safety_nouns_are_no_feeling(text: str) -> None:
    assert abs(_score(text)) < 0.3


@pytest.mark.parametrize("text", [
    "Honestly the onboarding webinar was a complete waste.",
    "This has been a waste of our money.",
    "Another waste of everyone's time.",
], ids=lambda t: t[:30])
def test_waste_said_of_the_thing_itself_is_negative(text: str) -> None:
    assert _score(text) <= -0.3
