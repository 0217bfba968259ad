"""A real HTTP server on 127.0.0.1 that speaks /v1/chat/completions with scripted answers.

The LLM tests talk to it through the real langchain/openai client (no patching), so retries,
timeouts, status codes and request bodies are exercised end to end. Each request takes the next
scripted `Answer`; the last answer repeats once the script is used up. Every request body is
recorded so tests can assert what the client sent (a re-ask, a retry, a cache hit).

Fault modes, for the reliability tests: `hang()` never answers (until the server stops), `raw`
sends any bytes as a 200 body (HTML, truncated JSON, JSON that is not a chat completion),
`echo_key` puts the request's Authorization header into an error body the way real providers
do ("Incorrect API key provided: sk-..."), and `closed_port_url()` names a port nobody listens on.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass(frozen=True)
class Answer:
    """One scripted reply: a status, a message content (or raw body), and an optional delay."""

    status: int = 200
    content: str | None = ""
    body: dict[str, Any] | None = None  # overrides the chat-completion body when set
    delay_s: float = 0.0
    prompt_tokens: int = 100
    completion_tokens: int = 20
    headers: dict[str, str] = field(default_factory=dict)  # extra response headers
    raw: bytes | None = None  # sent as the body verbatim, overriding `content` and `body`
    echo_key: bool = False  # an error body quoting the request's Authorization header
    hang: bool = False  # never answer; the connection stays open until the server stops


def reply(content: str | dict[str, Any], **kwargs: Any) -> Answer:
    """A 200 answer whose assistant message is `content` (a dict is sent as JSON text)."""
    text = content if isinstance(content, str) else json.dumps(content, ensure_ascii=False)
    return Answer(content=text, **kwargs)


def failure(status: int, message: str = "scripted failure", **kwargs: Any) -> Answer:
    error = {"error": {"message": message, "type": "server_error", "code": status}}
    return Answer(status=status, body=error, **kwargs)


def hang() -> Answer:
    """An answer that never comes: the request is read, then nothing is sent back."""
    return Answer(hang=True)


def raw_body(payload: bytes, status: int = 200, content_type: str = "application/json",
             **kwargs: Any) -> Answer:
    """A reply whose body is `payload` as given (not JSON, or not a chat completion)."""
    headers = {"Content-Type": content_type, **kwargs.pop("headers", {})}
    return Answer(status=status, raw=payload, headers=headers, **kwargs)


def key_echo(status: int = 401) -> Answer:
    """An error that quotes the caller's key back, as OpenAI's 401 and some proxies' 400 do."""
    return Answer(status=status, echo_key=True)


def closed_port_url() -> str:
    """A base URL on 127.0.0.1 whose port nobody listens on (connections are refused)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{probe.getsockname()[1]}/v1"


@dataclass
class FakeOpenAIServer:
    """Start with `start()`, script with `script(...)`, read `requests`, stop with `stop()`."""

    answers: list[Answer] = field(default_factory=list)
    requests: list[dict[str, Any]] = field(default_factory=list)
    headers: list[dict[str, str]] = field(default_factory=list)
    in_flight: int = 0
    max_in_flight: int = 0  # the most requests the server was answering at once
    _lock: threading.Lock = field(default_factory=threading.Lock)
    stopped: threading.Event = field(default_factory=threading.Event)
    _server: ThreadingHTTPServer | None = None
    _thread: threading.Thread | None = None

    @property
    def base_url(self) -> str:
        assert self._server is not None, "start() the server first"
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/v1"

    def script(self, *answers: Answer) -> None:
        with self._lock:
            self.answers = list(answers)

    def next_answer(self) -> Answer:
        with self._lock:
            if not self.answers:
                return failure(500, "the test scripted no answer")
            return self.answers.pop(0) if len(self.answers) > 1 else self.answers[0]

    def record(self, body: dict[str, Any], headers: dict[str, str]) -> None:
        with self._lock:
            self.requests.append(body)
            self.headers.append(headers)

    def enter(self) -> None:
        with self._lock:
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)

    def leave(self) -> None:
        with self._lock:
            self.in_flight -= 1

    def start(self) -> FakeOpenAIServer:
        handler = _handler_for(self)
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.02,),
                                        daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self.stopped.set()  # releases hanging requests
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()


def _completion(answer: Answer, model: str) -> dict[str, Any]:
    return {
        "id": f"chatcmpl-fake-{time.monotonic_ns()}",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model,
        "choices": [{"index": 0, "finish_reason": "stop",
                     "message": {"role": "assistant", "content": answer.content}}],
        "usage": {"prompt_tokens": answer.prompt_tokens,
                  "completion_tokens": answer.completion_tokens,
                  "total_tokens": answer.prompt_tokens + answer.completion_tokens},
    }


def _handler_for(server: FakeOpenAIServer) -> type[BaseHTTPRequestHandler]:
    class ChatCompletionsHandler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:  # keep test output quiet
            return

        def do_POST(self) -> None:  # noqa: N802 - http.server's naming
            length = int(self.headers.get("Content-Length") or 0)
            body = json.loads(self.rfile.read(length) or b"{}")
            if not self.path.rstrip("/").endswith("/chat/completions"):
                self._send(404, {"error": {"message": f"no route {self.path}"}})
                return
            server.record(body, {k.lower(): v for k, v in self.headers.items()})
            answer = server.next_answer()
            server.enter()
            try:
                if answer.hang:
                    server.stopped.wait()
                    return
                if answer.delay_s:
                    time.sleep(answer.delay_s)
            finally:
                server.leave()
            if answer.raw is not None:
                self._send_bytes(answer.status, answer.raw, answer.headers)
                return
            payload = answer.body if answer.body is not None else _completion(
                answer, body.get("model", "fake"))
            if answer.echo_key:
                sent = self.headers.get("Authorization", "")
                payload = {"error": {
                    "message": f"Incorrect API key provided: {sent.removeprefix('Bearer ')}. "
                               f"Request headers: Authorization: {sent}",
                    "type": "invalid_request_error", "code": "invalid_api_key"}}
            self._send(answer.status, payload, answer.headers)

        def _send(self, status: int, payload: dict[str, Any],
                  headers: dict[str, str] | None = None) -> None:
            self._send_bytes(status, json.dumps(payload).encode(),
                             {"Content-Type": "application/json", **(headers or {})})

        def _send_bytes(self, status: int, raw: bytes, headers: dict[str, str]) -> None:
            try:
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(raw)))
                self.end_headers()
                self.wfile.write(raw)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (a timeout test); nothing is listening any more

    return ChatCompletionsHandler
