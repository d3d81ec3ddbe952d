"""Ingest rate through the job queue with 1 and 2 `kb worker` processes (PostgreSQL + a Chroma server).

python -m benchmarks.workers --database-url postgresql://postgres@127.0.0.1:5432/postgres --articles 48 --jobs 4 --workers 1,2

For each number of workers: a new database on that server, a new `chroma run`, the workers started and ready
(spaCy and the model loaded), then the same real articles (allsides) queued as --jobs uploads at once; the
clock runs from the first upload to the last job done. The load average is read before and after each run,
since on a shared machine it says how much of the cores the workers really had; the workers' CPU seconds
while the jobs ran say what the work cost whatever the load.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import httpx

from benchmarks.common import ALLSIDES, allsides_records


def _wait(check, what: str, seconds: float, logs: Path) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if check():
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    tails = "\n".join(f"--- {p.name}\n{p.read_text(errors='replace')[-2000:]}" for p in sorted(logs.glob("*.log")))
    raise SystemExit(f"{what} not within {seconds:.0f} s\n{tails}")


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time of a live process (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def one_run(admin_url: str, workers: int, uploads: list[bytes], folder: Path) -> dict[str, object]:
    """Start a fresh database, Chroma server and `workers` workers; queue the uploads; time them to done."""
    import psycopg

    from api.server import free_port
    from ingest.jobs import enqueue
    from kb.catalogue import open_catalogue
    from kb.settings import Settings

    name = "kb_bench_" + uuid.uuid4().hex[:8]
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    database_url = admin_url.rsplit("/", 1)[0] + "/" + name
    port = free_port()
    started: list[subprocess.Popen] = []
    try:
        with open(folder / "chroma.log", "wb") as log:
            started.append(subprocess.Popen([str(Path(sys.executable).parent / "chroma"), "run", "--path", str(folder / "chroma"),
                                             "--port", str(port)], stdout=log, stderr=log))
        chroma_url = f"http://127.0.0.1:{port}"
        _wait(lambda: httpx.get(chroma_url + "/api/v2/heartbeat", timeout=2).status_code == 200, "chroma", 60, folder)
        env = {**os.environ, "KB_DATABASE_URL": database_url, "KB_CHROMA_URL": chroma_url, "KB_DATA_DIR": str(folder / "data")}
        for n in range(workers):
            with open(folder / f"worker-{n}.log", "wb") as log:
                started.append(subprocess.Popen([sys.executable, "-m", "api.cli", "worker"], env=env, stdout=log, stderr=log))
        for n in range(workers):
            _wait(lambda n=n: "kb worker ready" in (folder / f"worker-{n}.log").read_text(errors="replace"), f"worker {n}", 300, folder)
        catalogue = open_catalogue(Settings(data_dir=folder / "data", database_url=database_url))
        try:
            load_before = os.getloadavg()
            cpu_before = sum(_cpu_seconds(w.pid) for w in started[1:])
            t0 = time.perf_counter()
            ids = [enqueue(catalogue, upload) for upload in uploads]
            jobs: list[dict[str, object]] = []

            def all_done() -> bool:
                nonlocal jobs
                jobs = [j for j in (catalogue.get_job(i) for i in ids) if j is not None]
                return all(j["status"] in ("done", "failed") for j in jobs)

            _wait(all_done, "the jobs", 3600, folder)
            elapsed = time.perf_counter() - t0
            load_after = os.getloadavg()
            cpu_s = sum(_cpu_seconds(w.pid) for w in started[1:]) - cpu_before  # the workers' own CPU for the jobs
            stats = catalogue.stats()
        finally:
            catalogue.close()
        return {
            "workers": workers, "jobs": len(ids), "documents": stats["documents"], "quotes": stats["quotes"],
            "failed": sum(int(j["failed"]) for j in jobs), "seconds": round(elapsed, 1),
            "docs_per_s": round(stats["documents"] / elapsed, 2), "workers_cpu_s": round(cpu_s, 1),
            "load_average_before": [round(x, 1) for x in load_before], "load_average_after": [round(x, 1) for x in load_after],
        }
    finally:
        for process in reversed(started):
            process.terminate()
            try:
                process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        with psycopg.connect(admin_url, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", required=True, help="a PostgreSQL server's admin database; a new database is made per run")
    parser.add_argument("--articles", type=int, default=48)
    parser.add_argument("--jobs", type=int, default=4, help="the articles are queued as this many uploads")
    parser.add_argument("--workers", default="1,2")
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args(argv)

    records = [r for r in allsides_records(ALLSIDES, args.articles * 2) if len(r["text"].split()) > 40][: args.articles]
    lines = [json.dumps(r) for r in records]
    uploads = ["\n".join(lines[i :: args.jobs]).encode() for i in range(args.jobs)]
    results = []
    for workers in (int(w) for w in args.workers.split(",")):
        for _ in range(args.runs):
            folder = Path(tempfile.mkdtemp(prefix="kb-bench-workers-"))
            try:
                results.append(one_run(args.database_url, workers, uploads, folder))
            finally:
                shutil.rmtree(folder, ignore_errors=True)
            print(json.dumps(results[-1]), file=sys.stderr)
    print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
