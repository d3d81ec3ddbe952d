"""Score quote extraction and speaker attribution against PolNeAR-format data (brat .ann + text).

python -m evals.attribution --data ../shared/data/polnear --split dev

Gold attributions are split into "direct" (the content holds a quotation mark) and "indirect"
(no mark, and the cue is a speech verb or "according to"). A prediction matches a gold
attribution of its category when their content spans overlap by at least half of each.
Speaker accuracy counts matches whose predicted mention overlaps the gold Source span.

"issue_rule" scores the same predictions, ungrouped, by the rule issue 11 gives for the held-out test: a gold span is
found when the predictions lying mostly inside it cover at least half of it (a quote interrupted by its cue may be two
predictions); a prediction counts as right when it lies mostly inside a gold span of its category (the issue states only
the first half; this second half is our reading of it).

"exact_spans" scores the way the CofeNet paper does: every Source, Cue and Content span (of all
attributions, speech or not) becomes token BIO labels per sentence (spaCy tokens and sentences,
spans clipped to each sentence), and a predicted span counts only when it matches a gold one exactly.
For the model these are the tagger's own spans; for the rules, a quote's words widened to PolNeAR's convention
(its quotation marks and the comma or stop inside them, see with_marks).

--extractor chooses what is scored: the rules, the trained tagger (model), the tagger's content and
cues with the rules' speaker where a rule quote covers the same content (model+rule-speakers), or the
extractor kb ships with KB_ATTRIBUTION=model (rules+model): the rules with the tagger as their last sieve,
adding whole attributions (content, speech cue and source) where no rule quote lies.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ingest.extract.model_data import Role, Span, decode_spans, read_ann, token_labels

_MARKS = re.compile(r"[\"“”]|''")  # NYT prints double quotes as two apostrophes


Ranges = list[tuple[int, int]]


@dataclass
class Gold:
    content: Ranges
    source: list[tuple[int, int]]
    cue: str
    category: str
    text: str


@dataclass
class Pred:
    content: Ranges
    mention: tuple[int, int] | None
    category: str
    text: str
    speaker: str
    confidence: float = 1.0  # the extractor's; a run of quotes scored as one takes the lowest


def _spans(field: str) -> list[tuple[int, int]]:
    return [(int(a), int(b)) for a, b in (part.split() for part in field.split(";"))]


def parse_ann(text: str) -> list[dict[str, list[tuple[int, int]] | str]]:
    """brat standoff: T lines are typed spans, E lines tie Source, Cue and Content into one attribution."""
    spans: dict[str, tuple[str, list[tuple[int, int]], str]] = {}
    events: list[dict[str, str]] = []
    for line in text.splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 3:
            kind, _, offsets = parts[1].partition(" ")
            spans[parts[0]] = (kind, _spans(offsets), parts[2])
        elif line.startswith("E") and len(parts) >= 2:
            events.append(dict(arg.split(":", 1) for arg in parts[1].split() if ":" in arg))
    out = []
    for event in events:
        record: dict[str, list[tuple[int, int]] | str] = {}
        for role in ("Source", "Cue", "Content"):
            if role in event and event[role] in spans:
                record[role] = spans[event[role]][1]
                record[role + "_text"] = spans[event[role]][2]
        out.append(record)
    return out


def load_split(data: Path, split: str) -> list[tuple[str, str, str]]:
    """(article, text, ann) with one annotator per article (the first by name)."""
    base = data / "data" / split
    if not base.exists():
        raise SystemExit(f"no PolNeAR split at {base}; pass --data pointing at the polnear folder")
    chosen: dict[str, Path] = {}
    for ann in sorted((base / "attributions").glob("*.ann")):
        article = ann.stem.rsplit("_", 1)[0]
        chosen.setdefault(article, ann)
    out = []
    for article, ann in sorted(chosen.items()):
        text_path = base / "text" / f"{article}.txt"
        if text_path.exists():
            out.append((article, text_path.read_text(encoding="utf-8"), ann.read_text(encoding="utf-8")))
    return out


def gold_attributions(text: str, ann: str, is_speech_cue) -> list[Gold]:  # type: ignore[no-untyped-def]
    out = []
    for record in parse_ann(ann):
        content = record.get("Content")
        if not content:
            continue
        ranges = sorted(content)  # type: ignore[arg-type]
        body = " ".join(text[a:b] for a, b in ranges)
        cue = str(record.get("Cue_text", ""))
        if _MARKS.search(body):
            category = "direct"
        elif is_speech_cue(cue):
            category = "indirect"
        else:
            continue
        out.append(Gold(ranges, list(record.get("Source", [])), cue, category, body))  # type: ignore[arg-type]
    return out


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _size(r: Ranges) -> int:
    return sum(b - a for a, b in r)


def _overlap_ranges(a: Ranges, b: Ranges) -> int:
    return sum(_overlap(x, y) for x in a for y in b)


def group_predictions(preds: list[Pred], text: str) -> list[Pred]:
    """One attribution per run of quotes that share a speaker mention within a paragraph
    ("A," said X. "B.") — the way the gold annotates a quote interrupted by its cue."""
    out: list[Pred] = []
    for p in sorted(preds, key=lambda p: p.content[0]):
        last = out[-1] if out else None
        if (
            last is not None and p.mention is not None and last.mention == p.mention and last.category == p.category
            and "\n" not in text[last.content[-1][1] : p.content[0][0]]
        ):
            last.content = [*last.content, *p.content]
            last.text += " … " + p.text
            last.confidence = min(last.confidence, p.confidence)
        else:
            out.append(Pred(list(p.content), p.mention, p.category, p.text, p.speaker, p.confidence))
    return out


def matches(gold: list[Gold], preds: list[Pred]) -> list[tuple[Gold, Pred]]:
    """Greedy one-to-one matching by overlap, each pair covering >= 50% of both spans."""
    pairs = []
    for g in gold:
        for p in preds:
            if g.category != p.category:
                continue
            o = _overlap_ranges(g.content, p.content)
            if o >= 0.5 * _size(g.content) and o >= 0.5 * _size(p.content):
                pairs.append((o, g, p))
    pairs.sort(key=lambda t: -t[0])
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _, g, p in pairs:
        if id(g) in used_g or id(p) in used_p:
            continue
        used_g.add(id(g))
        used_p.add(id(p))
        out.append((g, p))
    return out


def covered_like_the_issue(gold: list[Gold], preds: list[Pred]) -> dict[str, dict[str, int]]:
    """Counts under the rule the issue scores the held-out test by: a gold span is found when the predictions lying
    mostly inside it (at least half of each) cover at least half of it, so a quote interrupted by its cue may be two
    predictions; a prediction is right when it lies mostly inside a gold span of its category. The speaker is right when
    the prediction overlapping the gold most (for a prediction, the gold it lies in) names a mention in the gold source."""
    out: dict[str, dict[str, int]] = {}
    for category in ("direct", "indirect"):
        golds = [g for g in gold if g.category == category]
        mine = [p for p in preds if p.category == category]
        n = out[category] = {"gold": len(golds), "pred": len(mine), "found": 0, "found_speaker": 0, "right": 0, "right_speaker": 0}
        for g in golds:
            if (finder := found_by(g, mine)) is not None:
                n["found"] += 1
                n["found_speaker"] += speaker_right(g, finder)
        for p in mine:
            if (home := home_of(p, golds)) is not None:
                n["right"] += 1
                n["right_speaker"] += speaker_right(home, p)
    return out


def found_by(g: Gold, preds: list[Pred]) -> Pred | None:
    """The prediction the issue's rule credits with finding `g` (of those lying mostly inside it, the one overlapping it
    most), when together they cover at least half of it; None when `g` is missed."""
    inside = [p for p in preds if _overlap_ranges(p.content, g.content) >= 0.5 * _size(p.content)]
    covered = _size(_union([(max(a, x), min(b, y)) for p in inside for a, b in p.content for x, y in g.content if min(b, y) > max(a, x)]))
    if not inside or covered < 0.5 * _size(g.content):
        return None
    return max(inside, key=lambda p: _overlap_ranges(p.content, g.content))


def home_of(p: Pred, golds: list[Gold]) -> Gold | None:
    """The gold span a prediction lies mostly inside (the one it overlaps most); None for a false prediction."""
    homes = [g for g in golds if _overlap_ranges(p.content, g.content) >= 0.5 * _size(p.content)]
    return max(homes, key=lambda g: _overlap_ranges(p.content, g.content)) if homes else None


def issue_errors(article: str, raw: str, gold: list[Gold], preds: list[Pred]) -> dict[str, list[str]]:
    """Under the issue's rule: the gold missed, the gold found with the wrong speaker, and the predictions in no gold."""
    out: dict[str, list[str]] = {"issue_missed": [], "issue_speaker": [], "issue_false": []}
    for category in ("direct", "indirect"):
        golds = [g for g in gold if g.category == category]
        mine = [p for p in preds if p.category == category]
        for g in golds:
            finder = found_by(g, mine)
            source = [raw[a:b] for a, b in g.source]
            if finder is None:
                out["issue_missed"].append(f"{article} [{category}] cue={g.cue!r} src={source} :: {g.text[:160]}")
            elif not speaker_right(g, finder):
                said = raw[finder.mention[0] : finder.mention[1]] if finder.mention else None
                out["issue_speaker"].append(f"{article} [{category}] gold={source} pred={said!r} ({finder.speaker}) :: {g.text[:100]}")
        out["issue_false"] += [f"{article} [{category}] by={p.speaker!r} :: {p.text[:160]}" for p in mine if home_of(p, golds) is None]
    return out


def _union(ranges: Ranges) -> Ranges:
    merged: Ranges = []
    for a, b in sorted(ranges):
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return merged


def speaker_right(g: Gold, p: Pred) -> bool:
    if not g.source:
        return p.mention is None
    return p.mention is not None and any(_overlap(p.mention, s) > 0 for s in g.source)


def sentence_tokens(parsed: list[tuple[int, Any]]) -> list[list[tuple[int, int]]]:
    """Character offsets of each sentence's tokens (whitespace tokens dropped)."""
    out = []
    for offset, doc in parsed:
        for sent in doc.sents:
            tokens = [(offset + t.idx, offset + t.idx + len(t)) for t in sent if not t.is_space]
            if tokens:
                out.append(tokens)
    return out


def bio_spans(sentences: list[list[tuple[int, int]]], spans: list[Span]) -> set[tuple[int, str, int, int]]:
    """(sentence, role, start, end) of the spans as read back from per-sentence token BIO labels."""
    out = set()
    for i, tokens in enumerate(sentences):
        lo, hi = tokens[0][0], tokens[-1][1]
        clipped = [Span(s.role, max(s.start, lo), min(s.end, hi)) for s in spans if s.start < hi and s.end > lo]
        if clipped:
            out |= {(i, s.role.value, s.start, s.end) for s in decode_spans(tokens, token_labels(tokens, clipped))}
    return out


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def _issue_scores(n: dict[str, int]) -> dict[str, float | int]:
    """Precision, recall and F1 under the issue's rule, without and with the right speaker."""
    p = n["right"] / n["pred"] if n["pred"] else 0.0
    r = n["found"] / n["gold"] if n["gold"] else 0.0
    ps = n["right_speaker"] / n["pred"] if n["pred"] else 0.0
    rs = n["found_speaker"] / n["gold"] if n["gold"] else 0.0
    f1 = (lambda a, b: round(2 * a * b / (a + b), 4) if a + b else 0.0)
    return {"gold": n["gold"], "predicted": n["pred"], "precision": round(p, 4), "recall": round(r, 4), "f1": f1(p, r),
            "speaker_accuracy": round(n["found_speaker"] / n["found"], 4) if n["found"] else 0.0, "f1_with_speaker": f1(ps, rs)}


EXTRACTORS = ("rules", "model", "model+rule-speakers", "rules+model")


def combine(mode: str, text: str, attributions: list[Any], rule_preds: list[Pred], rule_spans: list[Span], is_speech_cue: Any) -> tuple[list[Pred], list[Span]]:
    """Predictions (for overlap scoring) and spans (for exact scoring) of a tagger-based extractor."""
    preds: list[Pred] = []
    spans: list[Span] = []
    for a in attributions:
        ranges = [(c.start, c.end) for c in a.content]
        body = " ".join(text[x:y] for x, y in ranges)
        mention = (a.source.start, a.source.end) if a.source else None
        source = a.source
        if mode == "rules+model" and (any(_overlap_ranges(ranges, p.content) for p in rule_preds) or a.cue is None or a.source is None):
            continue  # the late sieve adds only whole attributions (content, cue and source) where no rule quote lies
        if mode == "model+rule-speakers":
            best = max(rule_preds, key=lambda p: _overlap_ranges(ranges, p.content), default=None)
            if best is not None and best.mention and _overlap_ranges(ranges, best.content) >= 0.5 * min(_size(ranges), _size(best.content)):
                mention = best.mention
                source = Span(Role.SOURCE, *best.mention)
        spans += [*a.content, *([a.cue] if a.cue else []), *([source] if source else [])]
        cue = text[a.cue.start : a.cue.end] if a.cue else ""
        category = "direct" if _MARKS.search(body) else "indirect" if cue and is_speech_cue(cue) else None
        if category:
            preds.append(Pred(ranges, mention, category, body, text[mention[0] : mention[1]] if mention else ""))
    if mode == "rules+model":
        return [*rule_preds, *preds], [*rule_spans, *spans]
    return preds, spans


class _Tagged:
    """A tagger that answers with tags already computed (the article is tagged once for every extractor scored)."""

    def __init__(self, tags: list[Span]) -> None:
        self.tags = tags

    def tag(self, text: str) -> list[Span]:
        return self.tags


_OPENING = "\"“‘'"
_CLOSING = "\"”’'"


def with_marks(text: str, s: int, e: int) -> tuple[int, int]:
    """A quote's words widened to PolNeAR's content convention: its own quotation marks and the comma or stop inside them.

    kb keeps a quote's words without the marks ('We will win'); PolNeAR's content is '“We will win,”'. Only marks that touch
    the words are taken, and a closing one only with the punctuation it encloses, so reported speech is left as it is.
    """
    if s > 0 and text[s - 1] in _OPENING:
        s -= 1
        if text[s] == "'" and s > 0 and text[s - 1] == "'":
            s -= 1  # NYT prints a double mark as two apostrophes
    j = e
    while j < len(text) and text[j] in ",.?!":
        j += 1
    if j < len(text) and text[j] in _CLOSING:
        j += 1
        if j < len(text) and text[j] == "'" and text[j - 1] == "'":
            j += 1
        e = j
    return s, e


def scored_quotes(quotes: list[Any], text: str) -> tuple[list[Pred], list[Span]]:
    """An extractor's quotes as predictions (overlap scoring) and spans (exact scoring; content in PolNeAR's convention)."""
    kept = [q for q in quotes if q.kind in ("direct", "mixed", "indirect") or q.kind == "turn" and _MARKS.search(text[q.start : q.end])]
    preds = [
        Pred([(q.start, q.end)], (q.speaker.mention.start, q.speaker.mention.end) if q.speaker.mention else None,
             "indirect" if q.kind == "indirect" else "direct", q.text, q.speaker.name or q.speaker.description or "", q.confidence)
        for q in kept
    ]
    spans = [
        Span(role, a, b) for q in kept for role, a, b in (
            (Role.CONTENT, *with_marks(text, q.start, q.end)),
            *([(Role.CUE, q.cue.start, q.cue.end)] if q.cue else []),
            *([(Role.SOURCE, q.speaker.mention.start, q.speaker.mention.end)] if q.speaker.mention else []),
        )
    ]
    return preds, spans


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data/polnear"))
    parser.add_argument("--split", default="dev")
    parser.add_argument("--limit", type=int, default=0, help="score only the first N articles")
    parser.add_argument("--errors", type=int, default=0, help="print N of each kind of error to stderr: missed, false and wrong-speaker quotes, by the one-to-one matching and by the issue's rule (issue_*)")
    parser.add_argument("--model", type=Path, default=None, help="tagger directory (default: the committed one)")
    parser.add_argument("--extractor", choices=EXTRACTORS, default="rules", help="what to score (see above)")
    parser.add_argument("--compare", action="store_true", help="also score every other extractor in the same pass (under \"compare\")")
    parser.add_argument("--skip-speed", action="store_true", help="skip the second spaCy pass that times the raw pipeline")
    args = parser.parse_args(argv)

    import spacy

    from ingest.extract.extractor import QuoteExtractor
    from ingest.extract.lexicon import SPEECH_VERBS
    from ingest.normalise import normalise
    from kb.settings import Settings

    articles = load_split(args.data, args.split)
    if args.limit:
        articles = articles[: args.limit]
    nlp = spacy.load(Settings().spacy_model)
    extractor = QuoteExtractor(nlp)
    tagger = None
    modes = EXTRACTORS if args.compare else (args.extractor,)
    if any(mode != "rules" for mode in modes):
        from ingest.extract.model import AttributionTagger, link

        tagger = AttributionTagger(args.model) if args.model else AttributionTagger()

    lemma_cache: dict[str, bool] = {}

    def is_speech_cue(cue: str) -> bool:
        key = cue.lower()
        if key not in lemma_cache:
            lemma_cache[key] = "according to" in key or any(t.lemma_.lower() in SPEECH_VERBS for t in nlp(cue) if t.pos_ in {"VERB", "AUX", "NOUN"})
        return lemma_cache[key]

    all_totals = {m: {c: {"gold": 0, "pred": 0, "match": 0, "speaker": 0} for c in ("direct", "indirect")} for m in modes}
    issue_totals = {m: {c: dict.fromkeys(("gold", "pred", "found", "found_speaker", "right", "right_speaker"), 0) for c in ("direct", "indirect")} for m in modes}
    # the first three by the one-to-one matching of grouped quotes; the issue_ ones by the rule the targets are set in
    errors: dict[str, list[str]] = {"missed": [], "false": [], "speaker": [], "issue_missed": [], "issue_speaker": [], "issue_false": []}
    all_exact = {m: {r.value: {"gold": 0, "pred": 0, "match": 0} for r in Role} for m in modes}
    sentences = 0
    reliability: dict[float, list[int]] = {}  # confidence -> [quotes, right with the right speaker]
    t_extract = t_model = 0.0
    for article, raw, ann in articles:
        text = normalise(raw)
        gold = gold_attributions(raw, ann, is_speech_cue)
        started = time.perf_counter()
        parsed = extractor.parse(text)
        quotes = extractor.extract_parsed(text, parsed, "article", "", None)
        t_extract += time.perf_counter() - started
        sentences += sum(len(list(d.sents)) for _, d in parsed)
        rule_preds, rule_spans = scored_quotes(quotes, text)
        attributions = []
        tags: list[Span] = []
        sieve: tuple[list[Pred], list[Span]] | None = None
        if tagger is not None:
            started = time.perf_counter()
            tags = tagger.tag(text)
            attributions = link(tags, text)
            t_model += time.perf_counter() - started
            if "rules+model" in modes:  # the shipped extractor with the tagger as its last sieve (KB_ATTRIBUTION=model)
                sieve = scored_quotes(QuoteExtractor(nlp, tagger=_Tagged(tags)).extract_parsed(text, parsed, "article", "", None), text)
        sentences_tokens = sentence_tokens(parsed)
        g_set = bio_spans(sentences_tokens, read_ann(ann))
        for mode in modes:
            if mode == "rules":
                preds, exact = rule_preds, rule_spans
            elif mode == "rules+model" and sieve is not None:
                preds, exact = sieve
            else:
                preds, exact = combine(mode, text, attributions, rule_preds, rule_spans, is_speech_cue)
                if mode == "model":
                    exact = tags  # the tagger's own labels, as CofeNet scores a tagger: a source no cue links to still counts
            for category, n in covered_like_the_issue(gold, preds).items():  # the issue's rule scores predictions ungrouped
                for key, value in n.items():
                    issue_totals[mode][category][key] += value
            if mode == args.extractor:
                for kind, lines in issue_errors(article, raw, gold, preds).items():
                    errors[kind] += lines
            preds = group_predictions(preds, text)
            p_set = bio_spans(sentences_tokens, exact)
            for role in Role:
                all_exact[mode][role.value]["gold"] += sum(1 for k in g_set if k[1] == role.value)
                all_exact[mode][role.value]["pred"] += sum(1 for k in p_set if k[1] == role.value)
                all_exact[mode][role.value]["match"] += sum(1 for k in g_set & p_set if k[1] == role.value)
            pairs = matches(gold, preds)
            for category, n in all_totals[mode].items():
                n["gold"] += sum(1 for g in gold if g.category == category)
                n["pred"] += sum(1 for p in preds if p.category == category)
                n["match"] += sum(1 for g, _ in pairs if g.category == category)
                n["speaker"] += sum(1 for g, p in pairs if g.category == category and speaker_right(g, p))
            if mode == args.extractor:
                kept_preds, kept_pairs = preds, pairs
        preds, pairs = kept_preds, kept_pairs
        right = {id(p) for g, p in pairs if speaker_right(g, p)}
        for p in preds:  # reliability: how often a quote of each confidence is found with the right speaker
            cell = reliability.setdefault(round(p.confidence, 2), [0, 0])
            cell[0] += 1
            cell[1] += id(p) in right
        matched_g = {id(g) for g, _ in pairs}
        matched_p = {id(p) for _, p in pairs}
        errors["missed"] += [f"{article} [{g.category}] cue={g.cue!r} src={[raw[a:b] for a, b in g.source]} :: {g.text[:160]}" for g in gold if id(g) not in matched_g]
        errors["false"] += [f"{article} [{p.category}] by={p.speaker!r} :: {p.text[:160]}" for p in preds if id(p) not in matched_p]
        errors["speaker"] += [
            f"{article} gold={[raw[a:b] for a, b in g.source]} pred={raw[p.mention[0]:p.mention[1]] if p.mention else None!r} ({p.speaker}) :: {g.text[:100]}"
            for g, p in pairs if not speaker_right(g, p)
        ]

    # The raw spaCy rate on the same paragraphs, for comparison with the extractor's.
    from ingest.normalise import paragraphs

    texts = [normalise(raw) for _, raw, _ in articles]
    started = time.perf_counter()
    for t in texts if not args.skip_speed else []:
        list(nlp.pipe((t[s:e] for s, e in paragraphs(t)), batch_size=64))
    t_spacy = time.perf_counter() - started

    def scores(mode: str) -> dict[str, object]:
        out: dict[str, object] = {}
        for category, n in all_totals[mode].items():
            out[category] = {
                "gold": n["gold"], "predicted": n["pred"], "matched": n["match"],
                **_prf(n["match"], n["pred"], n["gold"]),
                "speaker_accuracy": round(n["speaker"] / n["match"], 4) if n["match"] else 0.0,
                "f1_with_speaker": _prf(n["speaker"], n["pred"], n["gold"])["f1"],
            }
        out["issue_rule"] = {category: _issue_scores(n) for category, n in issue_totals[mode].items()}
        out["exact_spans"] = {role: {"gold": n["gold"], "predicted": n["pred"], **_prf(n["match"], n["pred"], n["gold"])} for role, n in all_exact[mode].items()}
        return out

    result: dict[str, object] = {"split": args.split, "articles": len(articles), "extractor": args.extractor, **scores(args.extractor)}
    if args.compare:
        result["compare"] = {mode: scores(mode) for mode in modes}
    high = [n for c, n in reliability.items() if c >= 0.9]
    result["reliability"] = {
        "by_confidence": {str(c): {"quotes": n, "right": r, "share_right": round(r / n, 4)} for c, (n, r) in sorted(reliability.items(), reverse=True)},
        "confidence_at_least_0.9": {"quotes": sum(n for n, _ in high), "share_right": round(sum(r for _, r in high) / max(1, sum(n for n, _ in high)), 4)},
    }
    result["speed"] = {
        "model_seconds_per_article": round(t_model / len(articles), 3) if tagger is not None else None,
        "sentences": sentences,
        "extraction_sentences_per_s": round(sentences / t_extract, 1) if t_extract else None,
        "spacy_sentences_per_s": round(sentences / t_spacy, 1) if t_spacy and not args.skip_speed else None,
    }
    print(json.dumps(result, indent=2))
    if args.errors:
        for kind, lines in errors.items():
            print(f"\n== {kind} ({len(lines)})", file=sys.stderr)
            for line in lines[: args.errors]:
                print("  " + line, file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
