"""Score quote extraction on the committed, hand-annotated sample (evals/gold/attribution_sample.jsonl).

python -m evals.sample

Each line is one short news paragraph (or two) with the quotes a careful reader finds: a fragment of the
quote's words, the speaker (a name, or the document's description of an unnamed source) and, for a nested
source, who passed the words on. Paragraphs with no quotes hold scare quotes, titles, banners, captions and
plain narration: any quote found there is a false one. A predicted quote matches a gold one when it holds the
gold fragment; it has the right speaker when its name (or description) and `reported_by` are the gold ones.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass
from pathlib import Path

SAMPLE = Path(__file__).resolve().parent / "gold" / "attribution_sample.jsonl"
SCORED_KINDS = frozenset({"direct", "mixed", "indirect"})


@dataclass
class SampleScore:
    gold: int
    predicted: int
    matched: int
    right_speaker: int
    errors: list[str]

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def speaker_accuracy(self) -> float:
        return self.right_speaker / self.matched if self.matched else 0.0

    def as_dict(self) -> dict[str, object]:
        return {
            "gold": self.gold, "predicted": self.predicted, "matched": self.matched,
            "precision": round(self.precision, 4), "recall": round(self.recall, 4),
            "speaker_accuracy": round(self.speaker_accuracy, 4),
        }


def load_sample(path: Path = SAMPLE) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def score(extractor, sample: list[dict[str, object]]) -> SampleScore:  # type: ignore[no-untyped-def]
    """Match each predicted quote to the first unmatched gold quote whose fragment it holds."""
    total = SampleScore(0, 0, 0, 0, [])
    for item in sample:
        text = str(item["text"])
        gold = [list(g) for g in item["quotes"]]  # type: ignore[union-attr]
        preds = [q for q in extractor.extract(text) if q.kind in SCORED_KINDS]
        total.gold += len(gold)
        total.predicted += len(preds)
        open_gold = list(gold)
        for q in preds:
            hit = next((g for g in open_gold if g[0] in q.text), None)
            who = q.speaker.name or q.speaker.description
            if hit is None:
                total.errors.append(f"false: {q.text!r} ({who})")
                continue
            open_gold.remove(hit)
            total.matched += 1
            expected_by = hit[2] if len(hit) > 2 else None
            if who == hit[1] and q.reported_by == expected_by:
                total.right_speaker += 1
            else:
                total.errors.append(f"speaker: {q.text!r} ({who}, reported by {q.reported_by}) gold {hit[1]} ({expected_by})")
        total.errors += [f"missed: {g[0]!r} ({g[1]})" for g in open_gold]
    return total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--errors", action="store_true", help="print each miss, false quote and wrong speaker")
    args = parser.parse_args(argv)
    from ingest.pipeline import build_extractor
    from kb.settings import Settings

    result = score(build_extractor(Settings()), load_sample())
    print(json.dumps(result.as_dict(), indent=2))
    if args.errors:
        print("\n".join(result.errors))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
