"""`--dry-run`: what an LLM eval run would cost, before making a single call.

Input tokens are the prompt (system, few-shot examples, user template) plus each item's text per
chunk, counted with the same estimator the LLM extractor chunks with; output tokens assume a
fixed answer size per chunk (OUTPUT_TOKENS_PER_CHUNK), a deliberate over-estimate.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from assistant.config import Settings
from evals.dataset import load_dataset, to_touchpoint
from extractors.llm.client import cost_usd, load_prices
from extractors.llm.input import chunk_text, estimate_tokens
from prompts.loader import load_prompt

OUTPUT_TOKENS_PER_CHUNK = 600
PROMPT_ID = "extract_insights"


LLM_EXTRACTORS = ("llm", "hybrid")  # the built-ins that call a model for every touchpoint


def estimate_cost(dataset: Path, settings: Settings, *, split: str | None = None,
                  extractor: str = "llm") -> dict[str, Any]:
    """Tokens and dollars an LLM run over the dataset would take; no request is made.

    An extractor that calls no model (`rules`) is estimated at zero, saying so in `note`.
    """
    items = load_dataset(dataset, split=split)
    if extractor not in LLM_EXTRACTORS:
        return {"items": len(items), "chunks": 0, "model": None, "input_tokens": 0,
                "output_tokens": 0, "cost_usd": 0.0, "priced": True,
                "note": f"the {extractor} extractor makes no LLM calls"}
    prompt = load_prompt(PROMPT_ID)
    overhead = estimate_tokens(prompt.system) + estimate_tokens(prompt.user) + sum(
        estimate_tokens(str(example)) for example in prompt.examples)
    input_tokens = output_tokens = chunks = 0
    for item in items:
        text = to_touchpoint(item).text
        for chunk in chunk_text(text, settings.llm_chunk_tokens) or []:
            chunks += 1
            input_tokens += overhead + estimate_tokens(text[chunk.start:chunk.end])
            output_tokens += OUTPUT_TOKENS_PER_CHUNK
    cost = cost_usd(settings.llm_model, input_tokens, output_tokens,
                    load_prices(settings.llm_prices_file))
    return {"items": len(items), "chunks": chunks, "model": settings.llm_model,
            "input_tokens": input_tokens, "output_tokens": output_tokens,
            "cost_usd": cost if cost is not None else 0.0, "priced": cost is not None}
