"""Search precision at scale: a store's top results for everyday searches, scored against results judged by eye.

python -m evals.search_precision --kb-dir /tmp/full-kb [--limit 5] [--json]
python -m evals.search_precision --recheck /tmp/corpus.jsonl [--json]

The judged results (`evals/gold/search-judged.jsonl`, format in evals/gold/README.md) were read against their source:
is each one a statement, and is its credited speaker the one who said it. This runs the same queries on a store (built
from the same corpus: document ids are deterministic) and matches each result to a judged one in the same document,
credited to the same speaker, whose span and its own overlap by at least 60% of the longer. Results no judgement covers
are listed, to be judged by the same rules and added, so the score stays about what a staffer would see, not about a
fixed list of quotes.

`--recheck CORPUS` is the quick loop while changing the extractor: it ingests only the judged results' documents (read
from the staff corpus, `make_staff_corpus.py`) into a scratch store and says, for each judged result, whether the
extractor still yields a quote there and whom it now credits: wrong results should go or change hands, right ones stay.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from contextlib import AbstractContextManager, closing, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

JUDGED = Path(__file__).resolve().parent / "gold" / "search-judged.jsonl"
MIN_OVERLAP = 0.6


@dataclass(frozen=True)
class Judged:
    query: str
    document_id: str
    start: int
    end: int
    statement: bool
    right_speaker: bool
    credited: str = ""


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
    return [Judged(r["query"], r["document_id"], r["start"], r["end"], bool(r["statement"]), bool(r["right_speaker"]), r.get("credited") or "")
            for r in rows]


def matching(judged: list[Judged], document_id: str, start: int, end: int, credited: str = "") -> Judged | None:
    """The judged result of the same document, credited to the same speaker, whose span and this one overlap by at least
    MIN_OVERLAP of the longer of the two, the most first. A quote since cut in two, trimmed to its marked words or
    credited to someone else is another result, to be judged anew."""
    best, best_overlap = None, 0
    for j in judged:
        if j.document_id != document_id or credited and j.credited and not _same_name(credited, j.credited):
            continue
        overlap = _overlap(start, end, j.start, j.end)
        if overlap > 0 and overlap >= MIN_OVERLAP * max(end - start, j.end - j.start) and overlap > best_overlap:
            best, best_overlap = j, overlap
    return best


def score(results: dict[str, list[dict[str, object]]], judged: list[Judged]) -> PrecisionScore:
    """`results`: query -> its ranked results, each with document_id, start, end (and anything else, kept if unjudged)."""
    out = PrecisionScore()
    for query, ranked in results.items():
        for r in ranked:
            out.results += 1
            found = matching(judged, str(r["document_id"]), int(r["start"]), int(r["end"]), str(r.get("credited") or ""))  # type: ignore[call-overload]
            if found is None:
                out.unjudged.append({"query": query, **r})
                continue
            out.judged += 1
            out.statements += found.statement
            out.right_speaker += found.right_speaker
            out.both += found.statement and found.right_speaker
    return out


@dataclass
class Recheck:
    """What the current extractor makes of the judged results' spans."""

    wrong: int = 0
    wrong_gone: int = 0
    wrong_recredited: int = 0
    right: int = 0
    right_kept: int = 0
    right_lost: list[dict[str, object]] = field(default_factory=list)
    wrong_remaining: list[dict[str, object]] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {"wrong": self.wrong, "wrong_gone": self.wrong_gone, "wrong_recredited": self.wrong_recredited,
                "right": self.right, "right_kept": self.right_kept,
                "right_lost": self.right_lost, "wrong_remaining": self.wrong_remaining}


@contextmanager
def scratch_store(corpus: Path, document_ids: set[str]) -> Iterator[Any]:
    """A knowledge base in a temporary directory holding only these documents of the staff corpus, ingested as kb would."""
    import tempfile

    from ingest.pipeline import build_ingestor
    from ingest.readers import iter_jsonl_lines
    from kb.factory import open_knowledge_base
    from kb.ids import document_id
    from kb.settings import Settings

    with corpus.open(encoding="utf-8") as lines:
        raws = [d for d in iter_jsonl_lines(lines, str(corpus))
                if not isinstance(d, Exception) and document_id(d.url, d.text) in document_ids]
    with tempfile.TemporaryDirectory() as scratch:
        settings = Settings(data_dir=Path(scratch))
        with closing(open_knowledge_base(settings)) as kb:
            build_ingestor(kb, settings).ingest(raws)
            yield kb


def stored(kb_dir: Path) -> AbstractContextManager[Any]:
    """The knowledge base in `kb_dir`, closed on the way out."""
    from kb.factory import open_knowledge_base
    from kb.settings import Settings

    return closing(open_knowledge_base(Settings(data_dir=kb_dir)))


def add_store_arguments(parser: argparse.ArgumentParser, judged: Path) -> None:
    """Where an eval of judged results reads its store (--kb-dir, or --recheck CORPUS for a scratch store) and its
    judgements (--judged)."""
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--kb-dir", type=Path, help="a store built from the staff corpus")
    where.add_argument("--recheck", type=Path, metavar="CORPUS", help="re-extract only the judged documents from this corpus")
    parser.add_argument("--judged", type=Path, default=judged)


def recheck(corpus: Path, judged_path: Path) -> Recheck:
    """Ingest the judged documents from the corpus into a scratch store and compare each judged span with what is there now."""
    rows = [json.loads(line) for line in judged_path.read_text().splitlines() if line.strip()]
    out = Recheck()
    with scratch_store(corpus, {r["document_id"] for r in rows}) as kb:
        for r in rows:
            _, quotes = kb.document(r["document_id"])
            here = still_there(r["start"], r["end"], quotes)
            now = [q.speaker.name or q.speaker.description or "" for q in here]
            good = bool(r["statement"] and r["right_speaker"])
            seen = {"query": r["query"], "quote": r["quote"], "credited": r["credited"], "now": now[0] if now else None,
                    "cue": here[0].cue.text if here and here[0].cue else None, "note": r["note"]}
            if good:
                out.right += 1
                kept = bool(now) and _same_credit(now[0], here[0].kind, r["credited"])
                out.right_kept += kept
                if not kept:
                    out.right_lost.append(seen)
            else:
                out.wrong += 1
                out.wrong_gone += not now
                recredited = bool(now) and r["statement"] and not _same_credit(now[0], here[0].kind, r["credited"])
                out.wrong_recredited += recredited
                if now and not recredited:
                    out.wrong_remaining.append(seen)
    return out


def still_there(start: int, end: int, quotes: list[Any]) -> list[Any]:
    """The quotes that still hold a judged span, the nearest to it first: a reporter's question holding a quote nested in it
    overlaps both, and the nested quote is the judged one."""
    here = [q for q in quotes if _overlaps(start, end, q.start, q.end)]
    return sorted(here, key=lambda q: -_overlap(start, end, q.start, q.end) / max(end - start, q.end - q.start))


def _same_credit(now: str, kind: str, credited: str) -> bool:
    """The same credit by name, or a reporter's question whose reporter the transcript now names ("Kevin, a reporter")."""
    from ingest.extract.transcripts import REPORTER

    return _same_name(now, credited) or credited == REPORTER and kind == "question"


def _same_name(now: str, credited: str) -> bool:
    """"Xavier Becerra" and "Becerra" are one credit: a scratch store of a few documents names people less fully."""
    a, b = now.lower().split(), credited.lower().split()
    return a == b or bool(a and b) and a[-1] == b[-1] and (a[0] == b[0] or min(len(a), len(b)) == 1)


def _overlap(start: int, end: int, s: int, e: int) -> int:
    """Characters two spans share (negative when apart)."""
    return min(end, e) - max(start, s)


def _overlaps(start: int, end: int, s: int, e: int) -> bool:
    """A quote still there in a recheck: it covers half of the shorter span, however it was cut or credited since."""
    overlap = _overlap(start, end, s, e)
    return overlap > 0 and overlap * 2 >= min(end - start, e - s)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_store_arguments(parser, JUDGED)
    parser.add_argument("--limit", type=int, default=5)
    parser.add_argument("--json", action="store_true", help="the whole score, unjudged results included")
    args = parser.parse_args(argv)
    if args.recheck:
        checked = recheck(args.recheck, args.judged).as_dict()
        shown = checked if args.json else {k: v for k, v in checked.items() if not isinstance(v, list)}
        print(json.dumps(shown, indent=2 if args.json else None, ensure_ascii=False))
        return 0

    from kb.search import SearchQuery

    judged = load_judged(args.judged)
    queries = list(dict.fromkeys(j.query for j in judged))
    with stored(args.kb_dir) as kb:
        results = {
            q: [{"rank": rank, "document_id": h.document.id, "start": h.quote.start, "end": h.quote.end, "quote": h.quote.text[:200],
                 "credited": h.quote.speaker.name or h.quote.speaker.description, "kind": h.quote.kind}
                for rank, h in enumerate(kb.search_quotes(SearchQuery(q=q, limit=args.limit)).results, start=1)]
            for q in queries
        }
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
