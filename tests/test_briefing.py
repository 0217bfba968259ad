"""Pre-call briefings on the bundled sample data, at a fixed time."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from assistant.briefing import Briefing, build_briefing
from assistant.briefing.markdown import render_briefing
from assistant.errors import NotFoundError
from assistant.models import Account
from assistant.storage import repository
from tests.sample_store import SampleStore, ingest_samples

AT = datetime(2026, 3, 12, 9, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SampleStore]:
    store = ingest_samples(tmp_path_factory.mktemp("sample"))
    yield store
    store.db.close()


def brief(sample: SampleStore, **kwargs: object) -> Briefing:
    return build_briefing(sample.db, tenant_id=sample.tenant_id, now=AT,  # type: ignore[arg-type]
                          retrieval=sample.retrieval, **kwargs)


def assert_every_line_cites_real_quotes(sample: SampleStore, briefing: Briefing) -> None:
    account_touchpoints = set()
    with sample.db.session() as session:
        for line in briefing.lines():
            assert line.citations, line.text
            for c in line.citations:
                tp = repository.get_touchpoint(session, tenant_id=sample.tenant_id,
                                               touchpoint_id=c.touchpoint_id)
                account_touchpoints.add(tp.account_id)
                if c.start is None:
                    assert c.source_field
                else:
                    assert tp.text[c.start:c.end] == c.quote
    assert account_touchpoints == {briefing.account.id}


def test_an_english_account_briefing_covers_every_section_with_cited_lines(
        sample: SampleStore) -> None:
    briefing = brief(sample, account_id="Northwind Logistics", agenda="renewal pricing")
    assert briefing.account.id == "northwind" and briefing.language == "en"
    assert {"Dana Reyes", "Marcus Lee"} <= {line.text.split(" — ")[0] for line in briefing.who}
    assert len(briefing.timeline) >= 8
    overdue = [line for line in briefing.next_steps if line.kind == "overdue"]
    assert any("revised quote" in line.text for line in overdue)
    assert any(line.text.startswith("HubSpot: comparing") for line in briefing.competitors)
    assert briefing.sentiment and briefing.snippets and briefing.talking_points
    assert any("budget" in line.text or "price" in line.text for line in briefing.snippets
               + briefing.talking_points)
    assert briefing.risks
    assert_every_line_cites_real_quotes(sample, briefing)
    markdown = render_briefing(briefing)
    assert markdown.startswith("# Pre-call briefing: Northwind Logistics")
    assert "## Open and overdue next steps" in markdown


def test_a_chinese_account_briefing_reads_in_chinese_and_shows_its_open_ticket(
        sample: SampleStore) -> None:
    briefing = brief(sample, account_id="huachen-mfg.cn", agenda="私有化部署 价格")
    assert briefing.language == "zh"
    markdown = render_briefing(briefing)
    assert "# 通话前简报：华辰制造" in markdown and "## 竞品情况" in markdown
    assert any("5102" in line.text and "assignment met" in line.text for line in briefing.tickets)
    assert any("销售易" in line.text for line in briefing.competitors)
    assert_every_line_cites_real_quotes(sample, briefing)


def test_a_contact_briefing_keeps_to_that_contacts_touchpoints(sample: SampleStore) -> None:
    briefing = brief(sample, contact_id="marcus@northwind-logistics.com", agenda="security")
    assert briefing.contact is not None and briefing.contact.name == "Marcus Lee"
    with sample.db.session() as session:
        for line in briefing.timeline + briefing.snippets:
            tp = repository.get_touchpoint(session, tenant_id=sample.tenant_id,
                                           touchpoint_id=line.citations[0].touchpoint_id)
            assert briefing.contact.id in tp.contact_ids


def test_an_unknown_account_lists_the_closest_names(sample: SampleStore) -> None:
    with pytest.raises(NotFoundError, match="closest: Northwind Logistics"):
        brief(sample, account_id="Northwnd")


def test_an_account_with_no_history_gets_a_briefing_that_says_so(sample: SampleStore) -> None:
    with sample.db.session() as session:
        repository.upsert_account(session, Account(id="fresh", tenant_id=sample.tenant_id,
                                                   name="Fresh Prospect Ltd"))
    briefing = brief(sample, account_id="fresh")
    assert briefing.touchpoints == 0 and not briefing.lines()
    assert "No touchpoints recorded" in render_briefing(briefing)


@pytest.fixture
def llm() -> Iterator[object]:
    from tests.fake_openai_server import FakeOpenAIServer

    server = FakeOpenAIServer().start()
    yield server
    server.stop()


def client_for(server: object) -> object:
    from extractors.llm.client import ClientOptions, LLMClient

    return LLMClient(ClientOptions(base_url=server.base_url, model="fake",  # type: ignore[attr-defined]
                                   max_retries=0, json_mode=False, timeout_s=5))


def test_a_narrative_whose_every_sentence_cites_a_fact_is_kept_with_those_citations(
        sample: SampleStore, llm: object) -> None:
    from assistant.briefing.narrative import add_narrative
    from tests.fake_openai_server import reply

    llm.script(reply("Northwind is negotiating and price is the open issue [2]. "  # type: ignore[attr-defined]
                     "HubSpot came in cheaper [1][3]."))
    briefing = add_narrative(brief(sample, account_id="northwind"), client_for(llm))
    facts = [line for line in briefing.lines() if line.kind != "contact"]
    assert [line.text for line in briefing.narrative] == [
        "Northwind is negotiating and price is the open issue.", "HubSpot came in cheaper."]
    assert briefing.narrative[1].citations == facts[0].citations + facts[2].citations
    assert "[1] " in llm.requests[0]["messages"][1]["content"]  # type: ignore[attr-defined]
    assert briefing.warnings == []


@pytest.mark.parametrize("answer", [
    "Northwind is close to signing [1]. They love us.",
    "Northwind is close to signing [999].",
], ids=["a sentence without a fact", "a fact that does not exist"])
def test_a_narrative_with_an_uncited_sentence_is_dropped_with_a_warning(
        sample: SampleStore, llm: object, answer: str) -> None:
    from assistant.briefing.narrative import add_narrative
    from tests.fake_openai_server import reply

    llm.script(reply(answer))  # type: ignore[attr-defined]
    briefing = add_narrative(brief(sample, account_id="northwind"), client_for(llm))
    assert briefing.narrative == []
    assert briefing.warnings and briefing.warnings[0].startswith("narrative dropped")


def test_an_unreachable_llm_leaves_the_briefing_without_a_narrative(
        sample: SampleStore, llm: object) -> None:
    from assistant.briefing.narrative import add_narrative
    from tests.fake_openai_server import failure

    llm.script(failure(500))  # type: ignore[attr-defined]
    briefing = add_narrative(brief(sample, account_id="northwind"), client_for(llm))
    assert briefing.narrative == [] and briefing.who
    assert briefing.warnings[0].startswith("narrative skipped")
