"""The bundled sample data ingested once (the default extractor, no audio) into a scratch database."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from assistant import bootstrap
from assistant.accounts import import_accounts
from assistant.cli.demo import DEMO_REPS, DEMO_TENANT, DEMO_VENDOR_DOMAINS, SAMPLE_DIR
from assistant.cli.ingest import run_files
from assistant.config import load_settings
from assistant.events import store_events
from assistant.ingest.dispatch import AUDIO_SUFFIXES
from assistant.ingest.files import find_sources
from assistant.pipeline import SourceOptions
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
        accounts = SAMPLE_DIR / "accounts.csv"
        import_accounts(session, tenant_id=DEMO_TENANT, content=accounts.read_bytes(),
                        uri=str(accounts))
    found, _ = find_sources([str(SAMPLE_DIR)])
    files = [f for f in found if f.path.name not in ("accounts.csv", "events.jsonl")
             and f.path.suffix.lower() not in AUDIO_SUFFIXES]
    run_files(db, files, SourceOptions(), bootstrap.runtime(settings, audio=False),
              tenant_id=DEMO_TENANT, quiet=True)
    events = SAMPLE_DIR / "events.jsonl"
    store_events(db, events.read_bytes(), uri=str(events),
                 options=bootstrap.parse_options(settings))
    retrieval = bootstrap.retrieval_options(settings)
    index_pending(db, tenant_id=DEMO_TENANT, options=retrieval)
    return SampleStore(db=db, retrieval=retrieval)
