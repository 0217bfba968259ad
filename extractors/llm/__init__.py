"""The LLM extractor: any OpenAI-compatible chat endpoint -> validated, grounded Insights.

One package, like `extractors/rules/`, one module per concern:

- `extractor` — `LLMExtractor`: prompt, cache, re-ask, grounding, merge, provenance;
- `client` — the one seam to the endpoint: deadline, retries, error translation, redaction;
- `breaker` — a circuit breaker per endpoint, shared by every client in the process;
- `input` — token estimates, chunking, transcript escaping, injection flags;
- `schema` — the strict output schema and the grounding of its quotes;
- `merge` — chunk answers into one Insights, LLM items on top of the rules';
- `cache` — validated answers by (prompt hash, model, input hash);
- `hybrid` — rules and LLM together, falling back to the rules when the endpoint fails.

The entry points are `extractors.llm:LLMExtractor` and `extractors.llm.hybrid:HybridExtractor`.
"""

from extractors.llm.extractor import LLMExtractor, LLMOptions

__all__ = ["LLMExtractor", "LLMOptions"]
