"""Speakers' labels on the staff corpus: each quote's title and organisation, scored against labels judged by eye.

python -m evals.labels --recheck /tmp/corpus.jsonl [--json]
python -m evals.labels --kb-dir /tmp/full-kb [--json]

The judged labels (`evals/gold/labels-judged.jsonl`, format in evals/gold/README.md) are the title and organisation kb gave
160 quotes drawn at random from the person-named quotes of the first 300 staff-corpus records, each read against its
source: is the title an office the text gives the speaker, is the organisation the body they hold it in or speak for
(a party or state for a member of Congress), or is a label the text gives missing. A quote may hold two judged labels
(before and after a change). This finds each judged quote in a store (document ids are deterministic) and scores the
label it carries now when that label was judged; a label no judgement covers is counted apart, to be judged by the
same rules and added. `--recheck CORPUS` ingests only the judged documents into a scratch store, the quick loop.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from evals.search_precision import (
    add_store_arguments,
    scratch_store,
    still_there,
    stored,
)

JUDGED = Path(__file__).resolve().parent / "gold" / "labels-judged.jsonl"
FIELDS = ("title", "organization")
GOOD = frozenset({"right", "none_ok"})  # a right label, or none where the text gives none


@dataclass(frozen=True)
class JudgedLabel:
    document_id: str
    start: int
    end: int
    title: str | None
    organization: str | None
    title_verdict: str
    organization_verdict: str


def load_judged(path: Path = JUDGED) -> list[JudgedLabel]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [JudgedLabel(r["document_id"], r["start"], r["end"], r["title"], r["organization"], r["title_verdict"], r["organization_verdict"]) for r in rows]


def _key(value: str | None) -> str:
    return " ".join((value or "").casefold().split())


def score_labels(judged: list[JudgedLabel], quotes_of: Any) -> dict[str, Any]:
    """`quotes_of(document_id)`: the stored quotes of a document. Each judged quote is scored once per field, by the verdict
    on the label it carries now; a label nobody judged is counted as unjudged, a quote no longer there as gone."""
    spans: dict[tuple[str, int, int], list[JudgedLabel]] = defaultdict(list)
    for j in judged:
        spans[(j.document_id, j.start, j.end)].append(j)
    tallies = {f: Counter[str]() for f in FIELDS}
    unjudged: list[dict[str, Any]] = []
    gone = 0
    for (doc, start, end), labels in spans.items():
        here = still_there(start, end, quotes_of(doc))
        if not here:
            gone += 1
            continue
        speaker = here[0].speaker
        for f in FIELDS:
            verdicts = {_key(getattr(j, f)): getattr(j, f"{f}_verdict") for j in labels}
            tallies[f][verdicts.get(_key(getattr(speaker, f)), "unjudged")] += 1
        if any(_key(getattr(speaker, f)) not in {_key(getattr(j, f)) for j in labels} for f in FIELDS):
            unjudged.append({"document_id": doc, "start": start, "end": end, "speaker": speaker.name, "title": speaker.title, "organization": speaker.organization})
    out: dict[str, Any] = {"quotes": len(spans), "gone": gone, "unjudged": unjudged}
    for f, n in tallies.items():
        judged_n = sum(v for k, v in n.items() if k != "unjudged")
        out[f] = {"judged": judged_n, "good": round(sum(n[k] for k in GOOD) / judged_n, 3) if judged_n else None, **dict(sorted(n.items()))}
    return out


def _quotes(kb: Any, document_id: str) -> list[Any]:
    """A document's stored quotes; none when the store does not hold it (built from another corpus)."""
    from kb.errors import NotFound

    try:
        return kb.document(document_id)[1]
    except NotFound:
        return []


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_store_arguments(parser, JUDGED)
    parser.add_argument("--json", action="store_true", help="indented, with the labels no judgement covers (to judge and add)")
    args = parser.parse_args(argv)
    judged = load_judged(args.judged)
    store = scratch_store(args.recheck, {j.document_id for j in judged}) if args.recheck else stored(args.kb_dir)
    with store as kb:
        scored = score_labels(judged, lambda doc: _quotes(kb, doc))
    shown = scored if args.json else {k: v for k, v in scored.items() if k != "unjudged"}
    print(json.dumps(shown, indent=2 if args.json else None, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
