"""Speaker resolution after an ingest: a full pass over every mention against the incremental pass.

python -m benchmarks.resolution [--documents 15000] [--names 4] [--new 16]

A catalogue only (no models, no vectors) filled with synthetic documents, each quoting `--names` people drawn
from a pool of full names, bare surnames and organisations (about 60k mentions with the defaults), resolved once.
Then `--new` documents arrive: the time of a full pass and of the incremental one that ingest now runs.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from kb.catalogue import SqliteCatalogue
from kb.ids import quote_id
from kb.models import Document, Quote, Span, SpeakerRef
from kb.speakers import affected_mentions, canonical_speakers, resolve

FIRST = "James Mary Robert Linda Michael Susan David Karen Joseph Nancy Thomas Lisa Daniel Laura Paul Amy Mark Anna".split()
LAST = [f"{a}{b}" for a in "Har Ben Col Dan Fen Gil Hol Kor Lam Mor Nel Pal Ros Sil Tam Vor Wil Yor Abr Bri Cas Dur Elk Fox Gar Hud Ing Jar Kel Lin".split()
        for b in "ley ton son man ford well ridge worth berg stein wick field more cott dale bury ham hurst land lock".split()]
CUM = [sum(1 / r for r in range(1, n + 2)) for n in range(len(LAST))]
ORGS = [f"{w} {k}" for w in "National American Federal State City Global".split() for k in "Institute Council Agency Union".split()]


def _document(n: int, rng: random.Random, names: int) -> tuple[Document, list[Quote]]:
    doc = Document(id=f"doc_{n:06d}", text="", title=f"Article {n}", published=f"20{10 + n % 14:02d}-0{1 + n % 9}-1{n % 9}",
                   publisher="Daily Planet", content_hash=f"h{n}")
    quotes = []
    for i in range(names):
        roll = rng.random()
        last = rng.choices(LAST, cum_weights=CUM)[0]  # Zipf: a few people quoted everywhere, most rarely
        if roll < 0.6:
            name, org = f"{rng.choice(FIRST)} {last}", False
        elif roll < 0.9:
            name, org = last, False
        else:
            name, org = rng.choice(ORGS), True
        body = f"Statement number {i} of document {n} by somebody."
        start = len(doc.text)
        doc.text += body + " "
        ref = SpeakerRef(name=name, resolution="named", is_organization=org)
        quotes.append(Quote(text=body, start=start, end=start + len(body), kind="direct", speaker=ref, cue=Span("said", 0, 4),
                            confidence=0.9, id=quote_id(doc.id, start, start + len(body)), document_id=doc.id))
    return doc, quotes


def _full(catalogue: SqliteCatalogue) -> float:
    t = time.perf_counter()
    catalogue.apply_speaker_identities(resolve(catalogue.speaker_mentions(), catalogue.speaker_overrides()))
    return time.perf_counter() - t


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=15000)
    parser.add_argument("--names", type=int, default=4)
    parser.add_argument("--new", type=int, default=16)
    args = parser.parse_args(argv)
    rng = random.Random(10)
    with tempfile.TemporaryDirectory() as tmp:
        catalogue = SqliteCatalogue(Path(tmp) / "catalogue.sqlite3")
        for n in range(args.documents):
            doc, quotes = _document(n, rng, args.names)
            catalogue.replace_document(doc, [], quotes, canonical_speakers(quotes, doc))
        mentions = len(catalogue.speaker_surfaces())
        first = _full(catalogue)
        new = [_document(args.documents + n, rng, args.names) for n in range(args.new)]
        for doc, quotes in new:
            catalogue.replace_document(doc, [], quotes, canonical_speakers(quotes, doc))
        t = time.perf_counter()
        overrides = catalogue.speaker_overrides()
        scope = affected_mentions(catalogue.speaker_surfaces(), {d.id for d, _ in new},
                                  {q.speaker.name for _, qs in new for q in qs if q.speaker.name}, overrides)
        catalogue.apply_speaker_identities(resolve(catalogue.speaker_mentions(scope), overrides), scope)
        incremental = time.perf_counter() - t
        after_incremental = sorted(catalogue.speaker_surfaces())
        full = _full(catalogue)
        same = sorted(catalogue.speaker_surfaces()) == after_incremental
        catalogue.close()
    print(f"mentions {mentions:,}; first full pass {first:.2f} s")
    print(f"{args.new} new documents: incremental {incremental:.2f} s over {len(scope):,} mentions; full pass {full:.2f} s; "
          f"same outcome: {same}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
