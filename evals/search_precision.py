"""Search precision at scale: a store's top results for everyday searches, scored against results judged by eye.

python -m evals.search_precision --kb-dir /tmp/full-kb [--limit 5] [--json]

The judged results (`evals/gold/search-judged.jsonl`, format in evals/gold/README.md) were read against their source:
is each one a statement, and is its credited speaker the one who said it. This runs the same queries on a store (built
from the same corpus: document ids are deterministic) and matches each result to a judged one in the same document
whose span it overlaps by at least half of the shorter of the two. Results no judgement covers are listed, to be judged
by the same rules and added, so the score stays about what a staffer would see, not about a fixed list of quotes.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

JUDGED = Path(__file__).resolve().parent / "gold" / "search-judged.jsonl"


@dataclass(frozen=True)
class Judged:
    query: str
    document_id: str
    start: int
    end: int
    statement: bool
    right_speaker: bool


@dataclass
class PrecisionScore:
    results: int = 0
    judged: int = 0
    statements: int = 0
    right_speaker: int = 0
    both: int = 0
    unjudged: list[dict[str, object]] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        share = (lambda n: round(n / self.judged, 3) if self.judged else None)
        return {"results": self.results, "judged": self.judged, "statement": share(self.statements),
                "right_speaker": share(self.right_speaker), "statement_and_right_speaker": share(self.both),
                "unjudged": self.unjudged}


def load_judged(path: Path = JUDGED) -> list[Judged]:
    rows = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    return [Judged(r["query"], r["document_id"], r["start"], r["end"], bool(r["statement"]), bool(r["right_speaker"])) for r in rows]


def matching(judged: list[Judged], document_id: str, start: int, end: int) -> Judged | None:
    """The judged result of the same document whose span overlaps this one by half of the shorter span, the most first."""
    best, best_overlap = None, 0
    for j in judged:
        if j.document_id != document_id:
            continue
        overlap = min(end, j.end) - max(start, j.start)
        if overlap > 0 and overlap * 2 >= min(end - start, j.end - j.start) and overlap > best_overlap:
            best, best_overlap = j, overlap
    return best


def score(results: dict[str, list[dict[str, object]]], judged: list[Judged]) -> PrecisionScore:
    """`results`: query -> its ranked results, each with document_id, start, end (and anything else, kept if unjudged)."""
    out = PrecisionScore()
    for query, ranked in results.items():
        for r in ranked:
            out.results += 1
            found = matching(judged, str(r["document_id"]), int(r["start"]), int(r["end"]))  # type: ignore[call-overload]
            if found is None:
                out.unjudged.append({"query": query, **r})
                continue
            out.judged += 1
            out.statements += found.statement
            out.right_speaker += found.right_speaker
            out.both += found.statement and found.right_speaker
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kb-dir", type=Path, required=True, help="a store built from the staff corpus")
    parser.add_argument("--judged", type=Path, default=JUDGED)
    parser.add_argument("--limit", type=int, default=5)
    parser.add_argument("--json", action="store_true", help="the whole score, unjudged results included")
    args = parser.parse_args(argv)

    from kb.factory import open_knowledge_base
    from kb.search import SearchQuery
    from kb.settings import Settings

    judged = load_judged(args.judged)
    queries = list(dict.fromkeys(j.query for j in judged))
    kb = open_knowledge_base(Settings(data_dir=args.kb_dir))
    try:
        results = {
            q: [{"document_id": h.document.id, "start": h.quote.start, "end": h.quote.end, "quote": h.quote.text[:200],
                 "credited": h.quote.speaker.name or h.quote.speaker.description, "kind": h.quote.kind}
                for h in kb.search_quotes(SearchQuery(q=q, limit=args.limit)).results]
            for q in queries
        }
    finally:
        kb.close()
    scored = score(results, judged).as_dict()
    if args.json:
        print(json.dumps(scored, indent=2, ensure_ascii=False))
    else:
        summary = {k: v for k, v in scored.items() if k != "unjudged"}
        print(json.dumps(summary))
        print(f"{len(scored['unjudged'])} results not judged yet (--json lists them)", file=sys.stderr)  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
