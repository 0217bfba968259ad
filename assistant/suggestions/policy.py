"""Per-tenant suggestion policy: which rules run, their thresholds and priority, value weights
and timing constraints, read from one YAML file.

The file has a `default:` block for every tenant and a `tenants:` block whose entries override
it key by key (a tenant lists only what differs)::

    default:
      rules:
        pricing_page_views: {min_views: 3, within_days: 7, priority: 0.7}
      timing: {working_hours: [9, 18], max_touches_per_week: 3}
    tenants:
      demo:
        rules: {deal_stalled: {after_days: 5}}
        do_not_contact: [tom@cobalthealth.com]

Unknown keys are errors (a typo must not silently turn a rule back to its default).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from assistant.errors import ConfigError


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class RuleSettings(_Strict):
    enabled: bool = True
    priority: float = Field(default=0.5, ge=0, le=1)  # the score's urgency component


class InquiryRule(RuleSettings):
    priority: float = 1.0
    after_minutes: float = 5
    max_age_hours: float = 72  # older unanswered inquiries are the stalled-deal rule's job
    channels: list[str] = Field(default_factory=lambda: ["chat", "web"])
    event_kinds: list[str] = Field(default_factory=lambda: ["inquiry", "contact_form_submitted"])


class TicketRule(RuleSettings):
    priority: float = 0.9
    after_hours: float = 2
    max_age_days: float = 14  # tickets opened before this are left to the service queues
    closed_statuses: list[str] = Field(default_factory=lambda: ["solved", "closed", "resolved"])


class TrialRule(RuleSettings):
    priority: float = 0.6
    day: int = 14
    grace_days: int = 3  # still shown this many days after the day itself
    event_kind: str = "trial_started"


class PricingRule(RuleSettings):
    priority: float = 0.7
    min_views: int = 3
    within_days: float = 7
    url_contains: list[str] = Field(default_factory=lambda: ["/pricing", "/price", "定价", "价格"])


class StalledRule(RuleSettings):
    priority: float = 0.6
    after_days: float = 7
    open_stages: list[str] = Field(default_factory=lambda: [
        "lead", "discovery", "qualification", "evaluation", "trial", "proposal", "negotiation"])


class RepeatedIssueRule(RuleSettings):
    priority: float = 0.8
    min_touchpoints: int = 3
    within_days: float = 30
    similarity: float = Field(default=70, ge=0, le=100)  # rapidfuzz score to call two the same


class SentimentRule(RuleSettings):
    priority: float = 0.9
    recover_within_hours: float = 24
    lookback_days: float = 7
    max_score: float = -0.2  # a customer score at or below this counts as negative


class CompetitorRule(RuleSettings):
    priority: float = 0.7
    lookback_days: float = 30
    stances: list[str] = Field(default_factory=lambda: ["evaluating", "comparing",
                                                        "switching_from"])


class NextStepRule(RuleSettings):
    priority: float = 0.8
    due_within_days: int = 1  # due today or tomorrow, or overdue
    lookback_days: float = 30  # older promises are the stalled-deal rule's job


class CustomerStepRule(RuleSettings):
    priority: float = 0.5
    overdue_days: int = 1
    lookback_days: float = 30


class Rules(_Strict):
    inquiry_unanswered: InquiryRule = Field(default_factory=InquiryRule)
    ticket_unassigned: TicketRule = Field(default_factory=TicketRule)
    trial_day: TrialRule = Field(default_factory=TrialRule)
    pricing_page_views: PricingRule = Field(default_factory=PricingRule)
    deal_stalled: StalledRule = Field(default_factory=StalledRule)
    repeated_issue: RepeatedIssueRule = Field(default_factory=RepeatedIssueRule)
    negative_sentiment: SentimentRule = Field(default_factory=SentimentRule)
    competitor_evaluating: CompetitorRule = Field(default_factory=CompetitorRule)
    next_step_due: NextStepRule = Field(default_factory=NextStepRule)
    customer_step_overdue: CustomerStepRule = Field(default_factory=CustomerStepRule)


class ValuePolicy(_Strict):
    weights: dict[str, float] = Field(default_factory=lambda: {
        "expected_value": 0.30, "intent": 0.20, "engagement": 0.10, "churn_risk": 0.15,
        "urgency": 0.25})
    stage_probability: dict[str, float] = Field(default_factory=lambda: {
        "lead": 0.05, "discovery": 0.15, "qualification": 0.2, "evaluation": 0.3, "trial": 0.35,
        "proposal": 0.5, "negotiation": 0.7, "customer": 0.9, "closed_won": 0.9,
        "closed_lost": 0.0})
    intent_event_kinds: list[str] = Field(default_factory=lambda: [
        "page_viewed", "trial_started", "form_submitted", "demo_requested", "inquiry"])


class TimingPolicy(_Strict):
    working_hours: tuple[int, int] = (9, 18)  # local [start, end) hours
    working_days: list[int] = Field(default_factory=lambda: [0, 1, 2, 3, 4])  # Monday = 0
    respect_holidays: bool = True
    country: str | None = None  # holidays when neither phone nor domain says (ISO 3166)
    window_hours: int = 2
    horizon_days: int = 5
    top_windows: int = 3
    day_discount: float = 0.05  # prefer sooner windows: score x (1 - discount) per day ahead
    max_touches_per_week: int = 3
    quiet_hours_after_negative: float = 48
    time_critical_minutes: int = 30  # the "right now" window of a time-critical suggestion
    contact_prior_strength: float = 8  # pseudo-observations pulling a contact to its account
    account_prior_strength: float = 16  # ... an account to the tenant
    tenant_prior_strength: float = 48  # ... the tenant to the global prior
    base_hourly_reply_rate: float = 0.12  # chance of a reply in an average hour of the week
    reply_within_hours: float = 72  # an inbound this soon after an outbound is its reply
    response_event_kinds: list[str] = Field(default_factory=lambda: [
        "email_opened", "email_replied", "call_returned", "meeting_booked"])


class SuggestionPolicy(_Strict):
    rules: Rules = Field(default_factory=Rules)
    value: ValuePolicy = Field(default_factory=ValuePolicy)
    timing: TimingPolicy = Field(default_factory=TimingPolicy)
    do_not_contact: list[str] = Field(default_factory=list)  # contact ids or email addresses
    lookback_days: float = 30  # insights older than this are not read by the rules
    max_suggestions_per_account: int = 5
    max_per_rule_per_account: int = 2


def _merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def load_policy(path: Path | None, *, tenant_id: str) -> SuggestionPolicy:
    """The tenant's policy from the file (defaults when `path` is None); ConfigError names the
    file and the bad key."""
    if path is None:
        return SuggestionPolicy()
    try:
        loaded = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError, UnicodeDecodeError) as exc:
        raise ConfigError(f"suggestions file {path}: cannot be read as YAML ({exc}); fix it or "
                          "unset TOUCHPOINT_SUGGESTIONS_FILE") from exc
    if not isinstance(loaded, dict) or set(loaded) - {"default", "tenants"}:
        raise ConfigError(f"suggestions file {path}: the top level must hold only `default:` and "
                          "`tenants:` mappings")
    tenants = loaded.get("tenants") or {}
    if not isinstance(tenants, dict):
        raise ConfigError(f"suggestions file {path}: `tenants:` must map tenant ids to settings")
    merged = _merge(loaded.get("default") or {}, tenants.get(tenant_id) or {})
    try:
        return SuggestionPolicy.model_validate(merged)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}"
                             for e in exc.errors())
        raise ConfigError(f"suggestions file {path} (tenant {tenant_id!r}): {problems}") from exc
