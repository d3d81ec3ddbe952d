"""Retrieval quality on QMSum-format meetings: recall@5, recall@10 and MRR per search mode.

python -m evals.retrieval --data ../shared/data/qmsum --split val --format json
python -m evals.retrieval ... --database-url postgresql://... (or KB_DATABASE_URL): the same on a PostgreSQL catalogue

Each meeting of the split is stored as a roundtable document whose speaker turns are quotes
(speaker = the turn's label). Each specific query is searched within its meeting; the relevant
quotes are the turns inside its `relevant_text_span`. recall@k = |relevant in top k| / min(k, |relevant|),
so a perfect ranking scores 1.0 however many turns are relevant. Queries that name one of the
meeting's speakers are run again with that speaker as the filter; there the relevant turns are
those of that speaker (the only ones a filtered search can return).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

MODES = ("hybrid", "semantic", "keyword")


@dataclass
class Meeting:
    name: str
    turns: list[tuple[str, str]]  # (speaker label, content)
    queries: list[tuple[str, list[int]]]  # (query, relevant turn indices)


def clean_label(label: str) -> str:
    """'Mr. Pierre Paul-Hus (Charlesbourg, CPC)' -> 'Mr. Pierre Paul-Hus'."""
    return re.sub(r"\s*\(.*$", "", label).strip() or label.strip()


def load_split(data: Path, split: str) -> list[Meeting]:
    folder = data / "data" / "ALL" / split
    if not folder.exists():
        raise SystemExit(f"no QMSum split at {folder}; pass --data pointing at the qmsum folder")
    meetings = []
    for path in sorted(folder.glob("*.json")):
        raw = json.loads(path.read_text(encoding="utf-8"))
        turns = [(clean_label(t["speaker"]), t["content"]) for t in raw["meeting_transcripts"]]
        queries = []
        for q in raw.get("specific_query_list", []):
            relevant = sorted({i for a, b in q["relevant_text_span"] for i in range(int(a), int(b) + 1) if i < len(turns)})
            if relevant:
                queries.append((q["query"], relevant))
        meetings.append(Meeting(path.stem, turns, queries))
    return meetings


def mentioned_speaker(query: str, labels: set[str]) -> str | None:
    """The one speaker a query names, by full label or by a distinctive surname."""
    q = query.lower()
    found = {label for label in labels if re.search(rf"\b{re.escape(label.lower())}\b", q)}
    if not found:
        for label in labels:
            words = [w for w in re.findall(r"[A-Z][\w'-]{3,}", label) if w.lower() not in {"chair", "hon", "the"}]
            if words and re.search(rf"\b{re.escape(words[-1].lower())}\b", q):
                found.add(words[-1])
    return found.pop() if len(found) == 1 else None


def store_meetings(kb, meetings: list[Meeting], progress: bool, catalogue_only: bool = False) -> dict[str, tuple[str, list[str]]]:  # type: ignore[no-untyped-def]
    """Store each meeting; return meeting -> (document id, quote id of each turn).

    catalogue_only writes no vectors: for keyword-only runs, or when --store already holds this split's
    vectors from a run on another catalogue backend (they depend on the text only).
    """
    from kb.ids import document_id, quote_id
    from kb.models import Document, Quote, SpeakerRef
    from kb.speakers import canonical_speakers

    out = {}
    for n, m in enumerate(meetings, start=1):
        parts, spans, cursor = [], [], 0
        for speaker, content in m.turns:
            prefix = f"{speaker}: "
            start = cursor + len(prefix)
            parts.append(prefix + content)
            spans.append((start, start + len(content)))
            cursor += len(prefix) + len(content) + 2
        text = "\n\n".join(parts)
        doc_id = document_id(f"https://qmsum.example/{m.name}", text)
        doc = Document(id=doc_id, text=text, title=m.name, url=None, kind="roundtable", content_hash=f"qmsum-{m.name}-{len(text)}")
        quotes = []
        for (speaker, content), (s, e) in zip(m.turns, spans, strict=True):
            q = Quote(text=content, start=s, end=e, kind="turn", speaker=SpeakerRef(name=speaker, resolution="label"))
            q.id, q.document_id = quote_id(doc_id, s, e), doc_id
            quotes.append(q)
        if not catalogue_only:
            kb.store(doc, [], quotes)
        elif kb.catalogue.document_hash(doc_id) != doc.content_hash:
            kb.catalogue.replace_document(doc, [], quotes, canonical_speakers(quotes))
        out[m.name] = (doc_id, [q.id for q in quotes])
        if progress:
            print(f"\rstored {n}/{len(meetings)} meetings", end="", file=sys.stderr, flush=True)
    if progress:
        print(file=sys.stderr)
    return out


def score(ranked: list[str], relevant: set[str]) -> tuple[float, float, float]:
    r5 = len(set(ranked[:5]) & relevant) / min(5, len(relevant))
    r10 = len(set(ranked[:10]) & relevant) / min(10, len(relevant))
    rr = next((1.0 / i for i, qid in enumerate(ranked, start=1) if qid in relevant), 0.0)
    return r5, r10, rr


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data/qmsum"))
    parser.add_argument("--split", default="val")
    parser.add_argument("--limit", type=int, default=0, help="only the first N meetings")
    parser.add_argument("--format", choices=("json", "table"), default="json")
    parser.add_argument("--store", type=Path, default=None, help="keep the stored meetings here and reuse them next run")
    parser.add_argument("--database-url", default=None, help="a PostgreSQL catalogue (default: KB_DATABASE_URL, else SQLite in the store)")
    parser.add_argument("--modes", default=",".join(MODES), help="comma-separated search modes to run (default: all)")
    parser.add_argument("--reuse-vectors", action="store_true",
                        help="--store already holds this split's vectors (a run on another catalogue): write only the catalogue")
    parser.add_argument("--query-backend", choices=("torch", "onnx", "onnx-int8"), default="torch",
                        help="embed the queries as `kb serve` does with this KB_QUERY_BACKEND (default: the torch model itself)")
    args = parser.parse_args(argv)
    modes = tuple(m for m in MODES if m in args.modes.split(","))

    from kb.factory import open_knowledge_base
    from kb.search import SearchQuery
    from kb.settings import Settings

    meetings = load_split(args.data, args.split)
    if args.limit:
        meetings = meetings[: args.limit]
    with tempfile.TemporaryDirectory() as tmp:
        overrides = {"database_url": args.database_url} if args.database_url else {}
        settings = Settings(data_dir=args.store or Path(tmp) / "kb-data", query_backend=args.query_backend, **overrides)
        kb = open_knowledge_base(settings)
        if args.query_backend != "torch":
            from kb.factory import use_serving_query_embedder

            served = use_serving_query_embedder(settings, kb)
            if served is None or not served.wait_ready(600):
                raise SystemExit(f"the {args.query_backend} query model could not be used ({served.status if served else 'not torch'})")
        try:
            started = time.perf_counter()
            ids = store_meetings(kb, meetings, progress=sys.stderr.isatty(), catalogue_only=args.reuse_vectors or modes == ("keyword",))
            ingest_s = time.perf_counter() - started
            runs: dict[str, list[tuple[float, float, float]]] = {f"{m}": [] for m in modes}
            runs.update({f"{m}+speaker": [] for m in modes})
            started = time.perf_counter()
            searches = 0
            for m in meetings:
                doc_id, quote_ids = ids[m.name]
                labels = {s for s, _ in m.turns}
                for query, relevant_turns in m.queries:
                    relevant = {quote_ids[i] for i in relevant_turns}
                    speaker = mentioned_speaker(query, labels)
                    # With a speaker filter only that speaker's turns can come back, so only they count as relevant.
                    by_speaker = {quote_ids[i] for i in relevant_turns if speaker and speaker.lower() in m.turns[i][0].lower()}
                    for mode in modes:
                        page = kb.search_quotes(SearchQuery(q=query, mode=mode, limit=10, document_ids=[doc_id]))
                        runs[mode].append(score([h.quote.id for h in page.results], relevant))
                        searches += 1
                        if speaker and by_speaker:
                            page = kb.search_quotes(SearchQuery(q=query, mode=mode, limit=10, document_ids=[doc_id], speaker=speaker))
                            runs[f"{mode}+speaker"].append(score([h.quote.id for h in page.results], by_speaker))
                            searches += 1
            search_s = time.perf_counter() - started
        finally:
            kb.close()

    result: dict[str, object] = {
        "catalogue": "postgresql" if settings.database_url else "sqlite", "split": args.split, "meetings": len(meetings), "turns": sum(len(m.turns) for m in meetings),
        "queries": sum(len(m.queries) for m in meetings),
    }
    for name, rows in runs.items():
        n = len(rows)
        result[name] = {
            "queries": n,
            "recall@5": round(sum(r[0] for r in rows) / n, 4) if n else None,
            "recall@10": round(sum(r[1] for r in rows) / n, 4) if n else None,
            "mrr": round(sum(r[2] for r in rows) / n, 4) if n else None,
        }
    result["timing"] = {"store_s": round(ingest_s, 1), "mean_search_ms": round(1000 * search_s / max(1, searches), 1)}
    if args.format == "json":
        print(json.dumps(result, indent=2))
    else:
        print("| run | queries | recall@5 | recall@10 | MRR |\n|---|---|---|---|---|")
        for name in runs:
            r = result[name]
            print(f"| {name} | {r['queries']} | {r['recall@5']} | {r['recall@10']} | {r['mrr']} |")  # type: ignore[index]
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
