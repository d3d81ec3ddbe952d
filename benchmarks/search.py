"""Search latency at scale: p50/p95 of GET /v1/search over real HTTP, with and without a speaker filter.

python -m benchmarks.search --quotes 100000 --queries 200

Quotes are sentences of real news articles (allsides), 50 to a document, each given one of 2,000
speakers; they are embedded with the real model and stored in a fresh embedded store (or reused
with --store DIR). The server runs in this process on loopback; requests are sequential.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from pathlib import Path

import httpx

from benchmarks.common import ALLSIDES, allsides_records, peak_rss_mb, percentile

_SENTENCE = re.compile(r"[^.!?]{40,300}[.!?]")


def sentences(limit: int) -> list[str]:
    out: list[str] = []
    for record in allsides_records(ALLSIDES, 100_000):
        out.extend(s.strip() for s in _SENTENCE.findall(record["text"]))
        if len(out) >= limit:
            break
    return out[:limit]


def build(kb, n_quotes: int, speakers: list[str]) -> None:  # type: ignore[no-untyped-def]
    from kb.ids import document_id, quote_id
    from kb.models import Document, Quote, SpeakerRef

    texts = sentences(n_quotes)
    rng = random.Random(7)
    started = time.perf_counter()
    batch_docs = []
    for start in range(0, len(texts), 50):
        body = "\n\n".join(texts[start : start + 50])
        doc = Document(id=document_id(f"https://bench.example/{start}", body), text=body, title=f"Bench {start}",
                       url=f"https://bench.example/{start}", published=f"20{10 + start % 10}-0{1 + start % 9}-15",
                       publisher=rng.choice(["Wire A", "Paper B", "Site C"]), kind="article", content_hash=str(start))
        quotes, cursor = [], 0
        for t in texts[start : start + 50]:
            q = Quote(text=t, start=cursor, end=cursor + len(t), kind="direct", speaker=SpeakerRef(name=rng.choice(speakers), resolution="named"))
            q.id, q.document_id = quote_id(doc.id, q.start, q.end), doc.id
            quotes.append(q)
            cursor += len(t) + 2
        batch_docs.append((doc, quotes))
        if len(batch_docs) == 20:
            _store(kb, batch_docs)
            batch_docs = []
            done = start + 50
            print(f"\rstored {done}/{len(texts)} quotes ({done / (time.perf_counter() - started):.0f}/s)", end="", file=sys.stderr)
    _store(kb, batch_docs)
    print(file=sys.stderr)


def _store(kb, docs) -> None:  # type: ignore[no-untyped-def]
    vectors = kb.embed_units([], [q for _, qs in docs for q in qs])
    for doc, quotes in docs:
        kb.store(doc, [], quotes, vectors)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quotes", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--store", type=Path, default=Path("/tmp/kb-bench-search"))
    args = parser.parse_args(argv)

    from api.app import create_app
    from api.server import LiveServer
    from kb.factory import open_knowledge_base
    from kb.settings import Settings

    settings = Settings(data_dir=args.store)
    kb = open_knowledge_base(settings)
    speakers = [f"Speaker{n:04d} Person" for n in range(2000)]
    if kb.stats()["quotes"] < args.quotes:
        build(kb, args.quotes, speakers)
    stats = kb.stats()
    queries = [s[:60] for s in sentences(args.quotes + args.queries)[-args.queries:]]
    rng = random.Random(11)
    result: dict[str, object] = {"quotes": stats["quotes"], "documents": stats["documents"], "queries": len(queries)}
    with LiveServer(create_app(settings, kb)) as server, httpx.Client(base_url=server.url, timeout=60) as http:
        http.get("/v1/search", params={"q": "warm up"})
        for label, extra in (("no filter", lambda: {}), ("speaker filter", lambda: {"speaker": rng.choice(speakers)})):
            for mode in ("hybrid", "semantic", "keyword"):
                times = []
                for q in queries:
                    t0 = time.perf_counter()
                    r = http.get("/v1/search", params={"q": q, "mode": mode, "limit": 10, **extra()})
                    times.append((time.perf_counter() - t0) * 1000)
                    assert r.status_code == 200, r.text
                result[f"{label} / {mode}"] = {"p50_ms": round(percentile(times, 50), 1), "p95_ms": round(percentile(times, 95), 1)}
    kb.close()
    result["peak_rss_mb"] = round(peak_rss_mb())
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
