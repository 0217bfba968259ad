"""Request size limits, enforced before the body is read, and per-key rate limits.

`BodyLimit` is raw ASGI middleware: a declared Content-Length over the limit is refused with 413
before a byte of the body is read; a body sent without one (chunked) is counted as it streams
and cut off at the limit. Upload routes get `TOUCHPOINT_MAX_UPLOAD_BYTES`, every other route
`TOUCHPOINT_MAX_REQUEST_BYTES`. Rate limits use the `limits` package (moving window, in memory
or in Redis so several API processes share one budget per key).
"""

from __future__ import annotations

import contextlib
import json
import time
from typing import Any

from limits import parse
from limits.storage import storage_from_string
from limits.strategies import MovingWindowRateLimiter
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.problems import MEDIA_TYPE
from assistant.errors import ConfigError, OverloadedError


class _BodyTooLarge(Exception):
    pass


class BodyLimit:
    def __init__(self, app: ASGIApp, *, default_bytes: int, upload_bytes: int) -> None:
        self.app, self.default_bytes, self.upload_bytes = app, default_bytes, upload_bytes

    def _limit(self, path: str) -> int:
        return self.upload_bytes if path.endswith("/upload") else self.default_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self._limit(scope["path"])
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            await _refuse(send, scope["path"], int(declared), limit)
            return
        seen = 0
        exceeded = refused = False

        async def counting_receive() -> Message:
            nonlocal seen, exceeded
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    exceeded = True
                    raise _BodyTooLarge
            return message

        async def guarded_send(message: Message) -> None:
            # the framework may turn the error raised while reading into its own 400: once the
            # limit is crossed, the answer is 413 whatever the app says
            nonlocal refused
            if not exceeded:
                await send(message)
            elif not refused:
                refused = True
                await _refuse(send, scope["path"], seen, limit)

        with contextlib.suppress(_BodyTooLarge):
            await self.app(scope, counting_receive, guarded_send)
        if exceeded and not refused:
            await _refuse(send, scope["path"], seen, limit)


async def _refuse(send: Send, path: str, size: int, limit: int) -> None:
    body = json.dumps({
        "type": "urn:touchpoint:problem:content-too-large", "title": "Content Too Large",
        "status": 413, "instance": path,
        "detail": f"the request body ({size:,} bytes or more) is over the limit of {limit:,} "
                  "bytes for this route; send a smaller file or raise TOUCHPOINT_MAX_UPLOAD_BYTES"
                  " / TOUCHPOINT_MAX_REQUEST_BYTES on the server"}).encode()
    await send({"type": "http.response.start", "status": 413,
                "headers": [(b"content-type", MEDIA_TYPE.encode()),
                            (b"content-length", str(len(body)).encode()),
                            (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})


class KeyRateLimiter:
    """`N/minute` (any `limits` string) per API key id."""

    def __init__(self, limit: str, storage_url: str) -> None:
        self.is_local = storage_url.startswith("memory://")  # no I/O: callable on the event loop
        try:
            self.limit = parse(limit)
            self._limiter = MovingWindowRateLimiter(storage_from_string(storage_url))
        except ValueError as exc:
            raise ConfigError(f"TOUCHPOINT_API_RATE_LIMIT {limit!r} / TOUCHPOINT_RATE_LIMIT_STORAGE"
                              f" {storage_url!r}: {exc}; use e.g. '1200/minute' and "
                              "'memory://'") from exc

    def hit(self, key_id: str) -> None:
        """Count one request; OverloadedError (429 with Retry-After) when over the limit."""
        if self._limiter.hit(self.limit, key_id):
            return
        stats: Any = self._limiter.get_window_stats(self.limit, key_id)
        wait = max(1, int(stats.reset_time - time.time()) + 1)
        raise OverloadedError(f"API key {key_id} is over its rate limit of {self.limit}; "
                              f"retry in {wait} s or ask for a higher TOUCHPOINT_API_RATE_LIMIT",
                              retry_after_s=wait)
