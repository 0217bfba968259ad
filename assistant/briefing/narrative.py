"""An optional LLM-written paragraph on top of a briefing, written only from its cited lines.

The model sees the briefing's lines as numbered facts and must end every sentence with the
numbers it rests on. Our code checks that: every sentence must cite at least one existing fact,
or the whole paragraph is dropped with a warning (a partial narrative would read as vouched
for). Cited sentences carry the citations of the facts they name.
"""

from __future__ import annotations

import re

from assistant.briefing.build import Briefing
from assistant.citations import CitedLine
from assistant.errors import ProviderError
from prompts.loader import load_prompt

_SENTENCE = re.compile(r"[^.!?。！？]+[.!?。！？]*(?:\s*\[\d+\])*")
_REFERENCE = re.compile(r"\[(\d+)\]")


def check_narrative(text: str, facts: list[CitedLine]) -> tuple[list[CitedLine], str | None]:
    """(one cited line per sentence, None) or ([], why it was rejected)."""
    lines: list[CitedLine] = []
    for sentence in (s.strip() for s in _SENTENCE.findall(text)):
        if not sentence or not re.search(r"\w", _REFERENCE.sub("", sentence)):
            continue
        numbers = [int(n) for n in _REFERENCE.findall(sentence)]
        if not numbers:
            return [], f"the sentence {sentence!r} cites no fact"
        if any(not 1 <= n <= len(facts) for n in numbers):
            return [], f"the sentence {sentence!r} cites a fact that does not exist"
        citations = [c for n in dict.fromkeys(numbers) for c in facts[n - 1].citations]
        plain = re.sub(r"\s+([.!?。！？,，])", r"\1", _REFERENCE.sub("", sentence)).strip()
        lines.append(CitedLine(kind="narrative", text=plain,
                               citations=citations))
    if not lines:
        return [], "the answer was empty"
    return lines, None


def add_narrative(briefing: Briefing, client: object, *, max_facts: int = 40) -> Briefing:
    """Ask the LLM (an `extractors.llm.client.LLMClient`) for the paragraph and check it."""
    facts = [line for line in briefing.lines() if line.kind != "contact"][:max_facts]
    if not facts:
        return briefing
    prompt = load_prompt("briefing_narrative")
    numbered = "\n".join(f"[{i}] {line.text}" for i, line in enumerate(facts, start=1))
    language = "Simplified Chinese" if briefing.language == "zh" else "English"
    messages = [("system", prompt.system.replace("$language", language)),
                ("user", prompt.render_user(account=briefing.account.name,
                                            agenda=briefing.agenda or "-", facts=numbered))]
    try:
        reply = client.complete(messages)  # type: ignore[attr-defined]
    except ProviderError as exc:
        briefing.warnings.append(f"narrative skipped: {exc}")
        return briefing
    lines, problem = check_narrative(reply.content, facts)
    if problem:
        briefing.warnings.append(f"narrative dropped: {problem}")
    else:
        briefing.narrative = lines
    return briefing
