"""A real HTTP server on 127.0.0.1 speaking the OpenAI `/v1/embeddings` protocol.

Its "model" is a deterministic hashing embedder (character trigrams into `dim` buckets), so
texts sharing words get similar vectors and a search over it behaves like a search. Scripted
failures (status codes) come first, then every request is answered; request bodies are recorded
so tests can assert batching.
"""

from __future__ import annotations

import hashlib
import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import numpy as np


def hashing_vector(text: str, dim: int) -> list[float]:
    vector = np.zeros(dim, dtype=np.float64)
    folded = f"  {text.lower()}  "
    for i in range(len(folded) - 2):
        bucket = int.from_bytes(hashlib.blake2b(folded[i:i + 3].encode(), digest_size=4).digest(),
                                "little") % dim
        vector[bucket] += 1.0
    norm = np.linalg.norm(vector) or 1.0
    return (vector / norm).tolist()


@dataclass
class FakeEmbeddingsServer:
    dim: int = 64
    failures: list[int] = field(default_factory=list)  # statuses answered before succeeding
    requests: list[dict[str, Any]] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _server: ThreadingHTTPServer | None = None

    @property
    def base_url(self) -> str:
        assert self._server is not None, "start() the server first"
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/v1"

    def start(self) -> FakeEmbeddingsServer:
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, args=(0.02,), daemon=True).start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    def answer(self, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        with self._lock:
            self.requests.append(body)
            if self.failures:
                status = self.failures.pop(0)
                return status, {"error": {"message": "scripted failure", "code": status}}
        inputs = body.get("input")
        texts = [inputs] if isinstance(inputs, str) else list(inputs or [])
        data = [{"object": "embedding", "index": i, "embedding": hashing_vector(t, self.dim)}
                for i, t in enumerate(texts)]
        data.reverse()  # the protocol orders by "index", not by position; clients must sort
        return 200, {"object": "list", "data": data, "model": body.get("model", "fake"),
                     "usage": {"prompt_tokens": 0, "total_tokens": 0}}


def _handler_for(server: FakeEmbeddingsServer) -> type[BaseHTTPRequestHandler]:
    class EmbeddingsHandler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            return

        def do_POST(self) -> None:  # noqa: N802 - http.server's naming
            length = int(self.headers.get("Content-Length") or 0)
            body = json.loads(self.rfile.read(length) or b"{}")
            if not self.path.rstrip("/").endswith("/embeddings"):
                status, payload = 404, {"error": {"message": f"no route {self.path}"}}
            else:
                status, payload = server.answer(body)
            raw = json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(raw)))
            self.end_headers()
            self.wfile.write(raw)

    return EmbeddingsHandler
