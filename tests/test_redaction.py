"""Every credential shape a provider or driver may echo is masked; ordinary text is kept."""

from __future__ import annotations

import pytest

from assistant.redaction import MASK, redact_secrets

LEAKS = [
    ("Incorrect API key provided: sk-proj-abcDEF1234567890xyz.", "sk-proj-abcDEF1234567890xyz"),
    ("Incorrect API key provided: sk-abc123def456ghi789.", "sk-abc123def456ghi789"),
    ('{"headers": {"Authorization": "Bearer abcdefgh12345678"}}', "abcdefgh12345678"),
    ("authorization: Basic dXNlcjpwYXNzd29yZA==", "dXNlcjpwYXNzd29yZA=="),
    ("postgresql+psycopg://bob:hunter2secret@db:5432/x refused", "hunter2secret"),
    ("redis://:s3cretpass@127.0.0.1:6379/0", "s3cretpass"),
    ("GET /v1?api_key=XYZ123456789&x=1", "XYZ123456789"),
    ('{"password": "p4ssw0rd!"}', "p4ssw0rd!"),
    ("token ghp_abcdefghijklmnop1234", "ghp_abcdefghijklmnop1234"),
]


@pytest.mark.parametrize(("text", "secret"), LEAKS, ids=[s[:12] for _, s in LEAKS])
def test_a_key_shaped_secret_never_survives(text: str, secret: str) -> None:
    redacted = redact_secrets(text)
    assert secret not in redacted
    assert MASK in redacted


def test_the_configured_key_is_masked_whatever_its_shape() -> None:
    assert redact_secrets("echo: local-key-42x here", secrets=["local-key-42x"]) == (
        f"echo: {MASK} here")


@pytest.mark.parametrize("text", [
    "connection refused on 127.0.0.1:9",
    "the endpoint answered 500: internal error",
    "ask the skeptic about pricing",
    "http://localhost:8000/v1/chat/completions timed out",
], ids=["refused", "500", "sk-inside-word", "url-without-password"])
def test_ordinary_error_text_is_kept(text: str) -> None:
    assert redact_secrets(text, secrets=["", None, "abc"]) == text
