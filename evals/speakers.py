"""Speaker attribution on a hand-annotated gold set: right speaker per quote, split and merged identities.

python -m evals.speakers [--sets whitehouse congress news] [--data ../shared/data] [--kb-dir DIR] [--json]

The gold (`evals/gold/speakers-<set>.jsonl`, format in evals/gold/README.md)
names, for quotes copied exactly from records in ../shared/data, who said them. Every gold document is
built as a record the way ../shared/tools/make_staff_corpus.py builds it, and all are ingested into one
temporary knowledge base with the real pipeline, so identities are resolved across documents. Each gold
quote is located in its stored document and matched to the stored quote overlapping it most (at least
half of the gold words). Scoring:
- person / organization: right when the canonical speaker's name equals the gold name (case, accents,
  middle names and initials, suffixes and common nicknames ignored) and the entry is the one holding
  most of that person's matched quotes under a matching name;
- reporter: right when the quote is a reporter's question: a question turn (its reporter named or not: "Go ahead,
  Kristen." and "Let's go to Zeke Miller, AP." name them), or a quote with no canonical speaker described as a reporter;
- anonymous: right when the quote has no canonical speaker but a description (or a title, "Senior Administration Official");
- a gold quote that no stored quote overlaps is wrong (missed).
Split: a gold person whose matched quotes sit in more than one canonical entry. Merge: a canonical entry
holding quotes of more than one gold identity (reporters and anonymous speakers are one identity per
document and description, so "all moderators in one entry" is a merge). Both counts include quotes
credited to the wrong person; the ones "within one name" are the identity errors proper: a person in
several entries carrying their surname ("Trump", "Trump Before Cabinet"), an entry holding several
people of its surname ("Bush": George W. and Laura).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import tempfile
import unicodedata
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

GOLD_DIR = Path(__file__).resolve().parent / "gold"
SETS = ("whitehouse", "congress", "news")
TYPES = ("person", "organization", "reporter", "anonymous")
TEXT_FIELD = {"whitehouse_briefing_room": "text", "congress_press_releases": "text", "allsides_article_bias": "content_original"}

_SUFFIXES = {"jr", "sr", "ii", "iii", "iv", "phd", "md"}
_NICKNAMES = {
    "chuck": "charles", "charlie": "charles", "bill": "william", "billy": "william", "will": "william",
    "bob": "robert", "bobby": "robert", "rob": "robert", "mike": "michael", "jim": "james", "jimmy": "james",
    "joe": "joseph", "tom": "thomas", "tommy": "thomas", "dick": "richard", "rick": "richard", "ted": "edward",
    "ed": "edward", "dan": "daniel", "danny": "daniel", "dave": "david", "steve": "stephen", "steven": "stephen",
    "tony": "anthony", "pat": "patrick", "liz": "elizabeth", "beth": "elizabeth", "kate": "katherine",
    "kathy": "katherine", "cathy": "catherine", "chris": "christopher", "matt": "matthew", "nick": "nicholas",
    "ben": "benjamin", "sam": "samuel", "alex": "alexander", "andy": "andrew", "greg": "gregory",
    "jeff": "jeffrey", "jon": "jonathan", "larry": "lawrence", "ron": "ronald", "don": "donald",
    "doug": "douglas", "fred": "frederick", "hank": "henry", "jack": "john", "johnny": "john", "ken": "kenneth",
    "mitch": "mitchell", "pete": "peter", "phil": "philip", "ray": "raymond", "tim": "timothy",
    "jerry": "gerald", "sue": "susan", "debbie": "deborah", "patty": "patricia",
}
_REPORTER = re.compile(r"\b(reporter|questioner|journalist)s?\b|\(Q\)", re.I)


@dataclass
class Gold:
    """One annotated quote."""

    set: str
    file: str
    line: int
    quote: str
    speaker: str
    type: str
    note: str = ""


@dataclass
class Predicted:
    """The stored quote matched to a gold quote, with its canonical speaker."""

    quote_id: str
    text: str
    kind: str
    speaker_id: str | None
    name: str | None  # canonical name when there is an id, else the quote's own name
    description: str | None = None
    title: str | None = None


@dataclass
class Item:
    gold: Gold
    predicted: Predicted | None  # None: no stored quote overlaps enough (missed)
    title: str = ""


@dataclass
class Scored:
    """Per item verdicts and the identity-level findings."""

    right: list[bool]
    reasons: list[str]
    splits: dict[str, dict[str, tuple[str, int]]] = field(default_factory=dict)  # gold name -> entry id -> (entry name, n)
    merges: dict[str, tuple[str, dict[str, int]]] = field(default_factory=dict)  # entry id -> (entry name, gold identity -> n)
    # The identity errors among them: entries named like the person (split), people named like the entry (merge);
    # the rest are quotes credited to someone else, already counted as wrong speakers.
    name_splits: set[str] = field(default_factory=set)
    name_merges: set[str] = field(default_factory=set)


# -- names -------------------------------------------------------------------------------------
def _tokens(name: str) -> list[str]:
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"[.'’]", "", text)  # "J.D." -> "jd", "O'Rourke" -> "orourke"
    text = re.sub(r"-", "", text)  # "Jean-Pierre" -> "jeanpierre"
    words = re.findall(r"[a-z0-9]+", text)
    while len(words) > 1 and words[-1] in _SUFFIXES:
        words.pop()
    return words


def name_key(name: str, organization: bool = False) -> str:
    """The comparable form of a name: first and last word for a person (nickname-folded), all words for an organisation."""
    words = _tokens(name)
    if organization:
        return " ".join(words[1:] if words[:1] == ["the"] and len(words) > 1 else words)
    if len(words) < 2:
        return " ".join(words)
    return f"{_NICKNAMES.get(words[0], words[0])} {words[-1]}"


def names_match(gold: str, predicted: str | None, organization: bool = False) -> bool:
    return bool(predicted) and name_key(gold, organization) == name_key(predicted or "", organization)


def shares_surname(person: str, entry: str) -> bool:
    """The entry's name holds the person's surname, a misspelling allowed ("Kirstjen Neilsen", "Trump Before Cabinet"),
    or is their first name alone ("Chuck")."""
    words, names = _tokens(person), _tokens(entry)
    if not words:
        return False
    last = words[-1]
    if names == words[:1] and len(words) > 1:
        return True
    return any(w == last or (len(last) > 3 and SequenceMatcher(None, w, last).ratio() >= 0.8) for w in names)


def is_reporter(p: Predicted) -> bool:
    return p.kind == "question" or p.speaker_id is None and bool(_REPORTER.search(f"{p.name or ''} {p.description or ''}"))


def identity(g: Gold) -> str:
    """Who the gold says spoke: a person or organisation across documents; a reporter or anonymous speaker per document."""
    if g.type in ("person", "organization"):
        return g.speaker
    return f"{g.speaker} ({g.file}:{g.line})"


# -- matching and scoring (pure) ---------------------------------------------------------------
def gold_words_covered(gold: tuple[int, int], span: tuple[int, int], text: str) -> float:
    """Share of the gold span's words that lie inside the stored span."""
    words = [(gold[0] + m.start(), gold[0] + m.end()) for m in re.finditer(r"\S+", text[gold[0] : gold[1]])]
    if not words:
        return 0.0
    inside = sum(1 for s, e in words if min(e, span[1]) - max(s, span[0]) > (e - s) / 2)
    return inside / len(words)


def best_match(gold: tuple[int, int], spans: list[tuple[int, int]], text: str) -> int | None:
    """Index of the stored span covering most of the gold words (at least half), else None.

    On a tie the shorter span wins: a quotation nested in a transcript turn is more specific than the turn.
    """
    best, best_key = None, (0.0, 0)
    for i, span in enumerate(spans):
        key = (gold_words_covered(gold, span, text), -(span[1] - span[0]))
        if key[0] > 0 and (best is None or key > best_key):
            best, best_key = i, key
    return best if best_key[0] >= 0.5 else None


def score(items: list[Item]) -> Scored:
    """Verdict and reason per item; splits and merges over the canonical entries."""
    named = [it for it in items if it.gold.type in ("person", "organization")]
    # The person's main entry: the one holding most of their quotes under a matching name.
    main: dict[str, str] = {}
    for person in {it.gold.speaker for it in named}:
        entries = Counter(
            it.predicted.speaker_id for it in named
            if it.gold.speaker == person and it.predicted and it.predicted.speaker_id
            and names_match(person, it.predicted.name, it.gold.type == "organization")
        )
        if entries:
            main[person] = sorted(entries.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
    right, reasons = [], []
    for it in items:
        g, p = it.gold, it.predicted
        if p is None:
            ok, why = False, "missed: no stored quote overlaps half of the gold words"
        elif g.type == "reporter":
            ok = is_reporter(p)
            why = "" if ok else "not a reporter's question"
        elif g.type == "anonymous":
            ok = p.speaker_id is None and bool(p.name or p.description or p.title) and not is_reporter(p)
            why = "" if ok else ("anonymous speaker given a canonical entry" if p.speaker_id else "no description or title")
        elif p.speaker_id is None:
            ok, why = False, "no canonical speaker"
        elif not names_match(g.speaker, p.name, g.type == "organization"):
            ok, why = False, "wrong speaker"
        else:
            ok = main.get(g.speaker) == p.speaker_id
            why = "" if ok else "right name, but not the person's main entry (split)"
        right.append(ok)
        reasons.append(why)
    entries_of: dict[str, dict[str, tuple[str, int]]] = defaultdict(dict)
    people_in: dict[str, Counter[str]] = defaultdict(Counter)
    entry_name: dict[str, str] = {}
    for it in items:
        p = it.predicted
        if p is None or p.speaker_id is None or it.gold.type == "reporter" and p.kind == "question":
            continue  # a named reporter asks in many briefings; the gold tells its reporters apart by document only
        entry_name[p.speaker_id] = p.name or ""
        people_in[p.speaker_id][identity(it.gold)] += 1
        if it.gold.type in ("person", "organization"):
            name, n = entries_of[it.gold.speaker].get(p.speaker_id, (p.name or "", 0))
            entries_of[it.gold.speaker][p.speaker_id] = (name, n + 1)
    splits = {person: entries for person, entries in entries_of.items() if len(entries) > 1}
    merges = {sid: (entry_name[sid], dict(people)) for sid, people in people_in.items() if len(people) > 1}
    speaker_of = {identity(it.gold): it.gold.speaker for it in items}
    name_splits = {p for p, entries in splits.items() if sum(shares_surname(p, name) for name, _ in entries.values()) > 1}
    name_merges = {sid for sid, (name, people) in merges.items() if sum(shares_surname(speaker_of[i], name) for i in people) > 1}
    return Scored(right, reasons, splits, merges, name_splits, name_merges)


# -- gold and records --------------------------------------------------------------------------
def load_gold(sets: list[str], folder: Path = GOLD_DIR) -> list[Gold]:
    out = []
    for name in sets:
        path = folder / f"speakers-{name}.jsonl"
        if not path.exists():
            print(f"note: no gold for set {name!r} yet ({path})", file=sys.stderr)
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            row = json.loads(line)
            if row["type"] not in TYPES:
                raise SystemExit(f"{path}:{n}: type {row['type']!r} is not one of {', '.join(TYPES)}")
            out.append(Gold(name, row["file"], int(row["line"]), row["quote"], row["speaker"], row["type"], row.get("note", "")))
    return out


def read_records(data: Path, wanted: set[tuple[str, int]]) -> dict[tuple[str, int], dict]:
    """The raw records the gold points at, by (file, line)."""
    out = {}
    for file in sorted({f for f, _ in wanted}):
        lines = {n for f, n in wanted if f == file}
        with gzip.open(data / file, "rt", encoding="utf-8") as fh:
            for n, line in enumerate(fh):
                if n in lines:
                    out[(file, n)] = json.loads(line)
        missing = lines - {n for f, n in out if f == file}
        if missing:
            raise SystemExit(f"{file}: no record at line(s) {sorted(missing)}")
    return out


def staff_record(file: str, r: dict) -> dict:
    """The record as ../shared/tools/make_staff_corpus.py writes it."""
    folder = file.split("/", 1)[0]
    if folder == "whitehouse_briefing_room":
        return {"title": r.get("title"), "url": r.get("source_url"), "published": r.get("date"), "publisher": "The White House", "text": r.get("text")}
    if folder == "congress_press_releases":
        return {"title": None, "published": r["date"], "publisher": r["member"], "kind": "statement", "text": r["text"]}
    if folder == "allsides_article_bias":
        return {"title": r["title"], "url": r["url"], "published": r["date"], "publisher": r["source"], "kind": "article", "text": r["content_original"]}
    raise SystemExit(f"{file}: unknown source folder {folder!r}")


def gold_span(g: Gold, text: str) -> tuple[int, int]:
    n = text.count(g.quote)
    if n != 1:
        raise SystemExit(f"gold quote occurs {n} times in {g.file}:{g.line} (must be exactly once): {g.quote[:60]!r}")
    start = text.index(g.quote)
    return start, start + len(g.quote)


def collect(gold: list[Gold], data: Path, kb_dir: Path) -> list[Item]:
    """Ingest the gold documents into a fresh knowledge base and match every gold quote to a stored quote."""
    from ingest.pipeline import build_ingestor
    from ingest.readers import read_record
    from kb.factory import open_knowledge_base
    from kb.ids import document_id
    from kb.settings import Settings

    records = read_records(data, {(g.file, g.line) for g in gold})
    raws = {key: read_record(staff_record(key[0], r), f"{key[0]}:{key[1]}") for key, r in records.items()}
    settings = Settings(data_dir=kb_dir)
    kb = open_knowledge_base(settings)
    try:
        report = build_ingestor(kb, settings).ingest(list(raws.values()))
        if report.failed:
            print(f"warning: {report.failed} gold documents failed to ingest: {report.errors}", file=sys.stderr)
        entries: dict[str, tuple[str, str]] = {}
        items = []
        stored: dict[tuple[str, int], tuple] = {}
        for g in gold:
            key = (g.file, g.line)
            if key not in stored:
                raw = raws[key]
                doc, quotes = kb.document(document_id(raw.url, raw.text))
                stored[key] = (doc, quotes)
            doc, quotes = stored[key]
            source_text = records[key][TEXT_FIELD[g.file.split("/", 1)[0]]]
            span = gold_span(g, source_text)  # normalisation keeps offsets, so source offsets index doc.text
            i = best_match(span, [(q.start, q.end) for q in quotes], doc.text)
            if i is None:
                items.append(Item(g, None, doc.title))
                continue
            q = quotes[i]
            sid, name = q.speaker.id, q.speaker.name
            if sid:
                if sid not in entries:  # the canonical entry as the knowledge base shows it (after any merge)
                    speaker = kb.speaker(sid)
                    entries[sid] = (speaker.id, speaker.name)
                sid, name = entries[sid]
            items.append(Item(g, Predicted(q.id, q.text, q.kind, sid, name, q.speaker.description, q.speaker.title), doc.title))
        return items
    finally:
        kb.close()


# -- report ------------------------------------------------------------------------------------
def _rate(flags: list[bool]) -> dict[str, object]:
    return {"right": sum(flags), "n": len(flags), "pct": round(100 * sum(flags) / len(flags), 1) if flags else None}


def summarise(items: list[Item], scored: Scored) -> dict[str, object]:
    by_set: dict[str, list[bool]] = defaultdict(list)
    by_type: dict[str, list[bool]] = defaultdict(list)
    for it, ok in zip(items, scored.right, strict=True):
        by_set[it.gold.set].append(ok)
        by_type[it.gold.type].append(ok)
    wrong = [
        {
            "set": it.gold.set, "where": f"{it.gold.file}:{it.gold.line}", "title": it.title[:80], "quote": it.gold.quote,
            "gold": it.gold.speaker, "gold_type": it.gold.type, "reason": why,
            "predicted": asdict(it.predicted) if it.predicted else None,
        }
        for it, ok, why in zip(items, scored.right, scored.reasons, strict=True) if not ok
    ]
    return {
        "gold": len(items), "documents": len({(it.gold.file, it.gold.line) for it in items}),
        "right_speaker": _rate(scored.right),
        "by_set": {k: _rate(v) for k, v in sorted(by_set.items())},
        "by_type": {k: _rate(v) for k, v in sorted(by_type.items())},
        "missed": sum(1 for it in items if it.predicted is None),
        "wrong_speaker": sum(1 for w in wrong if w["predicted"] is not None),
        "splits": {person: {sid: {"name": name, "quotes": n} for sid, (name, n) in entries.items()} for person, entries in sorted(scored.splits.items())},
        "merges": {sid: {"name": name, "gold": people} for sid, (name, people) in sorted(scored.merges.items())},
        "name_splits": sorted(scored.name_splits),
        "name_merges": sorted(scored.name_merges),
        "wrong": wrong,
    }


def summary_line(s: dict) -> str:
    r = s["right_speaker"]
    sets = ", ".join(f"{k} {v['pct']}% of {v['n']}" for k, v in s["by_set"].items())  # type: ignore[union-attr]
    return (f"right speaker {r['pct']}% ({r['right']}/{r['n']}; {sets}); missed {s['missed']}; "  # type: ignore[index]
            f"splits {len(s['splits'])} ({len(s['name_splits'])} within one name); "  # type: ignore[arg-type]
            f"merges {len(s['merges'])} ({len(s['name_merges'])} within one name)")  # type: ignore[arg-type]


def print_text(s: dict) -> None:
    print(f"Speakers: {s['gold']} gold quotes in {s['documents']} documents")
    print(summary_line(s))
    for label, key in (("by set", "by_set"), ("by type", "by_type")):
        print(f"{label}: " + ", ".join(f"{k} {v['pct']}% ({v['right']}/{v['n']})" for k, v in s[key].items()))
    print(f"missed (no overlapping quote): {s['missed']}; wrong speaker: {s['wrong_speaker']}")
    print(f"\nsplits ({len(s['splits'])}; * entries named like the person, the rest quotes credited to others): gold person -> entries")
    for person, entries in s["splits"].items():
        print(f"  {'*' if person in s['name_splits'] else ' '}{person}: " + "; ".join(f"{e['name']!r} {sid} ({e['quotes']})" for sid, e in entries.items()))
    print(f"\nmerges ({len(s['merges'])}; * holding people named like the entry): entry -> gold identities")
    for sid, m in s["merges"].items():
        print(f"  {'*' if sid in s['name_merges'] else ' '}{m['name']!r} {sid}: " + "; ".join(f"{who} ({n})" for who, n in m["gold"].items()))
    print(f"\nwrong items ({len(s['wrong'])}):")
    for w in s["wrong"]:
        p = w["predicted"]
        got = "nothing" if p is None else f"{p['name']!r} {p['speaker_id'] or '(no id)'} kind={p['kind']} desc={p['description']!r} title={p['title']!r}"
        quote, title = " ".join(w["quote"].split()), " ".join(w["title"].split())
        print(f"  [{w['set']}] {w['where']} {title!r}\n    {quote[:110]!r}\n    gold {w['gold']!r} ({w['gold_type']}); got {got}: {w['reason']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sets", nargs="+", choices=SETS, default=list(SETS), help="which gold sets (default: all)")
    parser.add_argument("--data", type=Path, default=Path("../shared/data"), help="the shared data folder")
    parser.add_argument("--kb-dir", type=Path, default=None, help="build the knowledge base here (kept; default: a temporary folder)")
    parser.add_argument("--json", action="store_true", help="print the whole result as JSON")
    args = parser.parse_args(argv)

    if not args.data.is_dir():
        print(f"error: no shared data at {args.data} (this eval reads the texts from ../shared/data; pass --data)", file=sys.stderr)
        return 2
    gold = load_gold(args.sets)
    if not gold:
        print("error: no gold quotes found", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        kb_dir = args.kb_dir or Path(tmp) / "kb-data"
        if args.kb_dir and args.kb_dir.exists() and any(args.kb_dir.iterdir()):
            print(f"error: {args.kb_dir} is not empty; the eval needs a fresh knowledge base", file=sys.stderr)
            return 2
        items = collect(gold, args.data, kb_dir)
    s = summarise(items, score(items))
    if args.json:
        print(json.dumps(s, indent=2, ensure_ascii=False))
    else:
        print_text(s)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
