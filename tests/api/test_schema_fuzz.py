"""A bounded schemathesis run against the OpenAPI spec: generated requests to every operation,
with an admin key, never get a 5xx."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from api import create_app
from assistant import bootstrap
from assistant.jobs.queue import InProcessQueue
from tests.api.conftest import Seeded, api_settings, seed_tenant

MAX_EXAMPLES = 25  # per operation: bounded, and derandomized so a run is repeatable


@pytest.fixture
def api_schema(isolated_data_dir: Path, tmp_path: Path) -> Iterator[tuple[object, dict]]:
    url = f"sqlite:///{tmp_path / 'fuzz.db'}"
    app_settings = api_settings(url, isolated_data_dir)
    db = bootstrap.open_store(app_settings)
    seeded: Seeded = seed_tenant(db, app_settings, "acme", tmp_path / "acme")
    queue = InProcessQueue(db, app_settings)
    app = create_app(app_settings, queue=queue)
    yield (schemathesis.openapi.from_asgi("/openapi.json", app),
           {"Authorization": f"Bearer {seeded.keys['admin']}"})
    queue.close()
    db.close()


def test_no_operation_answers_a_server_error(api_schema: tuple) -> None:
    loaded, headers = api_schema
    tried: list[str] = []
    statuses: Counter[int] = Counter()
    for result in loaded.get_all_operations():
        operation = result.ok()
        tried.append(f"{operation.method.upper()} {operation.path}")

        @given(case=operation.as_strategy())
        @settings(max_examples=MAX_EXAMPLES, deadline=None, derandomize=True, database=None,
                  suppress_health_check=list(HealthCheck))
        def call(case: schemathesis.Case) -> None:
            response = case.call(headers=headers)
            statuses[response.status_code] += 1
            assert response.status_code < 500, (case.method, case.formatted_path,
                                                response.text[:300])

        call()
    assert len(tried) >= 15 and "POST /v1/touchpoints/upload" in tried
    assert statuses[200] > 20 and statuses[401] == 0  # the key was used; answers were real
    print(dict(statuses))
