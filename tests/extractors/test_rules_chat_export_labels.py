"""Speaker labels as chat and ticket tools export them (extractors/rules/sentences.py `_LABEL`).

Teams prefixes each message with its weekday and time ("[Mon 8:14 AM] Name (Company): …"); a ticket
thread puts the time first and its writer alone on the line ("[12 Mar 09:10] Omar Haddad" and the
message below); WeChat's copied history glues the time to the sender's tag ("李强（海川）09:03");
Slack Connect shows a company in square brackets ("Mia Ross [Tillwork]  9:02 AM") and writes emoji
as codes (":wave:"), whose colons are no speaker's. Each case lists (speaker, side) of the
sentences in order, a run of one writer's sentences once.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from assistant.models import Source, Touchpoint
from extractors.rules.sentences import split_sentences


def sides(channel: str, text: str) -> list[tuple[str | None, str]]:
    zh = any("\u4e00" <= ch <= "\u9fff" for ch in text)
    touchpoint = Touchpoint(id="tp", tenant_id="t", channel=channel, language="zh" if zh else "en",
                            occurred_at=datetime(2026, 3, 2, tzinfo=UTC), text=text,
                            source=Source(uri="mem://", sha256="0" * 64, media_type="text/plain"))
    return [(s.speaker, "rep" if s.role == "agent" else s.role) for s in split_sentences(touchpoint)]


ROSA, KAI = "Rosa Lind (Harbor Glass)", "Kai Berg (Tillwork)"
CASES = [
    pytest.param("chat", f"[Mon 8:14 AM] {ROSA}: The sync failed again overnight.\n"
                         f"[Mon 8:20 AM] {KAI}: Sorry Rosa, I'll check the logs and call you by noon.\n"
                         f"[Mon 8:21 AM] {ROSA}: ok thanks",
                 [(ROSA, "customer"), (KAI, "rep"), (ROSA, "customer")], id="teams-weekday-time"),
    pytest.param("ticket", "TICKET 5521\n\n[12 Mar 09:10] Omar Haddad\nThe label printer drops every third job.\n\n"
                           "[12 Mar 10:02] Tillwork Support\nThanks Omar, we will ship a fix by Friday.\n\n"
                           "[12 Mar 10:30] Omar Haddad\nFine.",
                 [(None, "unknown"), ("Omar Haddad", "customer"), ("Tillwork Support", "rep"),
                  ("Omar Haddad", "customer")], id="ticket-time-then-writer"),
    pytest.param("chat", "李强（海川）09:03\n打印机又掉线了，门店一直在等\n周婷（云票）09:05\n李总收到，技术在查，十点前给您答复\n"
                         "李强（海川）09:20\n好",
                 [("李强（海川）", "customer"), ("周婷（云票）", "rep"), ("李强（海川）", "customer")],
                 id="wechat-copy-time-after-tag"),
    pytest.param("chat", "Mia Ross [Tillwork]  9:02 AM\nThe import worked :white_check_mark: 40 rows.\n"
                         "Omar Haddad  9:15 AM\ncan you add Priti to this channel?\nMia Ross [Tillwork]  9:16 AM\n"
                         "Done :+1:\nPriti Shah  9:40 AM\nhi both :wave: I'd like to see the export on a real store.",
                 [("Mia Ross (Tillwork)", "rep"), ("Omar Haddad", "customer"), ("Mia Ross (Tillwork)", "rep"),
                  ("Priti Shah", "customer")], id="slack-square-tag-and-emoji-codes"),
    pytest.param("ticket", "[Tue 14:05] Customer (Ana): The invoice shows 40 seats, we have 32.\n"
                           "[Tue 15:10] Agent (Leo): Corrected, a credit note will follow by Friday.",
                 [("Customer (Ana)", "customer"), ("Agent (Leo)", "rep")], id="ticket-weekday-time-role-label"),
]


@pytest.mark.parametrize(("channel", "text", "expected"), CASES)
def test_exported_labels_give_each_message_its_writer(channel: str, text: str,
                                                      expected: list[tuple[str | None, str]]) -> None:
    found = sides(channel, text)
    assert [pair for k, pair in enumerate(found) if k == 0 or pair != found[k - 1]] == expected


def test_a_timed_log_line_is_no_writer() -> None:
    """"[10:32] The export failed again" holds the message itself: no name stands alone there."""
    found = sides("ticket", "[10:32] The export failed again, please check.\n[10:40] Still failing after a retry.")
    assert all(speaker is None or "export" not in speaker for speaker, _ in found)
