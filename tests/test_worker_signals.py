"""`kb worker` as a real process on PostgreSQL: SIGTERM mid-job finishes the records in hand, hands the job back, exits 0."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from conftest import ROOT, make_settings
from test_bulk import article, write_jsonl

from ingest.jobs import JobWorker, enqueue
from ingest.pipeline import build_ingestor
from kb.catalogue import open_catalogue
from kb.factory import open_knowledge_base

RECORDS = 64  # the signal lands after the first batch of 16 is saved, so mid-job whatever the machine's speed


def _log(path: Path) -> str:
    return path.read_text(errors="replace")[-4000:] if path.exists() else "(no log)"


def test_sigterm_mid_job_hands_the_job_back_and_the_next_worker_stores_each_document_once(postgres, tmp_path, embedder, extractor) -> None:  # type: ignore[no-untyped-def]
    settings = make_settings(tmp_path / "data", database_url=postgres.new_database(), job_lease_seconds=3)
    catalogue = open_catalogue(settings)
    try:
        job_id = enqueue(catalogue, write_jsonl(tmp_path / "job.jsonl", [article(n) for n in range(RECORDS)]).read_bytes())
    finally:
        catalogue.close()

    env = {**os.environ, "KB_DATA_DIR": str(settings.data_dir), "KB_DATABASE_URL": str(settings.database_url),
           "KB_JOB_LEASE_SECONDS": "3"}
    log = tmp_path / "worker.log"
    with open(log, "wb") as out:
        worker = subprocess.Popen([sys.executable, "-m", "api.cli", "worker"], cwd=ROOT, env=env, stdout=out, stderr=out)
    catalogue = open_catalogue(settings)
    try:
        deadline = time.monotonic() + 180  # the worker loads spaCy and the model first
        seen: dict[str, object] | None = None
        while time.monotonic() < deadline and worker.poll() is None:
            seen = catalogue.get_job(job_id)
            if seen and seen["processed"] > 0:  # type: ignore[operator]
                break
            time.sleep(0.05)
        else:
            worker.kill()
            raise AssertionError(f"the worker stored nothing (exit {worker.poll()}, job {seen}):\n{_log(log)}")
        signalled = time.monotonic()
        worker.send_signal(signal.SIGTERM)
        try:
            code = worker.wait(timeout=60)
        except subprocess.TimeoutExpired:
            worker.kill()
            raise AssertionError(f"the worker did not stop within 60 s of SIGTERM:\n{_log(log)}") from None
        took = time.monotonic() - signalled
        assert code == 0, _log(log)
        assert took < 20, f"{took:.1f} s from SIGTERM to exit:\n{_log(log)}"
        job = catalogue.get_job(job_id)
        assert job is not None and job["status"] == "queued", (job, _log(log))
        assert 0 < job["processed"] < RECORDS and job["processed"] == job["new"], (job, _log(log))  # type: ignore[operator]
        assert "handed back to the queue" in _log(log)
    finally:
        catalogue.close()

    kb = open_knowledge_base(settings, embedder)  # the next worker, on the same PostgreSQL and vector store
    try:
        assert JobWorker(kb.catalogue, lambda: build_ingestor(kb, settings, extractor), lease_s=3, owner="host:next").run_one()
        job = kb.catalogue.get_job(job_id)
        assert job is not None and (job["status"], job["processed"], job["failed"]) == ("done", RECORDS, 0), job
        assert job["new"] + job["unchanged"] == RECORDS, job  # a document stored after the last saved batch is seen again, unchanged
        stats = kb.stats()  # each document, quote and chunk once in the catalogue, and one vector each in Chroma
        assert stats["documents"] == RECORDS and stats["quotes"] >= RECORDS, stats
        assert stats["vectors"] == stats["quotes"] + stats["chunks"], stats
    finally:
        kb.close()
