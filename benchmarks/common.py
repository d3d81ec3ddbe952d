"""Helpers the benchmarks share: the real corpus, percentiles, peak memory."""

from __future__ import annotations

import gzip
import json
import resource
from collections.abc import Iterator
from pathlib import Path

ALLSIDES = Path("../shared/data/allsides_article_bias/articles.jsonl.gz")


def allsides_records(path: Path, limit: int) -> Iterator[dict]:
    """The first `limit` articles as kb records; says clearly when the data is missing."""
    if not path.exists():
        raise SystemExit(f"{path} not found: the benchmark reads ../shared/data (see the project README)")
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for n, line in enumerate(f):
            if n >= limit:
                return
            r = json.loads(line)
            yield {"title": r.get("title"), "url": r.get("url"), "published": r.get("date"), "publisher": r.get("source"),
                   "text": r.get("content_original") or "", "kind": "article"}


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(p / 100 * (len(ordered) - 1))))
    return ordered[index]


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
