"""Which side a person or company named in notes and recap emails is on, and so whose task it is."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from assistant.models import Source, Touchpoint
from extractors.base import CompetitorCatalog, ExtractionContext
from extractors.rules import RulesExtractor
from extractors.rules.parties import party_side


def steps_of(text: str, channel: str = "meeting", direction: str = "inbound"
             ) -> list[tuple[str, str, date | None]]:
    tp = Touchpoint(id="tp", tenant_id="t", channel=channel, direction=direction,  # type: ignore[arg-type]
                    occurred_at=datetime(2026, 4, 14, tzinfo=UTC), text=text,
                    source=Source(uri="mem://", sha256="0" * 64, media_type="text/plain"))
    insights = RulesExtractor().extract(tp, ExtractionContext(catalog=CompetitorCatalog()))
    return [(n.action, n.owner, n.due) for n in insights.next_steps]


RECAP = ("Hi Ola, hi all,\n\nThanks for today. Minutes below.\n\n"
         "Attendees: Ola Berg, Nils Dahl (Fjordline Ferries); Maya Cole, Raj Iyer (Tidewell)\n\n"
         "Action items\n- Tidewell (Raj): set up the sandbox tenant - by Friday\n"
         "- Fjordline (Nils): send 3 months of booking exports - by April 24\n\n"
         "Best,\nMaya Cole\nImplementation Lead, Tidewell\n")
NOTES = ("Kickoff recap - Larkspur Dental x Chartbloom\n\nNotes\n"
         "- Larkspur is replacing paper recall cards for 6 clinics.\n"
         "- Chartbloom walked through the rollout plan.\n- Ivy (Larkspur IT) confirmed SSO via Entra.\n\n"
         "Follow-up tasks\n- Ivy to send the Entra metadata - Monday\n"
         "- Chartbloom (Omar) to import the patient list once Ivy sends it\n"
         "- Omar to schedule staff training for May\n")
ATTENDEES = ("MEETING NOTES - Pinecrest Foods\nAttendees: Lea Wu (COO), Tom Hart (AE, us), Ana Ruiz (SE, us)\n\n"
             "Action items\n- Ana: connector architecture doc to Lea - by Thursday\n"
             "- Lea: decide on the budget owner - TBD\n")
NAMED = ("Weekly sync - Orchid Health x Voxly (transcription pilot). Notes by Kim (Voxly).\n\n"
         "- Sue (Orchid, Ops) said accuracy is still poor on night-shift calls.\n"
         "- Kim will send the pilot usage report by Wednesday.\n")


@pytest.mark.parametrize(("text", "channel", "direction", "expected"), [
    pytest.param(RECAP, "email", "outbound",
                 [("set up the sandbox tenant", "rep", date(2026, 4, 17)),
                  ("send 3 months of booking exports", "customer", date(2026, 4, 24))],
                 id="company-items-in-a-vendors-recap"),
    pytest.param(NOTES, "meeting", "inbound",
                 [("send the Entra metadata", "customer", date(2026, 4, 20)),
                  ("import the patient list once Ivy sends it", "rep", None),
                  ("schedule staff training for May", "rep", None)],
                 id="minutes-where-the-vendor-walks-through"),
    pytest.param(ATTENDEES, "meeting", "inbound",
                 [("connector architecture doc to Lea", "rep", date(2026, 4, 16)),
                  ("decide on the budget owner", "customer", None)], id="attendees-marked-us"),
    pytest.param(NAMED, "meeting", "inbound",
                 [("send the pilot usage report", "rep", date(2026, 4, 15))], id="a-named-promise-in-notes"),
])
def test_a_task_goes_to_the_side_its_person_or_company_is_on(text, channel, direction, expected):
    assert steps_of(text, channel, direction) == expected


TABLE = ("QBR - Alder Tools / Stockly\nPresent: Ana Ruiz (Alder, Ops Lead), Ben Ko (Stockly, Support)\n\n"
         "Actions\n| Owner | Action | Due |\n|---|---|---|\n"
         "| Ben | Reproduce the sync bug (approx. 3 orders) and report back | Tue 21 Apr |\n"
         "| Ana | Send the list of affected orders | tomorrow |\n| Ana | Intro Ben to the finance lead | - |\n")


def test_an_action_table_gives_each_row_its_owner_and_due():
    assert steps_of(TABLE) == [
        ("reproduce the sync bug and report back", "rep", date(2026, 4, 21)),
        ("send the list of affected orders", "customer", date(2026, 4, 15)),
        ("intro Ben to the finance lead", "customer", None)]


def test_two_companies_and_nothing_that_tells_them_apart_give_no_side():
    text = "Attendees: Ola (Fjordline), Maya (Tidewell)\n- Maya to send the plan\n"
    assert party_side("Maya", text, "inbound", "meeting") is None
