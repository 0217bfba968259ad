"""Turn Settings into the objects the stages need; entry points (CLI, API, worker) call this.

This is the only code that maps configuration onto option objects, so the CLI and the API build
exactly the same pipeline from the same settings.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.config import Settings
from assistant.ingest.common import ParseOptions
from assistant.pipeline import PipelineOptions
from assistant.storage.db import Database, open_database
from extractors.base import ExtractionContext, Extractor, get_extractor_class

if TYPE_CHECKING:
    from vector_index.indexing import RetrievalOptions


def open_store(settings: Settings) -> Database:
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    return open_database(settings.resolved_database_url)


def parse_options(settings: Settings, *, tenant: str | None = None,
                  occurred_at: datetime | None = None, language: str | None = None) -> ParseOptions:
    return ParseOptions(
        tenant_id=tenant or settings.tenant,
        vendor_domains=tuple(d.lower() for d in settings.vendor_domains),
        rep_names=tuple(settings.rep_names),
        default_timezone=settings.default_timezone,
        occurred_at=occurred_at,
        language=language,
        max_bytes=settings.max_upload_bytes,
    )


def build_extractor(settings: Settings, name: str | None = None) -> Extractor:
    return get_extractor_class(name or settings.extractor).from_settings(settings)


def extraction_context(settings: Settings, *, tenant: str | None = None) -> ExtractionContext:
    from extractors.catalog import load_catalog

    return ExtractionContext(tenant_id=tenant or settings.tenant,
                             catalog=load_catalog(settings.competitors_file))


def pipeline_options(
    settings: Settings,
    *,
    extractor: str | None = None,
    extract: bool = True,
    tenant: str | None = None,
    occurred_at: datetime | None = None,
    language: str | None = None,
    account_id: str | None = None,
    contact_ids: tuple[str, ...] = (),
    audio: bool = True,
) -> PipelineOptions:
    transcribe = None
    if audio:
        from assistant.transcribe import transcribe_options_from_settings

        transcribe = transcribe_options_from_settings(settings)
        if language in ("en", "zh"):
            transcribe = replace(transcribe, language=language)
    return PipelineOptions(
        parse=parse_options(settings, tenant=tenant, occurred_at=occurred_at, language=language),
        raw_dir=Path(settings.raw_dir),
        extractor=build_extractor(settings, extractor) if extract else None,
        context=extraction_context(settings, tenant=tenant),
        transcribe=transcribe,
        phone_region=settings.phone_region,
        account_id=account_id,
        contact_ids=contact_ids,
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
