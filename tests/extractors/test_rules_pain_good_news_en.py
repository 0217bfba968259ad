"""English thanks, good news told with problem words, and action-list lines are no pain points.

"Cheers for fixing the login glitch so fast" thanks someone; "not one late delivery all month"
tells a problem that did not happen; "Priya to check the March tickets against the SLA" is a task
from a meeting's action list. A real problem told in the same words stays one.
"""

from __future__ import annotations

import pytest

from tests.extractors.test_rules_pains import _pains

NO_PAIN = [
    pytest.param("Customer: Cheers for fixing the login glitch so fast on Monday, the front desk was relieved.",
                 id="cheers-for"),
    pytest.param("Customer: Really appreciate you sorting the duplicate invoice before our audit.",
                 id="appreciate"),
    pytest.param("Customer: Maria, thank you for walking us through the broken import step by step.",
                 id="name-thank-you"),
    pytest.param("Customer: We ran the whole spring open and not one tee time was double-booked.",
                 id="not-one"),
    pytest.param("Customer: We went from forty missed calls a week in March to zero since the change.",
                 id="from-to-zero"),
    pytest.param("Customer: The night nurses stopped keeping their own paper lists, which was slow before.",
                 id="stopped-keeping-own"),
    pytest.param("Customer: You turned a broken checkout morning into a ten-minute fix.",
                 id="turned-into"),
    pytest.param("Meeting notes\n- Priya to check the March tickets against the SLA and credit any breach.",
                 id="name-to-task"),
    pytest.param("Meeting notes\n- Tomas: share the failed sync log with engineering.", id="name-colon-task"),
    pytest.param("Meeting notes\n- Ana sends the list of crashing tablets today.", id="name-task-today"),
]

STILL_PAIN = [
    pytest.param("Customer: Thanks, but the export still fails every night.",
                 ["Thanks, but the export still fails every night"], id="thanks-but"),
    pytest.param("Customer: Outlook sync keeps failing for half of our reps.",
                 ["Outlook sync keeps failing for half of our reps"], id="product-name-subject"),
    pytest.param("Customer: Not a single report has loaded since Friday, the page just times out.",
                 ["Not a single report has loaded since Friday, the page just times out"],
                 id="not-one-problem"),
]


@pytest.mark.parametrize("text", NO_PAIN)
def test_good_news_and_tasks_are_no_pain(text: str) -> None:
    assert _pains(text, channel="meeting" if "notes" in text else "call") == []


@pytest.mark.parametrize(("text", "expected"), STILL_PAIN)
def test_a_problem_in_the_same_words_stays(text: str, expected: list[str]) -> None:
    assert _pains(text) == expected
