"""Third parties of a multi-party project meeting (project_parties.py), invented examples: a
contractor or consultant listed as "Name (Job, Company)" or "Job: Company (Name)" owns its steps by
its company's name; the client's, the minutes writer's and "us" stay sides."""

from __future__ import annotations

from datetime import date

import pytest

from extractors.rules.project_parties import project_third_party
from tests.extractors.test_rules_action_items import steps_of  # occurred Tue 2026-04-14

PRESENT = ("Minutes: R. Okafor (Okafor Lane, architect)\n"
           "Present: T. Greer (Client PM, Elmstead Homes), R. Okafor (Architect, Okafor Lane), "
           "D. Varga (Contractor, Hollin Build), M. Sato (Structural, Pell Ashby)\n")
COORD = ("Attendees: Owner's rep: B. Nunez (Kestrel Care). GC: Tarn Construction (L. Ortiz). "
         "Electrical: Volt Rowe Electric (S. Pike). Controls: Quay Systems (us: A. Hale).\n")


@pytest.mark.parametrize(("who", "text", "expected"), [
    pytest.param("D. Varga", PRESENT, "Hollin Build", id="person-job-company"),
    pytest.param("Varga", PRESENT, "Hollin Build", id="surname-alone"),
    pytest.param("M. Sato", PRESENT, "Pell Ashby", id="structural-consultant"),
    pytest.param("Hollin", PRESENT, "Hollin Build", id="company-first-word"),
    pytest.param("Tarn", COORD, "Tarn Construction", id="job-company-person"),
    pytest.param("S. Pike", COORD, "Volt Rowe Electric", id="electrical-sub"),
    # must not fire: the client, the writer, us, and a contractor where no client is named
    pytest.param("T. Greer", PRESENT, None, id="client-is-a-side"),
    pytest.param("R. Okafor", PRESENT, None, id="the-writer-is-a-side"),
    pytest.param("A. Hale", COORD, None, id="us-is-a-side"),
    pytest.param("D. Varga", "Present: D. Varga (Contractor, Hollin Build), Jo Bright (Sales, Quay)\n", None,
                 id="no-client-no-project"),
])
def test_a_projects_contractors_are_third_parties(who, text, expected):
    assert project_third_party(who, text) == expected


def test_minutes_steps_of_a_contractor_are_owned_by_its_company():
    text = PRESENT + ("\nActions\n| Ref | Action | Owner | Due |\n|---|---|---|---|\n"
                      "| 7.1 | Issue the revised site programme | D. Varga (Hollin) | 24 April |\n"
                      "| 7.2 | Issue the signed variation for the loft change | T. Greer (Elmstead) | Friday |\n")
    assert steps_of(text) == [("issue the revised site programme", "Hollin Build", date(2026, 4, 24)),
                              ("issue the signed variation for the loft change", "customer", date(2026, 4, 17))]
