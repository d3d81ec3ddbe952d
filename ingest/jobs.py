"""Ingest jobs: JSONL uploads queued in the catalogue and worked off by workers that hold a renewable lease.

The API only enqueues. A `JobWorker` takes the oldest job (or one whose worker died: its lease ran out),
skips the records an earlier attempt already counted, and saves progress after each batch. Re-ingest is
idempotent (deterministic ids, unchanged documents skipped), so a record stored just before a crash and
seen again is counted `unchanged`, never stored twice. On the embedded default the API process runs one
worker thread itself; with PostgreSQL and a Chroma server, `kb worker` processes do.
"""

from __future__ import annotations

import dataclasses
import gzip
import logging
import os
import socket
import threading
import uuid
from collections.abc import Callable, Iterator

from ingest.pipeline import Ingestor, IngestReport
from ingest.readers import ReaderError, RawDocument, iter_jsonl_lines
from kb.catalogue import Catalogue, ClaimedJob
from kb.errors import InvalidInput, KBError

log = logging.getLogger("kb.jobs")

OWNER = f"{socket.gethostname()}:{os.getpid()}"
MAX_ATTEMPTS = 5  # a job that kills its worker this often is failed, not retried for ever


def owner_is_dead(owner: str) -> bool:
    """Only this host's processes can be checked; other hosts' jobs wait for their lease to run out."""
    host, _, pid = owner.rpartition(":")
    if host != socket.gethostname() or not pid.isdigit() or int(pid) == os.getpid():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def decode_upload(upload: bytes) -> bytes:
    if upload[:2] == b"\x1f\x8b":
        try:
            return gzip.decompress(upload)
        except (OSError, EOFError) as e:
            raise InvalidInput("the upload starts like gzip but is not valid gzip") from e
    return upload


def enqueue(catalogue: Catalogue, upload: bytes, kind: str | None = None, publisher: str | None = None) -> str:
    """Queue a JSONL upload (gzip allowed) for the workers; its job id."""
    job_id = "job_" + uuid.uuid4().hex[:16]
    catalogue.enqueue_job(job_id, decode_upload(upload), kind, publisher, OWNER)
    return job_id


class JobWorker:
    """Takes jobs from the queue one at a time and ingests them; `stop` ends it after the document being stored."""

    def __init__(self, catalogue: Catalogue, ingestor: Callable[[], Ingestor], lease_s: float = 30.0, poll_s: float = 1.0,
                 write_lock: threading.Lock | None = None, owner: str = OWNER) -> None:
        self.catalogue = catalogue
        self.ingestor = ingestor  # built on the first job, so an idle API never loads spaCy
        self.lease_s, self.poll_s = lease_s, poll_s
        self.write_lock = write_lock or threading.Lock()
        self.owner = owner
        self.stop = threading.Event()
        self.wake = threading.Event()

    def run(self) -> None:
        """Work until stopped; jobs of dead processes on this host go back to the queue first."""
        self.catalogue.requeue_jobs_of_dead_owners(owner_is_dead)
        while not self.stop.is_set():
            try:
                if not self.run_one():
                    self.wake.wait(self.poll_s)
                    self.wake.clear()
            except KBError as e:  # the store is down: wait and try again, never die
                log.warning("job queue unavailable: %s", e)
                self.stop.wait(max(self.poll_s, 5.0))

    def run_one(self) -> bool:
        """Take and work one job; False when the queue is empty."""
        job = self.catalogue.claim_job(self.owner, self.lease_s)
        if job is None:
            return False
        if job.attempts > MAX_ATTEMPTS:
            errors = [*job.errors, {"where": job.id, "message": f"gave up after {MAX_ATTEMPTS} attempts; see the workers' logs"}]
            self.catalogue.update_job(job.id, "failed", job.counts, errors, finished=True, owner=self.owner)
            return True
        try:
            self._work(job)
        except Exception:  # a job must never take the worker down with it
            log.exception("ingest job %s failed", job.id)
            self.catalogue.update_job(job.id, "failed", job.counts,
                                      [*job.errors, {"where": job.id, "message": "internal error; see the worker's log"}], True, self.owner)
        return True

    def _work(self, job: ClaimedJob) -> None:
        done = job.counts.get("processed", 0)
        report = IngestReport(new=job.counts.get("new", 0), updated=job.counts.get("updated", 0),
                              unchanged=job.counts.get("unchanged", 0), failed=job.counts.get("failed", 0),
                              errors=[(e["where"], e["message"]) for e in job.errors])
        lost = threading.Event()
        processed = done
        saved = _checkpoint(report)  # what the queue holds: whole batches, so a resumed job counts each record once
        exhausted = False

        def records() -> Iterator[RawDocument | ReaderError]:
            nonlocal exhausted
            text = job.payload.decode("utf-8", errors="replace")
            for n, item in enumerate(iter_jsonl_lines(iter(text.splitlines()), "line")):
                if n < done:  # counted by an earlier attempt
                    continue
                if self.stop.is_set() or lost.is_set():
                    return
                yield item
            exhausted = True

        def progress(n: int) -> None:
            nonlocal processed, saved
            processed += n
            saved = _checkpoint(report)
            if not self._save(job.id, "running", saved, processed):
                lost.set()

        heartbeat = threading.Thread(target=self._heartbeat, args=(job.id, lost), daemon=True, name="kb-job-lease")
        heartbeat.start()
        try:
            self._save(job.id, "running", saved, processed)
            with self.write_lock:
                # `stop` ends the ingest after the document being stored; the rest of its batch is left to the next worker
                self.ingestor().ingest(records(), kind=job.kind, publisher=job.publisher, on_progress=progress, report=report,
                                       stop=self.stop)
        finally:
            lost.set()  # ends the heartbeat
            heartbeat.join(timeout=5)
        if exhausted and not report.stopped:
            self._save(job.id, "done", report, processed, finished=True)
        elif self.stop.is_set():
            # Saved counts stop at the last whole batch: documents stored after it are seen again as `unchanged`.
            self._save(job.id, "running", saved, processed)
            self.catalogue.release_job(job.id, self.owner)
            log.info("ingest job %s handed back to the queue after %d records", job.id, processed)

    def _heartbeat(self, job_id: str, lost: threading.Event) -> None:
        while not lost.wait(self.lease_s / 3):
            try:
                if not self.catalogue.renew_job(job_id, self.owner, self.lease_s):
                    log.warning("ingest job %s was taken over by another worker", job_id)
                    lost.set()
            except KBError as e:
                log.warning("could not renew the lease of job %s: %s", job_id, e)

    def _save(self, job_id: str, status: str, report: IngestReport, processed: int, finished: bool = False) -> bool:
        counts = {"processed": processed, "new": report.new, "updated": report.updated, "unchanged": report.unchanged, "failed": report.failed}
        errors = [{"where": w, "message": m} for w, m in report.errors[:1000]]
        return self.catalogue.update_job(job_id, status, counts, errors, finished, owner=self.owner)


def _checkpoint(report: IngestReport) -> IngestReport:
    """The counts and errors as they stand, copied so the records stored after them do not change them."""
    return dataclasses.replace(report, errors=list(report.errors))


class JobRunner:
    """The API's side of the queue: enqueue, and on the embedded default also work the queue in one thread."""

    def __init__(self, catalogue: Catalogue, ingestor: Callable[[], Ingestor], write_lock: threading.Lock, in_process: bool,
                 lease_s: float = 30.0) -> None:
        self.catalogue = catalogue
        self.worker: JobWorker | None = None
        self._thread: threading.Thread | None = None
        if in_process:
            self.worker = JobWorker(catalogue, ingestor, lease_s=lease_s, write_lock=write_lock)
            self._thread = threading.Thread(target=self.worker.run, name="kb-ingest-jobs", daemon=True)
            self._thread.start()

    def submit(self, upload: bytes, kind: str | None = None, publisher: str | None = None) -> str:
        job_id = enqueue(self.catalogue, upload, kind, publisher)
        if self.worker is not None:
            self.worker.wake.set()
        return job_id

    def close(self) -> None:
        if self.worker is not None and self._thread is not None:
            self.worker.stop.set()
            self.worker.wake.set()
            self._thread.join(timeout=30)
