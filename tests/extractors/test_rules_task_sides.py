"""Whose task an action item in notes is when the notes place its owner on no side: by the task's
own words, by who wrote the notes, by a company heading its people with a dash."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from assistant.models import Source, Touchpoint
from extractors.base import CompetitorCatalog, ExtractionContext
from extractors.rules import RulesExtractor
from extractors.rules.task_sides import side_of_task


def owners_of(text: str) -> list[tuple[str, str]]:
    tp = Touchpoint(id="tp", tenant_id="t", channel="meeting", direction="inbound",
                    occurred_at=datetime(2026, 5, 6, tzinfo=UTC), text=text,
                    source=Source(uri="mem://", sha256="0" * 64, media_type="text/plain"))
    insights = RulesExtractor().extract(tp, ExtractionContext(catalog=CompetitorCatalog()))
    return [(n.action, n.owner) for n in insights.next_steps]


@pytest.mark.parametrize(("task", "side"), [
    ("send the revised licence quote for the two warehouses", "rep"),
    ("run a refresher training session for the night shift", "rep"),
    ("look into the label printer timeouts and report back", "rep"),
    ("will share the Q3 roadmap for the mobile scanner", "rep"),
    ("confirm which depots go first", "customer"),
    ("get finance to sign off the extra seats", "customer"),
    ("send the scanner error logs from last week", "customer"),
    ("provide SSO metadata for the new tenant", "customer"),
    ("export the route history as CSV", "customer"),
    # says nothing of a side, or both as much: the caller's default stands
    ("catch up after the holidays", None),
    ("publish the tender notice", None),
    ("send the quote once the logs are in", None),
], ids=lambda v: v if isinstance(v, str) else None)
def test_a_task_says_its_side_by_what_it_is(task, side):
    assert side_of_task(task) == side


UNPLACED = ("Minutes - Tallow Bakeries / Crumbly POS rollout review\n"
            "Present: Noor Ahmed (Ops Director), Felix Gray, Ida Moss\n\n"
            "- Noor: tills at two shops still freeze at lunch peaks.\n"
            "- Felix showed the offline mode.\n\n"
            "Actions\n"
            "- Felix: send the revised quote for the three new shops by Friday\n"
            "- Noor: confirm which shops go live first\n"
            "- Ida: schedule till training for the counter staff\n"
            "- Noor: catch up with Ida next month\n")
WRITER = ("Escalation review - Harrow Freight / Dockside Telematics\n"
          "Minutes taken by: Paula Reyes, Dockside Partner Team\n\n"
          "Harrow: Jon Pike (MD), Cleo Fox (Support Lead)\n"
          "Dockside: Paula Reyes, Tim Wade (Field Service)\n\n"
          "- Jon: trackers drop offline on the coast road.\n\n"
          "Actions\n"
          "- Tim: swap the antennas on the six coastal trucks by Friday\n"
          "- Cleo: send the list of affected vehicle IDs\n")
WRITTEN_BY_THE_CUSTOMER = ("Library board - eReader pilot\n"
                           "Minutes taken by Ada Lim\n"
                           "Attendees: Ada Lim (Branch Manager), Rob Tan (Treasurer), "
                           "Zoe Hart (Pagewise, Account Executive)\n\n"
                           "Actions\n- Zoe: send the renewal options by Friday\n"
                           "- Rob: circulate the budget paper to the board\n")
DASHED = ("Workshop notes - Greyfield Dairy x Milkrun CRM\n"
          "Attendees: Greyfield - Ona Bell (Sales Director), Max Roe (Logistics); "
          "Milkrun - Eve Park (AE), Leo Hunt (Solutions)\n\n"
          "Actions\n- Leo: demo route planning with Greyfield's depots - next session\n"
          "- Max: send sample delivery manifests by Friday\n")


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param(UNPLACED, [("send the revised quote for the three new shops", "rep"),
                            ("confirm which shops go live first", "customer"),
                            ("schedule till training for the counter staff", "rep"),
                            ("catch up with Ida", "customer")],
                 id="unplaced-names-by-their-tasks"),
    pytest.param(WRITER, [("swap the antennas on the six coastal trucks", "rep"),
                          ("send the list of affected vehicle IDs", "customer")],
                 id="the-minutes-writers-company-is-the-vendor"),
    pytest.param(WRITTEN_BY_THE_CUSTOMER, [("send the renewal options", "rep"),
                                           ("circulate the budget paper to the board", "customer")],
                 id="a-sellers-job-outweighs-who-wrote-the-minutes"),
    pytest.param(DASHED, [("demo route planning with Greyfield's depots - next session", "rep"),
                          ("send sample delivery manifests", "customer")],
                 id="a-company-heads-its-people-with-a-dash"),
])
def test_an_action_item_goes_to_the_side_the_notes_show(text, expected):
    assert owners_of(text) == expected
