"""Ingest: idempotent, replaces changed documents everywhere, reports bad records and keeps the rest."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import ABC, SEEDS, ingest_paths

from ingest.pipeline import Ingestor
from kb.knowledge import KnowledgeBase
from kb.search import SearchQuery


def test_reingest_changes_nothing(kb: KnowledgeBase, ingestor: Ingestor) -> None:
    first = ingest_paths(ingestor, SEEDS)
    assert first.new == 5 and first.failed == 0
    before = kb.stats()
    again = ingest_paths(ingestor, SEEDS)
    assert (again.new, again.updated, again.unchanged) == (0, 0, 5)
    assert kb.stats() == before


def test_changed_document_replaces_its_quotes_and_vectors(kb: KnowledgeBase, ingestor: Ingestor, tmp_path: Path) -> None:
    record = {"title": "Council meeting", "url": "https://example.com/council?utm_source=x", "published": "2024-02-01",
              "text": 'Mayor Ann Lee said the bridge "will reopen in May, on schedule and on budget," at the meeting.'}
    path = tmp_path / "doc.jsonl"
    path.write_text(json.dumps(record))
    assert ingest_paths(ingestor, path).new == 1
    old = kb.search_quotes(SearchQuery(q="bridge reopen", mode="keyword")).results
    assert old and "May" in old[0].quote.text
    record["text"] = 'Mayor Ann Lee said the bridge "will stay closed until the autumn because of new cracks," at the meeting.'
    record["url"] = "https://example.com/council"  # same canonical URL: the same document
    path.write_text(json.dumps(record))
    report = ingest_paths(ingestor, path)
    assert report.updated == 1
    stats = kb.stats()
    assert stats["documents"] == 1
    texts = [h.quote.text for h in kb.search_quotes(SearchQuery(q="bridge", mode="semantic", limit=50)).results]
    assert any("autumn" in t for t in texts) and not any("May" in t for t in texts)
    assert stats["vectors"] == stats["chunks"] + stats["quotes"]  # no orphan vectors left behind


def test_bad_records_are_reported_and_the_rest_ingested(kb: KnowledgeBase, ingestor: Ingestor, tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join([
        json.dumps({"title": "ok 1", "text": "The governor said taxes would not rise this year at all."}),
        '{"title": broken',
        json.dumps({"title": "no text"}),
        json.dumps({"title": "ok 2", "text": "The senator said the bill would pass by Friday, aides said."}),
    ]))
    report = ingest_paths(ingestor, path, tmp_path / "missing.txt")
    assert report.new == 2 and report.failed == 3
    wheres = [w for w, _ in report.errors]
    assert f"{path}:2" in wheres and f"{path}:3" in wheres and str(tmp_path / "missing.txt") in wheres
    assert kb.stats()["documents"] == 2


def test_ingest_stores_quotes_with_canonical_speakers(kb: KnowledgeBase, ingestor: Ingestor) -> None:
    ingest_paths(ingestor, ABC)
    champagne = kb.speakers("Champagne")
    assert len(champagne) == 1
    assert champagne[0].name == "Greg Champagne"
    assert "Champage" in champagne[0].aliases  # the article misspells him once
