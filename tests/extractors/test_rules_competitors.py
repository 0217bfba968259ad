"""Competitors against integrations: a tool connected to is not a competitor in play."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from assistant.errors import ConfigError
from assistant.ingest.common import assemble_text
from assistant.models import Segment, Source, Touchpoint
from evals.harness import predictions
from extractors.base import CompetitorCatalog, ExtractionContext
from extractors.catalog import load_catalog
from extractors.rules import RulesExtractor

CST = timezone(timedelta(hours=8))


def mentions(text: str, catalog: CompetitorCatalog | None = None) -> dict[str, str]:
    joined, segments = assemble_text([Segment(speaker="C", role="customer", text=text)])
    tp = Touchpoint(id="tp", tenant_id="t", channel="call", occurred_at=datetime(2026, 3, 2, tzinfo=CST),
                    source=Source(uri="mem://", sha256="0" * 64, media_type="text/plain"),
                    segments=segments, text=joined)
    insights = RulesExtractor().extract(tp, ExtractionContext(catalog=catalog or load_catalog(None)))
    return {c.name: c.stance for c in insights.competitors}


INTEGRATIONS = [
    pytest.param("Does it connect to Zendesk?", "Zendesk", id="en-connect-to"),
    pytest.param("hey quick q - do u guys integrate w/ sfdc?", "Salesforce", id="en-integrate-w"),
    pytest.param("We need two-way sync with HubSpot.", "HubSpot", id="en-sync-with"),
    pytest.param("能和用友的财务模块对接吗？", "用友", id="zh-duijie"),
    pytest.param("审批流程都在企业微信里走。", "企业微信", id="zh-tool-in-use"),
    pytest.param("我们的呼叫中心用的是Udesk，希望能打通。", "Udesk", id="zh-using-then-connect"),
    pytest.param("下周二下午可以，我用飞书发你会议链接。", "飞书", id="zh-channel"),
    pytest.param("Yes, there's an Intercom app in our marketplace.", "Intercom", id="en-app-in"),
    pytest.param("我们在线客服用的是美洽，会话记录要手动复制过来。希望能打通，自动同步。", "美洽",
                 id="zh-using-then-connect-next-sentence"),
    pytest.param("We run Zendesk for support. Can you sync tickets both ways?", "Zendesk",
                 id="en-using-then-sync-next-sentence"),
    pytest.param("【企业微信 · 客户服务群】", "企业微信", id="zh-both-as-service-group"),
]


@pytest.mark.parametrize(("text", "name"), INTEGRATIONS)
def test_integration_mentions_get_the_integration_stance(text, name):
    assert mentions(text).get(name) == "integration"


COMPETITORS = [
    pytest.param("We're evaluating HubSpot and it integrates with everything.", "HubSpot",
                 "evaluating", id="en-evaluating-beats-integration-cue"),
    pytest.param("Fine, but if the API goes away we'll move to Zoho.", "Zoho", "evaluating",
                 id="en-threat-to-move"),
    pytest.param("Also, Close CRM has a native Slack integration, so why not yours?", "Close",
                 "comparing", id="en-competitor-feature"),
    pytest.param("我们已经在用企业微信做客户管理了，暂时不考虑换。", "企业微信", "using",
                 id="zh-both-used-as-crm"),
    pytest.param("之前用Zoho的时候也有这个问题。", "Zoho", "switching_from", id="zh-used-before"),
    pytest.param("从纷享销客导出的客户数据导入失败。", "纷享销客", "switching_from",
                 id="zh-migrating-from"),
    # a channel word near a pure competitor is a feature or a partner, not a tool kept alongside us
    pytest.param("你们的功能确实比销售易全，尤其是拜访打卡和审批这两块。", "销售易", "comparing",
                 id="zh-compared-beside-feature-words"),
    pytest.param("Most 3PLs we work with were running Salesforce for the sales side.", "Salesforce",
                 "mentioned", id="en-partners-we-work-with"),
    # the follow-up is about integrating with something else named there, or is negated use
    pytest.param("We use HubSpot today. Does it connect to Zendesk?", "HubSpot", "using",
                 id="en-next-sentence-names-its-own-target"),
]


@pytest.mark.parametrize(("text", "name", "stance"), COMPETITORS)
def test_competitive_mentions_keep_their_stance(text, name, stance):
    assert mentions(text).get(name) == stance


def test_a_tool_in_the_catalog_is_never_a_competitor(tmp_path: Path):
    path = tmp_path / "catalog.yaml"
    path.write_text("Acme CRM: [Acme CRM, 阿克米]\n"
                    "Slack: {kind: tool, aliases: [Slack]}\n"
                    "钉钉: {kind: both, aliases: [钉钉, DingTalk]}\n", encoding="utf-8")
    catalog = load_catalog(path)
    assert catalog.kind("Slack") == "tool" and catalog.kind("Acme CRM") == "competitor"
    assert mentions("We're switching from Slack to Teams and comparing Acme CRM.", catalog) == {
        "Slack": "integration", "Acme CRM": "comparing"}
    assert mentions("我们现在所有沟通都在钉钉上。", catalog) == {"钉钉": "integration"}


def test_an_unknown_kind_names_the_catalog_and_the_choices(tmp_path: Path):
    path = tmp_path / "catalog.yaml"
    path.write_text("Slack: {kind: partner, aliases: [Slack]}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="partner.*competitor, tool, both"):
        load_catalog(path)


def test_the_eval_counts_only_competitors_in_play():
    joined, segments = assemble_text([Segment(speaker="C", role="customer",
                                              text="We use Pipedrive. Does it sync with Zendesk?")])
    tp = Touchpoint(id="tp", tenant_id="t", channel="call", occurred_at=datetime(2026, 3, 2, tzinfo=CST),
                    source=Source(uri="mem://", sha256="0" * 64, media_type="text/plain"),
                    segments=segments, text=joined)
    insights = RulesExtractor().extract(tp, ExtractionContext(catalog=load_catalog(None)))
    assert {c.name for c in insights.competitors} == {"Pipedrive", "Zendesk"}
    assert predictions(insights)["competitors"] == ["Pipedrive"]
