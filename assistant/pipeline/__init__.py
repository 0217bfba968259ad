"""The ingest pipeline: bytes in, ids through.

`receive` stores a source's bytes and a row; every later stage (`parse_source`, which also
resolves identity, then `extract_touchpoint`) is a function of `(tenant_id, id)` over storage.
`runner` strings them together in this process; Celery tasks call the same stage functions.
"""

from assistant.pipeline.options import Runtime, SourceOptions
from assistant.pipeline.runner import (
    SourceOutcome,
    ingest_source,
    record_input_failure,
    resume_unfinished,
    run_source,
)
from assistant.pipeline.stages import (
    BusyError,
    ExtractResult,
    Received,
    extract_touchpoint,
    parse_source,
    receive,
)

__all__ = ["BusyError", "ExtractResult", "Received", "Runtime", "SourceOptions", "SourceOutcome",
           "extract_touchpoint", "ingest_source", "parse_source", "receive",
           "record_input_failure", "resume_unfinished", "run_source"]
