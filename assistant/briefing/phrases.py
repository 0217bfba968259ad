"""Headings and generated phrases of briefings and ticket summaries, in English and Chinese.

Quotes stay in the language they were said in; only what we write is translated.
"""

from __future__ import annotations

PHRASES: dict[str, dict[str, str]] = {
    "en": {
        "title": "Pre-call briefing: {name}",
        "agenda": "Agenda: {agenda}",
        "who": "Who they are",
        "timeline": "Recent timeline",
        "next_steps": "Open and overdue next steps",
        "competitors": "Competitors in play",
        "sentiment": "Sentiment trend",
        "tickets": "Open tickets",
        "snippets": "Most relevant to the agenda",
        "talking_points": "Talking points",
        "risks": "Risks",
        "notes": "Notes",
        "account": "{name} — stage {stage}, deal value {value}, owner {owner}, timezone {tz}",
        "contact": "{name} — {title}, timezone {tz}; {count} touchpoint(s), last {last}",
        "overdue": "OVERDUE since {due}",
        "due": "due {due}",
        "no_due": "no due date",
        "owes": "{owner} owes: {action}",
        "competitor": "{name}: {stance} (latest {date})",
        "ticket": "#{ticket} {subject} — {status}, priority {priority}{sla}",
        "sla": "; {name} {state} ({elapsed} min, target {target})",
        "no_history": "No touchpoints recorded for this account yet: nothing to brief on.",
        "tp_compare": "Prepare a comparison with {name} ({stance} as of {date})",
        "tp_objection": "Address the {kind} objection: {text}",
        "tp_signal": "Confirm the {kind} signal: {text}",
        "tp_question": "Answer the open question: {text}",
        "tp_agenda": "On the agenda, they said: {text}",
        "risk_overdue": "We are late on: {action} (due {due})",
        "risk_sentiment": "{name}'s sentiment is {label} in the latest touchpoint",
        "risk_ticket": "Ticket #{ticket} is open and its {name} SLA is breached",
        "risk_switching": "They are switching from or comparing with {name}",
    },
    "zh": {
        "title": "通话前简报：{name}",
        "agenda": "议程：{agenda}",
        "who": "客户概况",
        "timeline": "近期往来",
        "next_steps": "待办与逾期事项",
        "competitors": "竞品情况",
        "sentiment": "情绪走势",
        "tickets": "未结工单",
        "snippets": "与议程最相关的记录",
        "talking_points": "沟通要点",
        "risks": "风险",
        "notes": "说明",
        "account": "{name} — 阶段 {stage}，金额 {value}，负责人 {owner}，时区 {tz}",
        "contact": "{name} — {title}，时区 {tz}；共 {count} 次接触，最近 {last}",
        "overdue": "已逾期（{due}）",
        "due": "截止 {due}",
        "no_due": "未定截止日",
        "owes": "{owner} 负责：{action}",
        "competitor": "{name}：{stance}（最近 {date}）",
        "ticket": "#{ticket} {subject} — {status}，优先级 {priority}{sla}",
        "sla": "；{name} {state}（{elapsed} 分钟，目标 {target}）",
        "no_history": "该客户还没有任何接触记录，暂无可汇报内容。",
        "tp_compare": "准备与 {name} 的对比（{date} 时为 {stance}）",
        "tp_objection": "回应{kind}方面的异议：{text}",
        "tp_signal": "确认{kind}信号：{text}",
        "tp_question": "回答客户的问题：{text}",
        "tp_agenda": "与议程相关，客户说过：{text}",
        "risk_overdue": "我方逾期：{action}（截止 {due}）",
        "risk_sentiment": "{name} 最近一次接触的情绪为{label}",
        "risk_ticket": "工单 #{ticket} 未结，{name} SLA 已超时",
        "risk_switching": "客户正在从 {name} 迁移或与其比较",
    },
}

STANCES = {
    "zh": {"using": "在用", "evaluating": "评估中", "switching_from": "准备替换", "comparing": "比较中",
           "mentioned": "提及"},
}
LABELS = {"zh": {"positive": "正面", "neutral": "中性", "negative": "负面", "mixed": "复杂"}}
KINDS = {"zh": {"price": "价格", "timing": "时间", "feature": "功能", "security": "安全",
                "contract": "合同", "other": "其他", "budget": "预算", "timeline": "时间表",
                "pricing": "报价", "decision_maker": "决策人"}}


def say(language: str, key: str, **values: object) -> str:
    return PHRASES[language][key].format(**values)


def word(table: dict[str, dict[str, str]], language: str, value: str) -> str:
    """A stance, label or kind in the briefing's language (English values stay as they are)."""
    return table.get(language, {}).get(value, value.replace("_", " "))
