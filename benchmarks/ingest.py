"""Bulk ingest throughput on real news (allsides): documents/s, quotes/s, chunks/s, peak memory,
and, in the same run, the time of the model stages alone (spaCy, the attribution tagger when KB_ATTRIBUTION=model,
and embedding of the same texts).

python -m benchmarks.ingest --articles 200
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from benchmarks.common import ALLSIDES, allsides_records, peak_rss_mb


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--data", type=Path, default=ALLSIDES)
    args = parser.parse_args(argv)

    from ingest.extract.extractor import parse_units
    from ingest.pipeline import build_ingestor
    from ingest.readers import read_record
    from kb.factory import open_knowledge_base
    from kb.settings import Settings

    records = list(allsides_records(args.data, args.articles))
    raws = [read_record(r, f"allsides:{n}") for n, r in enumerate(records)]
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(data_dir=Path(tmp) / "kb-data")
        kb = open_knowledge_base(settings)
        ingestor = build_ingestor(kb, settings)
        ingestor.ingest(raws[:2])  # warm-up: first calls allocate
        started = time.perf_counter()
        report = ingestor.ingest(raws[2:])
        total_s = time.perf_counter() - started

        # The model stages alone, on exactly the texts the pipeline processed.
        texts = [r.text for r in raws[2:]]
        nlp = ingestor.extractor.nlp
        started = time.perf_counter()
        for t in texts:
            list(nlp.pipe((t[s:e] for s, e in parse_units(t)), batch_size=128))
        spacy_s = time.perf_counter() - started
        tagger = getattr(ingestor.extractor, "tagger", None)  # KB_ATTRIBUTION=model: the trained tagger is a stage too
        started = time.perf_counter()
        for t in texts if tagger is not None else []:
            tagger.tag(t)
        tagger_s = time.perf_counter() - started
        catalogue = kb.catalogue
        ids = catalogue.document_ids()
        chunks = [c for i in ids for c in catalogue.chunks_for_document(i)]
        quotes = [q for i in ids for q in catalogue.quotes_for_document(i)]
        started = time.perf_counter()
        kb.embed_units(chunks, quotes)
        embed_s = time.perf_counter() - started
        kb.close()

    docs = report.new + report.updated
    result = {
        "articles": docs, "failed": report.failed, "quotes": report.quotes, "chunks": report.chunks,
        "end_to_end_s": round(total_s, 1), "docs_per_s": round(docs / total_s, 2),
        "quotes_per_s": round(report.quotes / total_s, 1), "chunks_per_s": round(report.chunks / total_s, 1),
        "spacy_s": round(spacy_s, 1), "tagger_s": round(tagger_s, 1), "embedding_s": round(embed_s, 1),
        "model_stages_s": round(spacy_s + tagger_s + embed_s, 1),
        "end_to_end_over_model_stages": round(total_s / (spacy_s + tagger_s + embed_s), 2),
        "peak_rss_mb": round(peak_rss_mb()),
    }
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
