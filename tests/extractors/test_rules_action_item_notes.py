"""Action items as notes apps write them (extractors/rules/action_items.py): check boxes as bullets
("☐ Devon: send revised pricing by Monday") and, under an action heading, what a named person does
said in the present ("- Noor sets up a trial workspace tomorrow"), the step in the verb's plain form.
A verb of wanting, thinking or having reports and assigns nothing ("- Gareth wants the depots on it")."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from assistant.models import Source, Touchpoint
from extractors.base import ExtractionContext
from extractors.rules import RulesExtractor

HEAD = ("Harbor Glass x Tillwork, weekly review\n"
        "Attendees: Rosa Lind (Harbor Glass, Ops Dir), Kai Berg (Tillwork, AE), Omar Haddad (Harbor Glass, IT)\n")


def steps(body: str) -> list[tuple[str, str, str | None]]:
    text = HEAD + body
    touchpoint = Touchpoint(id="tp", tenant_id="t", channel="meeting",
                            occurred_at=datetime(2026, 3, 2, 10, tzinfo=UTC), text=text,
                            source=Source(uri="mem://", sha256="0" * 64, media_type="text/plain"))
    insights = RulesExtractor().extract(touchpoint, ExtractionContext())
    return [(s.action, s.owner, s.due.isoformat() if s.due else None) for s in insights.next_steps]


@pytest.mark.parametrize(("body", "expected"), [
    pytest.param("Action items\n☐ Kai: send revised pricing by Monday\n☐ Omar: share the firewall rules\n",
                 [("send revised pricing", "rep", "2026-03-09"), ("share the firewall rules", "customer", None)],
                 id="check-box-items"),
    pytest.param("Next steps\n- Kai sets up a trial workspace tomorrow.\n- Omar sends the sample exports by Friday.\n",
                 [("set up a trial workspace", "rep", "2026-03-03"),
                  ("send the sample exports", "customer", "2026-03-06")], id="present-tense-named-items"),
    pytest.param("Next steps\n- Rosa finishes the site survey by Friday.\n- Kai copies the invoice history over.\n",
                 [("finish the site survey", "customer", "2026-03-06"),
                  ("copy the invoice history over", "rep", None)], id="plain-forms-es-and-ies"),
    pytest.param("Next steps\n- Rosa wants the second depot on it before winter.\n- Omar has the rules already.\n",
                 [], id="reports-are-no-steps"),
    pytest.param("Notes\n- Kai sends invoices every month from the old system.\n", [],
                 id="no-action-heading-no-step"),
])
def test_items_as_notes_apps_write_them(body: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert steps(body) == expected
