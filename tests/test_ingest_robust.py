"""Bulk ingest on awkward input: two threads sharing the model, one broken document, a store that fails."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time

import pytest
from conftest import ROOT

from ingest.pipeline import build_ingestor, to_document
from ingest.readers import RawDocument
from kb.errors import StoreUnavailable
from kb.vectors import CHUNKS, QUOTES

WORDS = "border policy funding council district homes traffic sheriff courts guidance families asylum officers".split()


def mixed_documents(count: int, seed: int = 7, longest: int = 10) -> list[RawDocument]:
    """Short notes and long reports, each with quotes of very different lengths (ragged embedding batches)."""
    rng = random.Random(seed)
    docs = []
    for n in range(count):
        paragraphs = []
        for p in range(rng.choice([1, 2, longest])):
            said = " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 120)))
            rest = " ".join(rng.choice(WORDS) for _ in range(rng.randint(5, 160)))
            paragraphs.append(f'Mayor Ana Ortiz said "{said}." Residents worried about street {p}. {rest}.')
        text = "\n\n".join(paragraphs)
        docs.append(RawDocument(text=text, source=f"mixed.jsonl:{n + 1}", title=f"Report {n}", url=f"https://x.example/{n}",
                                published="2024-01-02", publisher="Example", size=len(text)))
    return docs


def test_counting_while_embedding_in_another_thread_never_breaks_a_batch(embedder) -> None:  # type: ignore[no-untyped-def]
    # The ingest parse thread counts word pieces while the main thread embeds: before the fix the shared
    # tokenizer's padding was switched off mid-batch within a second or two ("Unable to create tensor").
    stop = threading.Event()
    counts: list[int] = []

    def count() -> None:
        while not stop.is_set():
            counts.append(embedder.count_tokens("word " * 600))

    counter = threading.Thread(target=count)
    counter.start()
    try:
        deadline = time.monotonic() + 3
        rounds = 0
        while time.monotonic() < deadline or rounds < 3:
            vectors = embedder.embed(["short", "a somewhat longer text " * 10, "x " * 300, "y " * 40])
            assert vectors.shape == (4, 384)
            rounds += 1
    finally:
        stop.set()
        counter.join()
    assert counts and set(counts) == {602}  # never cut at the model's limit either


def test_threaded_pipeline_over_long_and_short_texts_stores_everything(kb, settings, extractor) -> None:  # type: ignore[no-untyped-def]
    ingestor = build_ingestor(kb, settings, extractor)
    ingestor.batch_size = 4  # many small batches: many overlaps of the parse and embed threads
    docs = mixed_documents(20)
    seen: list[int] = []
    report = ingestor.ingest(docs, on_record=lambda r: seen.append(r.input_done))
    assert (report.new, report.failed) == (20, 0), report.errors
    assert seen == sorted(seen) and seen[-1] == sum(d.size for d in docs)  # progress by input size, to the end
    stats = kb.stats()
    assert stats["vectors"] >= stats["chunks"] + stats["quotes"] > 20


def test_a_document_that_breaks_a_step_fails_alone_with_its_line(kb, settings, extractor, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    ingestor = build_ingestor(kb, settings, extractor)
    docs = mixed_documents(6, seed=3, longest=2)
    poison = docs[2].text
    original = ingestor.chunker.split

    def split(doc_id: str, text: str):  # type: ignore[no-untyped-def]
        if text == poison:
            raise ValueError("tokenizer exploded")
        return original(doc_id, text)

    monkeypatch.setattr(ingestor.chunker, "split", split)
    report = ingestor.ingest(docs)
    assert (report.new, report.failed) == (5, 1)
    assert report.errors == [("mixed.jsonl:3", "ValueError: tokenizer exploded")]


def test_a_store_outage_stops_the_run_with_its_type(kb, settings, extractor, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    ingestor = build_ingestor(kb, settings, extractor)
    calls = {"n": 0}
    original = kb.vectors.upsert

    def upsert(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] > 4:  # two documents in, then the store goes away
            raise StoreUnavailable("the vector store did not answer (ConnectionError)")
        return original(*args, **kwargs)

    monkeypatch.setattr(kb.vectors, "upsert", upsert)
    with pytest.raises(StoreUnavailable):
        ingestor.ingest(mixed_documents(8, seed=5, longest=2))
    assert kb.stats()["documents"] == 2
    assert kb.vectors.count(CHUNKS) + kb.vectors.count(QUOTES) >= 1


def test_check_finds_and_repair_mends_what_a_crash_leaves(kb, settings, extractor) -> None:  # type: ignore[no-untyped-def]
    ingestor = build_ingestor(kb, settings, extractor)
    docs = mixed_documents(3, seed=11, longest=2)
    assert ingestor.ingest(docs).new == 3
    assert kb.check().consistent
    # A crash after the vectors of a new document but before its catalogue commit leaves orphans behind...
    doc = to_document(mixed_documents(4, seed=12, longest=2)[3])
    quotes, chunks = ingestor.extract(doc), ingestor.chunker.split(doc.id, doc.text)
    kb._write_vectors(doc, chunks, quotes, kb.embed_units(chunks, quotes))
    # ...and a vector lost from a stored document leaves a chunk that search cannot find by meaning.
    lost = next(iter(kb.vectors.owners(CHUNKS)))
    kb.vectors.delete(CHUNKS, [lost])
    found = kb.check()
    assert found.orphan_vectors == len(chunks) + sum(len(kb.quote_windows(q)) for q in quotes) > 0
    assert found.missing_vectors == 1 and not found.consistent
    assert kb.check(repair=True).repaired
    assert kb.check().consistent
    stats = kb.stats()
    assert stats["vectors"] >= stats["chunks"] + stats["quotes"]


def test_ctrl_c_stops_soon_says_how_to_resume_and_a_rerun_finishes(tmp_path) -> None:  # type: ignore[no-untyped-def]
    records = [{"title": d.title, "url": d.url, "published": d.published, "publisher": d.publisher, "text": d.text}
               for d in mixed_documents(30, seed=21, longest=3)]
    source = tmp_path / "many.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in records))
    data = tmp_path / "data"
    env = {**os.environ, "KB_DATA_DIR": str(data), "KB_PROGRESS_SECONDS": "0.2"}
    proc = subprocess.Popen([sys.executable, "-m", "api.cli", "ingest", str(source)], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline and proc.poll() is None and _stored(data) < 3:
        time.sleep(0.1)
    assert proc.poll() is None, "ingest finished before it could be interrupted"
    proc.send_signal(signal.SIGINT)
    asked = time.monotonic()
    out, err = proc.communicate(timeout=60)
    waited = time.monotonic() - asked
    assert proc.returncode == 130 and waited < 20, (waited, err)
    assert "re-run the same command to resume" in err and "Traceback" not in err
    assert "ingest: " in err and "docs/s" in err  # progress lines although stderr is not a terminal
    assert "Loading weights" not in err
    rerun = subprocess.run([sys.executable, "-m", "api.cli", "ingest", str(source), "--format", "json"], cwd=ROOT, env=env,
                           capture_output=True, text=True, timeout=600)
    report = json.loads(rerun.stdout)
    assert rerun.returncode == 0 and report["unchanged"] >= 3 and report["new"] + report["unchanged"] == 30
    check = subprocess.run([sys.executable, "-m", "api.cli", "check"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert check.returncode == 0 and check.stdout.startswith("consistent"), check.stdout + check.stderr


def _stored(data) -> int:  # type: ignore[no-untyped-def]
    try:
        with sqlite3.connect(data / "catalogue.sqlite3", timeout=1) as db:
            return int(db.execute("SELECT count(*) FROM documents").fetchone()[0])
    except sqlite3.Error:
        return 0


def test_a_store_outage_while_posting_a_document_is_a_503_like_reads(live_server, seeded_kb, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import httpx
    from conftest import API_KEY

    def down(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise StoreUnavailable("the vector store did not answer (ConnectionError)")

    monkeypatch.setattr(seeded_kb.vectors, "upsert", down)
    body = {"title": "Outage", "text": 'Mayor Ana Ortiz said "the plan will bring new homes to the area within a year."'}
    r = httpx.post(live_server.url + "/v1/documents", json=body, headers={"Authorization": f"Bearer {API_KEY}"}, timeout=60)
    assert r.status_code == 503 and r.json()["error"]["code"] == "unavailable"
