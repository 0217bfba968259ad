"""Turn Settings into the objects the stages need; entry points (CLI, API, worker) call this.

This is the only code that maps configuration onto option objects, so the CLI, the API and a
Celery worker build exactly the same pipeline runtime from the same settings. It imports the
stages only inside the functions that build them, so a read-only command loads what it uses.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from assistant.config import Settings
from assistant.errors import BadInputError

if TYPE_CHECKING:
    from assistant.ingest.common import ParseOptions
    from assistant.pipeline import Runtime
    from assistant.storage.db import Database
    from extractors.base import ExtractionContext, Extractor

_TENANT_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")

if TYPE_CHECKING:
    from vector_index.indexing import RetrievalOptions


def open_store(settings: Settings) -> Database:
    from assistant.storage.db import open_database

    settings.data_dir.mkdir(parents=True, exist_ok=True)
    return open_database(settings.resolved_database_url, pool_size=settings.database_pool_size,
                         max_overflow=settings.database_max_overflow)


def tenant_id(settings: Settings, given: str | None = None) -> str:
    """The tenant a command acts for: `given` (a flag) or the configured one, validated."""
    tenant = settings.tenant if given is None else given
    if not _TENANT_ID.fullmatch(tenant):
        raise BadInputError(f"tenant id {tenant!r} is not valid: use 1-64 letters, digits, '.', "
                            "'_' or '-', starting with a letter or digit")
    return tenant


def parse_options(settings: Settings, *, tenant: str | None = None,
                  language: str | None = None) -> ParseOptions:
    from assistant.ingest.common import ParseOptions

    return ParseOptions(
        tenant_id=tenant_id(settings, tenant),
        vendor_domains=tuple(d.lower() for d in settings.vendor_domains),
        rep_names=tuple(settings.rep_names),
        default_timezone=settings.default_timezone,
        language=language,
        max_bytes=settings.max_upload_bytes,
    )


def build_extractor(settings: Settings, name: str | None = None) -> Extractor:
    from extractors.base import get_extractor_class

    return get_extractor_class(name or settings.extractor).from_settings(settings)


def extraction_context(settings: Settings, *, tenant: str | None = None) -> ExtractionContext:
    from extractors.base import ExtractionContext
    from extractors.catalog import load_catalog

    return ExtractionContext(tenant_id=tenant_id(settings, tenant),
                             catalog=load_catalog(settings.competitors_file))


def runtime(settings: Settings, *, extractor: str | None = None, extract: bool = True,
            tenant: str | None = None, language: str | None = None, audio: bool = True
            ) -> Runtime:
    """How this process runs the stages: parsers, extractor, transcription, secrets."""
    from assistant.pipeline import Runtime

    transcribe = None
    if audio:
        from assistant.transcribe import transcribe_options_from_settings

        transcribe = transcribe_options_from_settings(settings)
        if language in ("en", "zh"):
            transcribe = replace(transcribe, language=language)
    key = settings.openai_api_key.get_secret_value() if settings.openai_api_key else None
    return Runtime(
        parse=parse_options(settings, tenant=tenant, language=language),
        extractor=build_extractor(settings, extractor) if extract else None,
        context=extraction_context(settings, tenant=tenant),
        transcribe=transcribe,
        phone_region=settings.phone_region,
        secrets=tuple(s for s in (key,) if s),
    )


def retrieval_options(settings: Settings) -> RetrievalOptions:
    from vector_index.embedders import EmbedderOptions
    from vector_index.faiss_store import StoreOptions
    from vector_index.indexing import RetrievalOptions

    key = settings.openai_api_key.get_secret_value() if settings.openai_api_key else None
    return RetrievalOptions(
        store=StoreOptions(directory=settings.index_dir,
                           approximate_above=settings.index_approximate_above,
                           nprobe=settings.index_nprobe),
        embedder=EmbedderOptions(name=settings.embedder, threads=settings.embedding_threads,
                                 batch_size=settings.embedding_batch_size,
                                 base_url=settings.embedding_base_url,
                                 model=settings.embedding_model, api_key=key,
                                 dimensions=settings.embedding_dimensions,
                                 timeout_s=settings.llm_timeout_s,
                                 max_retries=settings.llm_max_retries),
    )
