"""Share of congressional press releases with a quote credited to their member, the extractor alone (no store).

python -m evals.statements [--data ../shared/data] [--limit 200] [--seed 11]

Records are built as ../shared/tools/make_staff_corpus.py builds them (no title, the member as publisher,
kind statement); a release counts when any extracted quote's speaker has the member's surname and, when
given, first name.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
import unicodedata
from pathlib import Path


def _key(name: str | None) -> list[str]:
    return unicodedata.normalize("NFKD", name or "").encode("ascii", "ignore").decode().lower().split()


def _credited(member: str, speaker: str | None) -> bool:
    theirs, ours = _key(speaker), _key(member)
    return bool(theirs and ours) and theirs[-1] == ours[-1] and (len(theirs) == 1 or theirs[0] == ours[0])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--limit", type=int, default=200)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args(argv)
    path = args.data / "congress_press_releases" / "press_releases_sample.jsonl.gz"
    if not path.exists():
        print(f"{path} not found: this evaluation needs ../shared/data", file=sys.stderr)
        return 2

    import spacy

    from ingest.extract.extractor import QuoteExtractor
    from ingest.pipeline import to_document
    from ingest.readers import read_record
    from kb.settings import Settings

    with gzip.open(path, "rt") as f:
        rows = [json.loads(line) for line in f]
    random.Random(args.seed).shuffle(rows)
    rows = rows[: args.limit]
    extractor = QuoteExtractor(spacy.load(Settings().spacy_model))
    credited = without_quotes = 0
    for row in rows:
        raw = read_record({"title": None, "published": row["date"], "publisher": row["member"], "kind": "statement", "text": row["text"]}, "congress")
        doc = to_document(raw)
        quotes = extractor.extract(doc.text, doc.kind, doc.title, raw.issuer, doc.publisher)
        credited += any(_credited(row["member"], q.speaker.name) for q in quotes)
        without_quotes += not quotes
    print(json.dumps({"releases": len(rows), "credited_to_member": credited, "share": round(credited / max(1, len(rows)), 3), "without_quotes": without_quotes}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
