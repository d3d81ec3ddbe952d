"""Load on loopback: 16 concurrent clients on GET /v1/search for 60 s while an ingest job runs,
then a check that every document of the job is searchable.

python -m benchmarks.load --clients 16 --seconds 60 --articles 120

Bounded: a fixed number of client threads, each stopping at the deadline; only 127.0.0.1 is used.
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import threading
import time
from pathlib import Path

import httpx

from benchmarks.common import ALLSIDES, allsides_records, percentile

QUERIES = [
    "ICE detainer requests", "guidance from the courts", "border security funding", "tax cuts for the middle class",
    "what did the sheriff say", "climate change policy", "health care costs", "foreign policy and Russia",
    "election security", "police reform", "immigration judges", "trade with China", "gun control", "jobs report",
]


def client(url: str, deadline: float, latencies: list[float], errors: list[str], seed: int) -> None:
    rng = random.Random(seed)
    with httpx.Client(base_url=url, timeout=30) as http:
        while time.monotonic() < deadline:
            t0 = time.perf_counter()
            try:
                r = http.get("/v1/search", params={"q": rng.choice(QUERIES), "limit": 10})
                if r.status_code != 200:
                    errors.append(f"HTTP {r.status_code}")
            except httpx.HTTPError as e:
                errors.append(type(e).__name__)
            latencies.append((time.perf_counter() - t0) * 1000)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--articles", type=int, default=120)
    args = parser.parse_args(argv)

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
