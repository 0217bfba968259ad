"""The LLM extractor: prompt file + OpenAI-compatible model -> validated, grounded Insights.

Per chunk of the source: render the versioned prompt (source text delimited as data), look the
answer up in the cache, else call the model through `LLMClient` (which owns transport retries),
validate the answer against the strict schema, and re-ask once with the validation error if it
fails. A second failure keeps the best partial answer, flagged `needs_review` with per-field
validity. Every quote is then grounded in the source; invented quotes are dropped and counted,
quotes that only cite a flagged injection sentence are dropped too. Chunk results are merged
and de-duplicated into one Insights whose provenance records prompt, model, tokens and cost.
"""

from __future__ import annotations

import json
import re
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar

from pydantic import ValidationError

from assistant.config import Settings
from assistant.errors import ConfigError
from assistant.models import Insights, Provenance, Touchpoint
from extractors.base import ExtractionContext, Extractor
from extractors.grounding import DEFAULT_FUZZY_THRESHOLD
from extractors.llm.cache import AnswerCache, cache_key
from extractors.llm.client import ChatRole, ClientOptions, LLMClient, cost_usd, load_prices
from extractors.llm.input import Chunk, chunk_text, escape_transcript, find_injections
from extractors.llm.merge import merge_answers
from extractors.llm.schema import (
    FIELDS,
    GroundingScope,
    LLMInsights,
    empty_answer,
    ground_answer,
)
from extractors.llm.schema import validate_partially as salvage
from prompts.loader import Prompt, load_prompt

DEFAULT_PROMPT = "extract_insights"
_FENCE = re.compile(r"^\s*```(?:json)?\s*(.*?)\s*```\s*$", re.DOTALL)


@dataclass(frozen=True)
class LLMOptions:
    """Everything the LLM extractor needs; build it with `LLMExtractor.from_settings`."""

    client: ClientOptions
    chunk_tokens: int = 3000
    prompt_id: str = DEFAULT_PROMPT
    prompt_version: int | None = None  # None: the newest version on disk
    cache_path: Path | None = None  # None: no cache
    prices_file: Path | None = None
    fuzzy_threshold: float = DEFAULT_FUZZY_THRESHOLD


@dataclass
class ChunkRun:
    """What one chunk's request produced, before grounding."""

    answer: LLMInsights
    validity: dict[str, bool]
    input_tokens: int = 0
    output_tokens: int = 0
    cached: bool = False
    needs_review: bool = False
    notes: list[str] = field(default_factory=list)


class LLMExtractor(Extractor):
    name: ClassVar[str] = "llm"
    version: ClassVar[str] = "1"
    needs_network: ClassVar[bool] = True

    def __init__(self, options: LLMOptions) -> None:
        self.options = options
        self.prompt: Prompt = load_prompt(options.prompt_id, options.prompt_version)
        self.client = LLMClient(options.client)
        self.prices = load_prices(options.prices_file)
        self.cache = AnswerCache(options.cache_path) if options.cache_path else None

    @classmethod
    def from_settings(cls, settings: Settings) -> LLMExtractor:
        if not settings.llm_base_url:
            raise ConfigError(
                "the LLM extractor needs an OpenAI-compatible endpoint: set "
                "TOUCHPOINT_LLM_BASE_URL (e.g. https://api.openai.com/v1 or "
                "http://localhost:11434/v1), OPENAI_API_KEY, and optionally TOUCHPOINT_LLM_MODEL "
                f"(now {settings.llm_model!r}); or use --extractor rules"
            )
        key = settings.openai_api_key.get_secret_value() if settings.openai_api_key else None
        return cls(LLMOptions(
            client=ClientOptions(
                base_url=settings.llm_base_url, model=settings.llm_model, api_key=key,
                timeout_s=settings.llm_timeout_s, max_retries=settings.llm_max_retries,
                concurrency=settings.llm_concurrency, deadline_s=settings.llm_deadline_s,
                breaker_failures=settings.llm_breaker_failures,
                breaker_cooldown_s=settings.llm_breaker_cooldown_s),
            chunk_tokens=settings.llm_chunk_tokens,
            cache_path=settings.data_dir / "llm_cache.sqlite3",
            prices_file=settings.llm_prices_file,
        ))

    def extract(self, touchpoint: Touchpoint, context: ExtractionContext) -> Insights:
        started = time.perf_counter()
        model = self.options.client.model
        injections = find_injections(touchpoint.text)
        chunks = chunk_text(touchpoint.text, self.options.chunk_tokens)
        if not touchpoint.text.strip():
            return Insights(touchpoint_id=touchpoint.id, provenance=Provenance(
                extractor=self.name, extractor_version=self.version, model=model,
                prompt_id=f"{self.prompt.id}@v{self.prompt.version}",
                prompt_hash=self.prompt.hash, notes=["the touchpoint has no text; nothing sent"]))
        workers = max(1, min(self.options.client.concurrency, len(chunks)))
        with ThreadPoolExecutor(max_workers=workers) as pool:
            runs = list(pool.map(lambda c: self._run_chunk(touchpoint, c), chunks))

        grounded = [
            ground_answer(run.answer, GroundingScope(
                touchpoint=touchpoint, start=chunk.start, end=chunk.end,
                blocked=tuple(injections), catalog=context.catalog,
                fuzzy_threshold=self.options.fuzzy_threshold))
            for run, chunk in zip(runs, chunks, strict=True)
        ]
        input_tokens = sum(r.input_tokens for r in runs)
        output_tokens = sum(r.output_tokens for r in runs)
        notes = [n for r in runs for n in r.notes] + [n for g in grounded for n in g.notes]
        cost = cost_usd(model, input_tokens, output_tokens, self.prices)
        if cost is None:
            notes.append(f"model {model!r} is not in the price table; cost recorded as 0 (add it "
                         "to TOUCHPOINT_LLM_PRICES_FILE)")
        for start, end in injections:
            notes.append(f"possible prompt injection at [{start}:{end}]: "
                         f"{touchpoint.text[start:end][:80]!r}; not followed, not citable")
        blocked = sum(g.blocked_dropped for g in grounded)
        if blocked:
            notes.append(f"{blocked} item(s) citing a flagged injection sentence were dropped")
        if len(chunks) > 1:
            notes.append(f"source split into {len(chunks)} chunks of <= "
                         f"{self.options.chunk_tokens} estimated tokens")
        validity = {name: all(r.validity.get(name, False) for r in runs) for name in FIELDS}
        return merge_answers(
            grounded, touchpoint_id=touchpoint.id,
            provenance=Provenance(
                extractor=self.name, extractor_version=self.version,
                prompt_id=f"{self.prompt.id}@v{self.prompt.version}",
                prompt_hash=self.prompt.hash, model=model,
                latency_ms=(time.perf_counter() - started) * 1000,
                input_tokens=input_tokens, output_tokens=output_tokens, cost_usd=cost or 0.0,
                cached=all(r.cached for r in runs),
                needs_review=any(r.needs_review for r in runs) or bool(injections),
                field_validity=validity,
                ungrounded_dropped=sum(g.ungrounded_dropped for g in grounded),
                notes=notes,
            ),
        )

    def _messages(self, touchpoint: Touchpoint, chunk: Chunk) -> list[tuple[ChatRole, str]]:
        messages: list[tuple[ChatRole, str]] = [("system", self.prompt.system)]
        for example in self.prompt.examples:
            messages.append(("user", self.prompt.render_user(
                channel=example.channel, occurred_at=example.occurred_at,
                language=example.language, transcript=escape_transcript(example.text))))
            messages.append(("assistant", json.dumps(example.answer, ensure_ascii=False)))
        messages.append(("user", self.prompt.render_user(
            channel=touchpoint.channel, occurred_at=touchpoint.occurred_at.isoformat(),
            language=touchpoint.language,
            transcript=escape_transcript(touchpoint.text[chunk.start : chunk.end]))))
        return messages

    def _run_chunk(self, touchpoint: Touchpoint, chunk: Chunk) -> ChunkRun:
        messages = self._messages(touchpoint, chunk)
        model = self.options.client.model
        key = cache_key(self.prompt.hash, model, json.dumps(messages, ensure_ascii=False))
        if self.cache is not None and (hit := self.cache.get(key)) is not None:
            return ChunkRun(answer=LLMInsights.model_validate(hit.answer),
                            validity=dict.fromkeys(FIELDS, True), cached=True)

        run = ChunkRun(answer=empty_answer(), validity={})
        replies = []
        for attempt in range(2):
            reply = self.client.complete(messages)
            run.input_tokens += reply.input_tokens
            run.output_tokens += reply.output_tokens
            if reply.attempts > 1:
                run.notes.append(f"chunk [{chunk.start}:{chunk.end}] needed {reply.attempts} "
                                 "transport attempts")
            replies.append(reply.content)
            answer, error = parse_answer(reply.content)
            if answer is not None:
                if self.cache is not None:
                    self.cache.put(key, prompt_hash=self.prompt.hash, model=model,
                                   answer=answer.model_dump(), input_tokens=reply.input_tokens,
                                   output_tokens=reply.output_tokens)
                run.answer, run.validity = answer, dict.fromkeys(FIELDS, True)
                if attempt:
                    run.notes.append("the first answer failed validation; the re-ask succeeded")
                return run
            run.notes.append(f"answer {attempt + 1} for chunk [{chunk.start}:{chunk.end}] was "
                             f"invalid: {error}")
            if attempt == 0:
                # only our own validation message goes back to the model, never an API error
                messages = [*messages, ("assistant", reply.content or "(empty reply)"),
                            ("user", self.prompt.render_repair(error))]
        run.answer, run.validity = best_partial(replies)
        run.needs_review = True
        return run


def parse_answer(content: str) -> tuple[LLMInsights | None, str]:
    """The validated answer, or None and a short description of what is wrong with it."""
    payload, error = _json_payload(content)
    if error:
        return None, error
    try:
        return LLMInsights.model_validate(payload), ""
    except ValidationError as exc:
        problems = [f"{'.'.join(str(p) for p in e['loc']) or 'answer'}: {e['msg']}"
                    for e in exc.errors()[:8]]
        return None, "schema mismatch: " + "; ".join(problems)


def _json_payload(content: str) -> tuple[object, str]:
    text = content.strip()
    if not text:
        return None, "the reply was empty"
    fenced = _FENCE.match(text)
    if fenced:
        text = fenced.group(1)
    try:
        return json.loads(text), ""
    except json.JSONDecodeError as exc:
        return None, f"not valid JSON ({exc.msg} at line {exc.lineno} column {exc.colno})"
    except ValueError:  # an integer of thousands of digits
        return None, "not usable JSON (a number too long to read)"
    except RecursionError:
        return None, "not usable JSON (nested too deeply)"


def best_partial(replies: list[str]) -> tuple[LLMInsights, dict[str, bool]]:
    """Of several invalid replies, the salvaged one with the most valid fields (latest on ties)."""
    best = salvage(None)
    for content in replies:
        payload, _ = _json_payload(content)
        candidate = salvage(payload)
        if sum(candidate[1].values()) >= sum(best[1].values()):
            best = candidate
    return best
