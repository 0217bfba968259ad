"""The bundled sample data ingested once (rules extractor, no audio) into a scratch database."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from assistant import bootstrap, pipeline
from assistant.cli.demo import DEMO_REPS, DEMO_TENANT, DEMO_VENDOR_DOMAINS, SAMPLE_DIR
from assistant.config import load_settings
from assistant.events import store_events
from assistant.identity import import_accounts
from assistant.storage.db import Database
from vector_index.indexing import RetrievalOptions, index_pending


@dataclass
class SampleStore:
    db: Database
    retrieval: RetrievalOptions
    tenant_id: str = DEMO_TENANT


def ingest_samples(data_dir: Path) -> SampleStore:
    settings = load_settings(data_dir=data_dir, database_url=f"sqlite:///{data_dir / 'tp.db'}",
                             tenant=DEMO_TENANT, vendor_domains=DEMO_VENDOR_DOMAINS,
                             rep_names=DEMO_REPS)
    db = bootstrap.open_store(settings)
    with db.session() as session:
        import_accounts(session, tenant_id=DEMO_TENANT, path=SAMPLE_DIR / "accounts.csv")
    options = bootstrap.pipeline_options(settings, audio=False)
    files, _ = pipeline.expand_paths([str(SAMPLE_DIR)])
    for path in files:
        if path.name not in ("accounts.csv", "events.jsonl") and not pipeline.is_audio(path):
            pipeline.ingest_file(db, path, options)
    store_events(db, SAMPLE_DIR / "events.jsonl", bootstrap.parse_options(settings))
    retrieval = bootstrap.retrieval_options(settings)
    index_pending(db, tenant_id=DEMO_TENANT, options=retrieval)
    return SampleStore(db=db, retrieval=retrieval)
