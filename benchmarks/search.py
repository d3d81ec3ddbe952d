"""Search latency at scale: p50/p95/p99 of GET /v1/search over real HTTP, per mode and filter.

python -m benchmarks.search --quotes 100000 --embedded 3000 --queries 200 --runs 3 --store /tmp/kb-bench-search

The same store on the deployment's backends: `--chroma-url` names a `chroma run --path STORE/chroma` server and
`--database-url` a PostgreSQL database, which is filled once from the store's SQLite catalogue (same quotes,
speakers and ids, so the same vectors):
python -m benchmarks.search --store /tmp/kb-bench-search --database-url postgresql://… --chroma-url http://127.0.0.1:8001

Quotes are sentences of real news articles (allsides), 50 to a document (dated 2010-2019), each
given one of 2,000 speakers in 50 organisations. The first --embedded quotes get the real model's
vectors, the others a real vector plus noise (see build). The store is built once under --store and
reused. The server runs in this process on loopback; requests are sequential; every (filter, mode, run)
gets its own queries, so the query-vector cache never serves a measured search. Each figure is the
median over --runs runs.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import statistics
import sys
import time
from pathlib import Path

import httpx
import numpy as np

from benchmarks.common import ALLSIDES, allsides_records, peak_rss_mb, percentile

_SENTENCE = re.compile(r"[^.!?]{40,300}[.!?]")


def sentences(limit: int) -> list[str]:
    out: list[str] = []
    for record in allsides_records(ALLSIDES, 100_000):
        out.extend(s.strip() for s in _SENTENCE.findall(record["text"]))
        if len(out) >= limit:
            break
    return out[:limit]


_FIRST = ("Ana Ben Carla Dev Elena Farid Grace Hiro Ines Jamal Kira Luis Maya Nikos Olga Pavel Quinn Rosa Sami Tara Umar Vera Wade"
          " Xena Yusuf Zoe Aldo Bianca Cyrus Dina Emil Fiona Goran Hana Ivo Jana Karim Lena Milo Nora Oscar Petra Rami Sofia Tomas"
          " Uma Viktor Wanda Yara Zane").split()
_LAST = ("Abara Brandt Castillo Dimitrov Eriksen Fontaine Gallo Haddad Ibarra Jovanovic Kowalski Lindqvist Moreau Nakamura Oyelaran"
         " Petrov Quintero Rossi Santos Tanaka Ueda Varga Weber Xu Yilmaz Zielinski Achebe Bauer Costa Delgado Engel Ferreira Grieco"
         " Horvat Iverson Jansen Keller Lopez Mendez Novak").split()


def speaker_refs() -> list[tuple[str, str]]:
    """2,000 named speakers (50 first names x 40 surnames) in 50 organisations (about 2% of the quotes each)."""
    return [(f"{_FIRST[n % 50]} {_LAST[n // 50]}", f"Agency {(n + n // 50) % 50:02d}X") for n in range(2000)]


def build(kb, n_quotes: int, speakers: list[tuple[str, str]], embedded: int) -> None:  # type: ignore[no-untyped-def]
    """Store n_quotes real sentences; the first `embedded` get the real model's vectors, the rest a real
    vector plus noise (cosine about 0.85 to it), which keeps the index's shape without hours of embedding."""
    from kb.ids import document_id, quote_id
    from kb.models import Document, Quote, SpeakerRef

    texts = sentences(n_quotes)
    rng = random.Random(7)
    noise = np.random.default_rng(7)
    real: list[np.ndarray] = []
    started = time.perf_counter()
    batch_docs = []
    for n, start in enumerate(range(0, len(texts), 50)):
        body = "\n\n".join(texts[start : start + 50])
        doc = Document(id=document_id(f"https://bench.example/{start}", body), text=body, title=f"Bench {start}",
                       url=f"https://bench.example/{start}", published=f"{2010 + n % 10}-{1 + n % 12:02d}-15",
                       publisher=rng.choice(["Wire A", "Paper B", "Site C"]), kind="article", content_hash=str(start))
        quotes, cursor = [], 0
        for t in texts[start : start + 50]:
            name, org = rng.choice(speakers)
            q = Quote(text=t, start=cursor, end=cursor + len(t), kind="direct", speaker=SpeakerRef(name=name, organization=org, resolution="named"))
            q.id, q.document_id = quote_id(doc.id, q.start, q.end), doc.id
            quotes.append(q)
            cursor += len(t) + 2
        batch_docs.append((doc, quotes))
        if len(batch_docs) == 20:
            _store(kb, batch_docs, real, embedded, noise)
            batch_docs = []
            done = start + 50
            print(f"\rstored {done}/{len(texts)} quotes ({done / (time.perf_counter() - started):.0f}/s)", end="", file=sys.stderr)
    _store(kb, batch_docs, real, embedded, noise)
    print(file=sys.stderr)


def _store(kb, docs, real: list[np.ndarray], embedded: int, noise: np.random.Generator) -> None:  # type: ignore[no-untyped-def]
    done = [q.id for doc, qs in docs if kb.is_unchanged(doc) for q in qs]  # a build that was stopped resumes here
    if done and len(real) < embedded:
        real.extend(kb.vectors.quote_vectors(done)[1])
    docs = [(doc, qs) for doc, qs in docs if not kb.is_unchanged(doc)]
    quotes = [q for _, qs in docs for q in qs]
    if not quotes:
        return
    if len(real) < embedded:
        vectors = kb.embed_units([], quotes)
        real.extend(v[0] for v in vectors.values())
    else:
        base = np.stack([real[i] for i in noise.integers(0, len(real), len(quotes))])
        synthetic = base + noise.normal(0, 0.032, base.shape).astype(np.float32)  # 384 dims: cosine ~0.85 to the base
        synthetic /= np.linalg.norm(synthetic, axis=1, keepdims=True)
        _store_synthetic(kb, docs, synthetic)
        return
    for doc, doc_quotes in docs:
        kb.store(doc, [], doc_quotes, vectors)


def _store_synthetic(kb, docs, synthetic: np.ndarray) -> None:  # type: ignore[no-untyped-def]
    """New documents of a new store, written in bulk: one vector upsert for the batch, no stale vectors to look for
    (kb.store looks for a document's old vectors, which costs a Chroma metadata scan per document at this size)."""
    from kb.speakers import canonical_speakers
    from kb.vectors import QUOTES

    ids, metas, rows = [], [], []
    for doc, doc_quotes in docs:
        rows.append((doc, doc_quotes, canonical_speakers(doc_quotes, doc)))  # provisional ids, as kb.store gives them
        ids.extend(f"{q.id}:0" for q in doc_quotes)
        metas.extend(kb._quote_metadata(doc, q) for q in doc_quotes)
    kb.vectors.upsert(QUOTES, ids, synthetic, metas)  # vectors first, as kb.store does: invisible until the catalogue has them
    for doc, doc_quotes, speakers in rows:
        kb.catalogue.replace_document(doc, [], doc_quotes, speakers)


def copy_into(catalogue, sqlite_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The built store's catalogue written into another backend (ids are kept, so the store's vectors still match)."""
    from kb.catalogue import SqliteCatalogue, copy_catalogue

    started = time.perf_counter()
    source = SqliteCatalogue(sqlite_path)
    try:
        copy_catalogue(source, catalogue)
    finally:
        source.close()
    print(f"copied the catalogue in {time.perf_counter() - started:.0f} s", file=sys.stderr)


FILTERS = ("none", "speaker", "organization", "dates")
MODES = ("hybrid", "semantic", "keyword")


def queries_for(n_quotes: int, n: int, offset: int = 0) -> list[str]:
    """Article fragments that are not quotes of the store (they come after its sentences)."""
    pool = sentences(n_quotes + offset + n)
    return [s[:60] for s in pool[n_quotes + offset : n_quotes + offset + n]]


def filter_params(name: str, speakers: list[tuple[str, str]], rng: random.Random) -> dict[str, str]:
    """One speaker (~50 quotes of 100k), one organisation (~2,000), or one year (~10,000)."""
    if name == "speaker":
        return {"speaker": rng.choice(speakers)[0]}
    if name == "organization":
        return {"organization": rng.choice(speakers)[1]}
    if name == "dates":
        year = rng.randrange(2010, 2020)
        return {"since": f"{year}-01-01", "until": f"{year}-12-31"}
    return {}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quotes", type=int, default=100_000)
    parser.add_argument("--embedded", type=int, default=3_000, help="quotes embedded by the model; the rest are synthesised")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--filters", default=",".join(FILTERS))
    parser.add_argument("--modes", default=",".join(MODES))
    parser.add_argument("--store", type=Path, default=Path("/tmp/kb-bench-search"))
    parser.add_argument("--database-url", default=None, help="a PostgreSQL catalogue, filled from the store's SQLite one")
    parser.add_argument("--chroma-url", default=None, help="a Chroma server over the store's chroma folder")
    parser.add_argument("--torch-threads", type=int, default=1, help="as `kb serve` (KB_TORCH_THREADS, default 1 there)")
    args = parser.parse_args(argv)

    from api.app import create_app
    from api.server import LiveServer
    from kb.factory import open_knowledge_base, use_serving_query_embedder
    from kb.settings import Settings

    from kb.embedding import set_torch_threads

    set_torch_threads(args.torch_threads)
    settings = Settings(data_dir=args.store, database_url=args.database_url, chroma_url=args.chroma_url)
    kb = open_knowledge_base(settings)
    fast = use_serving_query_embedder(settings, kb)  # as `kb serve` does
    if fast is not None and not fast.wait_ready(300):
        print(f"queries on {fast.status}", file=sys.stderr)
    speakers = speaker_refs()
    if args.database_url and kb.stats()["quotes"] < args.quotes:
        copy_into(kb.catalogue, Settings(data_dir=args.store).catalogue_path)
    if kb.stats()["quotes"] < args.quotes:
        build(kb, args.quotes, speakers, args.embedded)
    if kb.stats().get("speakers", 0) == 0:  # identities are a step after storing (as after `kb ingest`): without it no filter matches
        started = time.perf_counter()
        kb.resolve_speakers()
        print(f"resolved speakers in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    started = time.perf_counter()
    kb.catalogue.compact_keyword_index()  # what `kb ingest` does after a bulk run (a no-op on a compacted index)
    print(f"compacted the keyword index in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    stats = kb.stats()
    combos = [(f, m) for f in args.filters.split(",") for m in args.modes.split(",")]
    pool = queries_for(stats["quotes"], args.queries * len(combos) * args.runs)
    rng = random.Random(11)
    result: dict[str, object] = {"quotes": stats["quotes"], "documents": stats["documents"], "queries": args.queries, "runs": args.runs,
                                 "catalogue": "postgresql" if args.database_url else "sqlite",
                                 "vectors": "chroma server" if args.chroma_url else "embedded chroma", "load_average": os.getloadavg()}
    with LiveServer(create_app(settings, kb)) as server, httpx.Client(base_url=server.url, timeout=60) as http:
        http.get("/v1/search", params={"q": "warm up"})
        runs: dict[str, list[tuple[float, float, float]]] = {}
        for run in range(args.runs):
            for n, (flt, mode) in enumerate(combos):
                start = (run * len(combos) + n) * args.queries
                times = []
                for q in pool[start : start + args.queries]:
                    params = {"q": q, "mode": mode, "limit": 10, **filter_params(flt, speakers, rng)}
                    t0 = time.perf_counter()
                    r = http.get("/v1/search", params=params)
                    times.append((time.perf_counter() - t0) * 1000)
                    assert r.status_code == 200, r.text
                runs.setdefault(f"{flt} / {mode}", []).append((percentile(times, 50), percentile(times, 95), percentile(times, 99)))
                print(f"run {run + 1}, {flt} / {mode}: p50 {percentile(times, 50):.0f} ms, p99 {percentile(times, 99):.0f} ms", file=sys.stderr)
        for label, figures in runs.items():
            result[label] = {f"p{p}_ms": round(statistics.median(f[i] for f in figures), 1) for i, p in enumerate((50, 95, 99))}
    kb.close()
    result["peak_rss_mb"] = round(peak_rss_mb())
    result["load_average_end"] = os.getloadavg()
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
