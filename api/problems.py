"""Errors as `application/problem+json` (RFC 9457): one mapping from the exception tree.

Every TouchpointError already names the input, the problem and the fix; this module only picks
the status. Unexpected exceptions answer a bare 500 without internals.
"""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from api.media import UnsupportedMediaError
from assistant import errors

log = logging.getLogger(__name__)
MEDIA_TYPE = "application/problem+json"

# most specific first
STATUS: tuple[tuple[type[errors.TouchpointError], int], ...] = (
    (errors.UnauthorizedError, 401),
    (errors.ForbiddenError, 403),
    (errors.NotFoundError, 404),
    (errors.TooLargeError, 413),
    (UnsupportedMediaError, 415),
    (errors.BadInputError, 400),
    (errors.OverloadedError, 429),
    (errors.RateLimitedError, 503),
    (errors.ProviderError, 502),
    (errors.ExtractionOutputInvalidError, 502),
    (errors.ConfigError, 500),
)


def problem(status: int, detail: str, *, instance: str | None = None,
            headers: dict[str, str] | None = None, **extra: Any) -> JSONResponse:
    phrase = HTTPStatus(status).phrase
    body: dict[str, Any] = {"type": f"urn:touchpoint:problem:{phrase.lower().replace(' ', '-')}",
                            "title": phrase, "status": status, "detail": detail}
    if instance:
        body["instance"] = instance
    body.update(extra)
    return JSONResponse(body, status_code=status, headers=headers, media_type=MEDIA_TYPE)


def status_of(exc: errors.TouchpointError) -> int:
    return next((code for kind, code in STATUS if isinstance(exc, kind)), 500)


def install(app: FastAPI) -> None:
    @app.exception_handler(errors.TouchpointError)
    async def _touchpoint_error(request: Request, exc: errors.TouchpointError) -> JSONResponse:
        status = status_of(exc)
        headers: dict[str, str] = {}
        if status == 401:
            headers["WWW-Authenticate"] = "Bearer"
        if isinstance(exc, errors.OverloadedError):
            headers["Retry-After"] = str(exc.retry_after_s)
        return problem(status, str(exc), instance=request.url.path, headers=headers)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = [{"loc": list(e.get("loc", ())), "msg": e.get("msg", "")}
                    for e in exc.errors()]
        first = problems[0] if problems else {"loc": [], "msg": "invalid request"}
        where = ".".join(str(p) for p in first["loc"])
        return problem(422, f"{where}: {first['msg']}; see /docs for the expected shape",
                       instance=request.url.path, errors=problems)

    @app.exception_handler(HTTPException)
    async def _http(request: Request, exc: HTTPException) -> JSONResponse:
        return problem(exc.status_code, str(exc.detail), instance=request.url.path,
                       headers=dict(exc.headers or {}))

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return problem(500, "internal error; the server log has the details",
                       instance=request.url.path)
