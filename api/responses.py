"""JSON answers encoded once, with orjson, for the routes on the hot path.

A route returning a pydantic model has FastAPI validate it again against its response model (for
a sync route, in one more hop through the thread pool) and then serialize it. The masked views
are already JSON-ready dicts, so the hot routes answer `json_answer(...)` instead, which skips
both; they keep `response_model=` for the OpenAPI schema, and their tests check the shape.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import orjson
from starlette.responses import Response


def json_answer(content: Any, *, status_code: int = 200,
                headers: Mapping[str, str] | None = None) -> Response:
    """`content` (dicts, lists, str, numbers, datetimes) as an application/json response."""
    return Response(orjson.dumps(content, option=orjson.OPT_NON_STR_KEYS),
                    status_code=status_code, headers=headers, media_type="application/json")
