"""Ingest jobs: a JSONL upload ingested in the background, with progress and per-record errors kept in the catalogue."""

from __future__ import annotations

import gzip
import logging
import os
import queue
import socket
import threading
import uuid
from dataclasses import dataclass
from pathlib import Path

from ingest.pipeline import Ingestor, IngestReport
from ingest.readers import iter_jsonl_lines
from kb.catalogue import Catalogue
from kb.errors import InvalidInput

log = logging.getLogger("kb.jobs")


OWNER = f"{socket.gethostname()}:{os.getpid()}"


def _owner_is_dead(owner: str) -> bool:
    """Only this host's processes can be checked; jobs of other hosts are left to them."""
    host, _, pid = owner.rpartition(":")
    if host != socket.gethostname() or not pid.isdigit():
        return False
    if int(pid) == os.getpid():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def interrupt_orphaned_jobs(catalogue: Catalogue) -> int:
    """Mark the unfinished jobs of dead processes on this host as interrupted (called at start-up)."""
    return catalogue.interrupt_jobs_of_dead_owners(_owner_is_dead)


@dataclass
class _Job:
    id: str
    path: Path
    kind: str | None
    publisher: str | None


class JobRunner:
    """One worker thread: jobs run one after another, so the store sees a single writer."""

    def __init__(self, ingestor: Ingestor, folder: Path, write_lock: threading.Lock) -> None:
        self.ingestor = ingestor
        self.catalogue = ingestor.kb.catalogue
        self.folder = folder
        self.write_lock = write_lock
        self.folder.mkdir(parents=True, exist_ok=True)
        interrupt_orphaned_jobs(self.catalogue)
        self._queue: queue.Queue[_Job | None] = queue.Queue()
        self._thread = threading.Thread(target=self._work, name="kb-ingest-jobs", daemon=True)
        self._thread.start()

    def submit(self, upload: bytes, kind: str | None = None, publisher: str | None = None) -> str:
        if upload[:2] == b"\x1f\x8b":
            try:
                upload = gzip.decompress(upload)
            except (OSError, EOFError) as e:
                raise InvalidInput("the upload starts like gzip but is not valid gzip") from e
        job_id = "job_" + uuid.uuid4().hex[:16]
        path = self.folder / f"{job_id}.jsonl"
        path.write_bytes(upload)
        self.catalogue.create_job(job_id, OWNER)
        self._queue.put(_Job(job_id, path, kind, publisher))
        return job_id

    def close(self) -> None:
        self._queue.put(None)
        self._thread.join(timeout=30)

    def _work(self) -> None:
        while (job := self._queue.get()) is not None:
            try:
                self._run(job)
            except Exception:  # a job must never take the worker down with it
                log.exception("ingest job %s failed", job.id)
                self.catalogue.update_job(job.id, "failed", {}, [{"where": job.id, "message": "internal error; see the server log"}], True)

    def _run(self, job: _Job) -> None:
        text = job.path.read_text(encoding="utf-8", errors="replace")
        items = iter_jsonl_lines(iter(text.splitlines()), "line")
        processed = 0
        report = IngestReport()

        def progress(n: int) -> None:
            nonlocal processed
            processed += n
            self._save(job.id, "running", report, processed)

        self._save(job.id, "running", report, 0)
        with self.write_lock:
            report = self.ingestor.ingest(items, kind=job.kind, publisher=job.publisher, on_progress=progress, report=report)
        self._save(job.id, "done", report, processed, finished=True)
        job.path.unlink(missing_ok=True)

    def _save(self, job_id: str, status: str, report: IngestReport, processed: int, finished: bool = False) -> None:
        counts = {"processed": processed, "new": report.new, "updated": report.updated, "unchanged": report.unchanged, "failed": report.failed}
        errors = [{"where": w, "message": m} for w, m in report.errors[:1000]]
        self.catalogue.update_job(job_id, status, counts, errors, finished)
