"""Shared fixtures: the real model and spaCy pipeline loaded once, real Chroma in temp folders, a real HTTP server."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from api.server import LiveServer, free_port  # noqa: F401 - re-exported for the tests
from ingest.extract.extractor import QuoteExtractor
from ingest.pipeline import Ingestor, build_extractor, build_ingestor
from ingest.readers import iter_documents
from kb.embedding import SentenceTransformerEmbedder
from kb.factory import open_knowledge_base
from kb.knowledge import KnowledgeBase
from kb.settings import Settings
from pg import PostgresServer, bindir

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
ABC = SEEDS / "abc-news-2017-04-03-sanctuary-cities-dhs-police.txt"
API_KEY = "test-key-0123456789"


@pytest.fixture(scope="session")
def embedder() -> SentenceTransformerEmbedder:
    settings = Settings()
    return SentenceTransformerEmbedder(settings.embedding_model)


@pytest.fixture(scope="session", autouse=True)
def _shared_onnx_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Every `kb serve` of the session (subprocesses too) finds the query model's ONNX export made by the first."""
    os.environ.setdefault("KB_ONNX_CACHE_DIR", str(tmp_path_factory.mktemp("onnx-cache")))


@pytest.fixture(scope="session")
def extractor() -> QuoteExtractor:
    return build_extractor(Settings())


@pytest.fixture(autouse=True)
def _shared_models(monkeypatch: pytest.MonkeyPatch, embedder: SentenceTransformerEmbedder, extractor: QuoteExtractor) -> None:
    """Code that builds its own model (the CLI, the API) gets the session's, so each loads once."""
    monkeypatch.setattr("kb.factory.build_embedder", lambda settings: embedder)
    monkeypatch.setattr("ingest.pipeline.build_extractor", lambda settings: extractor)


def make_settings(data_dir: Path, **overrides: object) -> Settings:
    return Settings(data_dir=data_dir, api_keys=[API_KEY], **overrides)


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    """One real PostgreSQL server for the session (scripts/test.sh installs Debian's package when missing)."""
    if bindir() is None:
        pytest.skip("PostgreSQL is not installed; scripts/test.sh installs it")
    with PostgresServer() as server:
        yield server


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return make_settings(tmp_path / "kb-data")


@pytest.fixture
def kb(settings: Settings, embedder: SentenceTransformerEmbedder) -> Iterator[KnowledgeBase]:
    base = open_knowledge_base(settings, embedder)
    yield base
    base.close()


@pytest.fixture
def ingestor(kb: KnowledgeBase, settings: Settings, extractor: QuoteExtractor) -> Ingestor:
    return build_ingestor(kb, settings, extractor)


def ingest_paths(ingestor: Ingestor, *paths: Path):  # type: ignore[no-untyped-def]
    return ingestor.ingest(iter_documents(list(paths)))


@pytest.fixture(scope="session")
def seeded_dir(tmp_path_factory: pytest.TempPathFactory, embedder: SentenceTransformerEmbedder, extractor: QuoteExtractor) -> Path:
    """A data folder with seeds/ ingested once per session; tests copy it rather than re-ingest."""
    data = tmp_path_factory.mktemp("seeded") / "kb-data"
    settings = make_settings(data)
    base = open_knowledge_base(settings, embedder)
    try:
        report = ingest_paths(build_ingestor(base, settings, extractor), SEEDS)
        assert report.failed == 0, report.errors
    finally:
        base.close()
    return data


@pytest.fixture
def seeded_settings(seeded_dir: Path, tmp_path: Path) -> Settings:
    copy = tmp_path / "kb-data"
    shutil.copytree(seeded_dir, copy)
    return make_settings(copy)


@pytest.fixture
def seeded_kb(seeded_settings: Settings, embedder: SentenceTransformerEmbedder) -> Iterator[KnowledgeBase]:
    base = open_knowledge_base(seeded_settings, embedder)
    yield base
    base.close()


@pytest.fixture
def live_server(seeded_settings: Settings, seeded_kb: KnowledgeBase, extractor: QuoteExtractor) -> Iterator[LiveServer]:
    from api.app import create_app

    app = create_app(seeded_settings, seeded_kb, build_ingestor(seeded_kb, seeded_settings, extractor))
    with LiveServer(app) as server:
        yield server


@pytest.fixture
def http(live_server: LiveServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=live_server.url, timeout=60) as client:
        yield client
