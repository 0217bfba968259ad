"""The timing backtest: the learner recovers known habits and beats both naive baselines with
a confidence interval that excludes zero; pure noise pulls it back to the baselines' level."""

from __future__ import annotations

import numpy as np
import pytest

from evals.suggestion_backtest import expected_latencies, format_report, run_backtest
from evals.suggestion_history import HABITS, generate_history


@pytest.fixture(scope="module")
def habitual() -> dict:
    return run_backtest(contacts=45, weeks=10, noise=0.1, seed=3)


def test_the_learner_beats_both_baselines_with_a_margin(habitual: dict):
    for baseline, versus in habitual["learned_vs"].items():
        assert versus["hit_rate_gain_ci95"][0] > 0, baseline
        assert versus["latency_saved_h_ci95"][0] > 0, baseline
    text = format_report(habitual)
    assert "learned vs weekday_10am" in text and "95% CI" in text


def test_the_learner_recovers_each_habit(habitual: dict):
    assert set(habitual["by_habit"]) == set(HABITS)
    for habit, found in habitual["by_habit"].items():
        assert found["recovered"] >= 0.8, habit


def test_pure_noise_degrades_to_the_baselines_level_not_below():
    noisy = run_backtest(contacts=30, weeks=8, noise=1.0, seed=3)
    learned = noisy["methods"]["learned"]["hit_rate"]
    baselines = [noisy["methods"][b]["hit_rate"] for b in ("last_contact_hour", "weekday_10am")]
    assert learned >= max(baselines) - 0.03
    assert learned < 0.2  # nothing left to learn: far from the habitual run


def test_expected_latency_of_a_constant_hazard_is_geometric():
    latencies = expected_latencies(np.full(168, 0.5))
    assert np.allclose(latencies, 1.5)  # (1 - p) / p waiting hours + half an hour


def test_the_generated_history_spans_china_europe_and_the_us():
    people = generate_history(contacts=21, weeks=2, noise=0.0, seed=1)
    zones = {p.timezone.key for p in people}
    assert {"Asia/Shanghai", "Europe/Berlin", "America/New_York"} <= zones
    assert all(reply is None or reply >= sent for p in people for sent, reply in p.sends)
