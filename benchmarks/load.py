"""Load on loopback: concurrent clients on GET /v1/search.

While ingesting (16 clients for 60 s while an ingest job runs, then a check that every document of
the job is searchable):
    python -m benchmarks.load --clients 16 --seconds 60 --articles 120

Search throughput against a built store (`benchmarks.search` builds it), one API process or two,
each `kb serve` in its own process; two share a Chroma server (`chroma run`) and the catalogue file;
the clients run in this process and take turns between the servers; --unique gives every request its
own query (the query-vector cache never answers), otherwise the 14 QUERIES repeat:
    python -m benchmarks.load --store /tmp/kb-bench-search --processes 1 --clients 8,16,32 --seconds 20 --unique

Bounded: a fixed number of client threads, each stopping at the deadline; only 127.0.0.1 is used;
every server process started is stopped at the end.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from benchmarks.common import ALLSIDES, allsides_records, percentile

QUERIES = [
    "ICE detainer requests", "guidance from the courts", "border security funding", "tax cuts for the middle class",
    "what did the sheriff say", "climate change policy", "health care costs", "foreign policy and Russia",
    "election security", "police reform", "immigration judges", "trade with China", "gun control", "jobs report",
]


def client(url: str, deadline: float, latencies: list[float], errors: list[str], seed: int, queries: list[str] | None = None) -> None:
    rng = random.Random(seed)
    with httpx.Client(base_url=url, timeout=30) as http:
        while time.monotonic() < deadline:
            q = queries.pop() if queries else rng.choice(QUERIES)
            t0 = time.perf_counter()
            try:
                r = http.get("/v1/search", params={"q": q, "limit": 10})
                if r.status_code != 200:
                    errors.append(f"HTTP {r.status_code}")
            except httpx.HTTPError as e:
                errors.append(type(e).__name__)
            latencies.append((time.perf_counter() - t0) * 1000)


def _wait_for(url: str, process: subprocess.Popen, path: str) -> None:
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline and process.poll() is None:
        try:
            if httpx.get(url + path, timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.3)
    raise SystemExit(f"{url} did not start")


def cpu_seconds(pids: list[int]) -> float:
    """CPU time (user + system) the processes have used so far, from /proc (Linux)."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for pid in pids:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += (int(fields[11]) + int(fields[12])) / tick  # utime, stime (fields 14 and 15 of stat)
    return total


@contextmanager
def api_processes(store: Path, count: int, pids: list[int] | None = None, database_url: str | None = None) -> Iterator[list[str]]:
    """`count` API processes on the store: the embedded one alone, or several on a Chroma server over its files."""
    from api.server import free_port

    started: list[subprocess.Popen] = []
    env = {**os.environ, "KB_DATA_DIR": str(store)}
    if database_url:
        env["KB_DATABASE_URL"] = database_url  # the catalogue in PostgreSQL (filled by benchmarks.search --database-url)
    try:
        if count > 1:
            port = free_port()
            chroma = subprocess.Popen([str(Path(sys.executable).parent / "chroma"), "run", "--path", str(store / "chroma"), "--port", str(port)],
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            started.append(chroma)
            if pids is not None:
                pids.append(chroma.pid)
            env["KB_CHROMA_URL"] = f"http://127.0.0.1:{port}"
            _wait_for(env["KB_CHROMA_URL"], chroma, "/api/v2/heartbeat")
        urls = []
        for _ in range(count):
            port = free_port()
            api = subprocess.Popen([sys.executable, "-m", "api.cli", "serve", "--port", str(port)], env=env,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            started.append(api)
            urls.append(f"http://127.0.0.1:{port}")
            if pids is not None:
                pids.append(api.pid)
            _wait_for(urls[-1], api, "/healthz")
        yield urls
    finally:
        for process in reversed(started):
            process.terminate()
            process.wait(timeout=30)


def _round(url_of: list[str], n: int, seconds: float, queries: list[str] | None, pids: list[int] | None = None) -> dict[str, object]:
    server_cpu, client_cpu = cpu_seconds(pids or []), time.process_time()
    latencies: list[float] = []
    errors: list[str] = []
    deadline = time.monotonic() + seconds
    threads = [threading.Thread(target=client, args=(url_of[i % len(url_of)], deadline, latencies, errors, i, queries)) for i in range(n)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - started
    server_cpu, client_cpu = cpu_seconds(pids or []) - server_cpu, time.process_time() - client_cpu
    per_request = 1000 / max(1, len(latencies))
    return {
        "clients": n, "seconds": round(elapsed, 1), "requests": len(latencies), "errors": len(errors),
        # what a search costs: the servers' CPU (Chroma's too) and the clients' own (HTTP in this process), per request
        "server_cpu_ms": round(server_cpu * per_request, 1), "client_cpu_ms": round(client_cpu * per_request, 1),
        "throughput_rps": round(len(latencies) / elapsed, 1), "p50_ms": round(percentile(latencies, 50), 1),
        "p95_ms": round(percentile(latencies, 95), 1), "p99_ms": round(percentile(latencies, 99), 1),
    }


def throughput(store: Path, processes: int, clients: list[int], seconds: float, unique: bool,
               database_url: str | None = None) -> list[dict[str, object]]:
    """Each number of clients in turn against the same servers, after a short warm-up that is not counted."""
    from benchmarks.search import queries_for

    pool = queries_for(100_000, 30_000) if unique else None
    pids: list[int] = []
    with api_processes(store, processes, pids, database_url) as urls:
        _round(urls, min(clients), 3, pool)
        return [{"processes": processes, "unique_queries": unique, **_round(urls, n, seconds, pool, pids)} for n in clients]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", default="16", help="one number, or several separated by commas (with --store)")
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--articles", type=int, default=120)
    parser.add_argument("--store", type=Path, default=None, help="a store built by benchmarks.search: measure throughput only")
    parser.add_argument("--processes", type=int, default=1)
    parser.add_argument("--unique", action="store_true", help="every request its own query")
    parser.add_argument("--database-url", default=None, help="with --store: the servers' catalogue in PostgreSQL")
    args = parser.parse_args(argv)
    clients = [int(c) for c in args.clients.split(",")]
    if args.store is not None:
        results = throughput(args.store, args.processes, clients, args.seconds, args.unique, args.database_url)
        print(json.dumps(results, indent=2))
        return 0 if all(r["errors"] == 0 for r in results) else 1
    args.clients = clients[0]

    from api.app import create_app
    from api.server import LiveServer
    from ingest.pipeline import build_ingestor
    from ingest.readers import iter_documents
    from kb.factory import open_knowledge_base
    from kb.settings import Settings

    records = [r for r in allsides_records(ALLSIDES, args.articles) if len(r["text"].split()) > 40]
    upload = "\n".join(json.dumps(r) for r in records).encode()
    key = "load-test-key"
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(data_dir=Path(tmp) / "kb-data", api_keys=[key])
        kb = open_knowledge_base(settings)
        build_ingestor(kb, settings).ingest(iter_documents([Path("seeds")]))
        with LiveServer(create_app(settings, kb)) as server, httpx.Client(base_url=server.url, timeout=60) as http:
            job_url = http.post("/v1/ingest/jobs", content=upload, headers={"X-API-Key": key}).json()["status_url"]
            latencies: list[float] = []
            errors: list[str] = []
            deadline = time.monotonic() + args.seconds
            threads = [threading.Thread(target=client, args=(server.url, deadline, latencies, errors, n)) for n in range(args.clients)]
            started = time.perf_counter()
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            elapsed = time.perf_counter() - started
            job = http.get(job_url).json()
            processed_during_load = job["processed"]
            while job["status"] in ("queued", "running"):
                time.sleep(1)
                job = http.get(job_url).json()
            missing = 0
            for r in records:  # every document of the job answers a phrase search for its own words
                words = " ".join(r["text"].split()[10:18])
                hits = http.get("/v1/passages", params={"q": words, "mode": "phrase", "limit": 5}).json()["results"]
                missing += not any(h["document"]["title"] == r["title"] for h in hits)
        kb.close()
    result = {
        "clients": args.clients, "seconds": round(elapsed, 1), "requests": len(latencies), "errors": len(errors),
        "throughput_rps": round(len(latencies) / elapsed, 1),
        "p50_ms": round(percentile(latencies, 50), 1), "p95_ms": round(percentile(latencies, 95), 1),
        "p99_ms": round(percentile(latencies, 99), 1),
        "job": {"status": job["status"], "new": job["new"], "failed": job["failed"], "processed_during_load": processed_during_load},
        "documents_not_searchable_after": missing, "documents_in_job": len(records),
    }
    print(json.dumps(result, indent=2))
    return 0 if not errors and not missing else 1


if __name__ == "__main__":
    raise SystemExit(main())
