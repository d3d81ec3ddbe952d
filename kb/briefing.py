"""Briefings a staffer can paste: the best quotes on a topic by speaker, deduplicated, with every source cited."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kb.catalogue import quote_text_key
from kb.citations import balance_marks, citation, source_link, speaker_line
from kb.knowledge import KnowledgeBase
from kb.models import Document, Quote
from kb.search import QuoteHit, SearchQuery


@dataclass(frozen=True)
class BriefingRules:
    """What a briefing leaves out; one place for its thresholds."""

    min_words: int = 5  # shorter quotes appear only with the sentence around them
    max_description_words: int = 10  # longer "descriptions" are clauses the extractor caught, not a source
    candidates: int = 100  # search results considered per speaker asked for


RULES = BriefingRules()
# Descriptions that say nothing about who spoke: "A woman", "The", "someone".
_VAGUE = frozenset("a an the one some someone somebody person people man men woman women he she they it this that who others other source sources".split())
# An unnamed source is worth a heading when the description says what kind of source it is.
_ROLES = frozenset(
    "official officials officer officers spokesperson spokesman spokeswoman spokespeople group groups advocate advocates attorney"
    " attorneys lawyer lawyers aide aides administration department agency agencies senator senators lawmaker lawmakers"
    " representative representatives resident residents expert experts critic critics supporter supporters leader leaders"
    " democrats republicans police authorities activist activists analyst analysts researcher researchers judge judges staff"
    " sheriff sheriffs governor governors mayor mayors president minister ministers secretary director directors chief chiefs"
    " commissioner commissioners agent agents worker workers parent parents migrant migrants immigrant immigrants protesters"
    " organizers council committee campaign union company officials' member members executive executives prosecutor prosecutors"
    " diplomat diplomats adviser advisers advisor advisors economist economists doctor doctors teacher teachers farmer farmers".split()
)
_CLAUSE = frozenset("which whose whom what where when that who if because".split())
_NOT_NAMES = frozenset("the a an he she they it this that we i you his her their".split())


@dataclass
class BriefingSource:
    document: Document
    link: str | None


@dataclass
class BriefingQuote:
    number: int  # the citation number, shared by every source of these words
    quote: Quote
    document: Document
    text: str  # balanced marks, ready to sit inside “…”
    context: str | None  # the sentence around a short fragment, else None
    score: float
    sources: list[BriefingSource]


@dataclass
class BriefingGroup:
    heading: str
    speaker_id: str | None
    quotes: list[BriefingQuote] = field(default_factory=list)

    @property
    def quote_refs(self) -> list[tuple[int, Quote, Document]]:
        return [(q.number, q.quote, q.document) for q in self.quotes]


@dataclass
class Briefing:
    topic: str
    groups: list[BriefingGroup]
    citations: list[str]
    markdown: str
    first_date: str | None = None
    last_date: str | None = None
    source_count: int = 0

    def as_dict(self) -> dict[str, object]:
        return {
            "topic": self.topic, "first_date": self.first_date, "last_date": self.last_date, "sources": self.source_count,
            "speakers": [
                {"heading": g.heading, "speaker_id": g.speaker_id, "quotes": [
                    {"citation_number": q.number, "text": q.text, "context": q.context, "quote_id": q.quote.id,
                     "sources": [{"document_id": s.document.id, "title": s.document.title, "publisher": s.document.publisher,
                                  "published": s.document.published, "link": s.link} for s in q.sources]}
                    for q in g.quotes]}
                for g in self.groups
            ],
            "citations": self.citations, "markdown": self.markdown,
        }


def build_briefing(
    kb: KnowledgeBase,
    topic: str,
    speakers: list[str] | None = None,
    since: str | None = None,
    until: str | None = None,
    per_speaker: int = 3,
    max_speakers: int = 10,
    base_url: str | None = None,
    rules: BriefingRules = RULES,
    min_confidence: float | None = None,
) -> Briefing:
    """Search, keep real sources, merge repeated words (with all their outlets), and lay out the memo."""
    hits: list[QuoteHit] = []
    for who in speakers or [None]:
        query = SearchQuery(q=topic, mode="hybrid", limit=rules.candidates, speaker=who, since=since, until=until,
                            min_confidence=min_confidence)
        hits.extend(kb.search_quotes(query).results)
    hits.sort(key=lambda h: (-h.score, _date_key(h.document)))
    groups: dict[str, BriefingGroup] = {}
    keys_seen: dict[str, set[str]] = {}
    for hit in hits:
        heading = _heading(kb, hit.quote, rules)
        if heading is None:
            continue
        key = hit.quote.speaker.id or "unnamed:" + heading.lower()
        group = groups.setdefault(key, BriefingGroup(heading, hit.quote.speaker.id))
        text_key = quote_text_key(hit.quote.text)
        known = keys_seen.setdefault(key, set())
        same = next((q for q in group.quotes if _same_words(text_key, quote_text_key(q.quote.text))), None)
        if same is not None:  # the same words again from this speaker: one quote, every source cited
            _add_sources(same, hit, base_url)
            continue
        if text_key in known or len(group.quotes) >= per_speaker:
            continue
        known.add(text_key)
        short = len(text_key.split()) < rules.min_words
        bq = BriefingQuote(0, hit.quote, hit.document, balance_marks(hit.quote.text),
                           _inline(hit.context) if short else None, hit.score, [])
        if short and not bq.context:
            continue  # a fragment without its sentence says nothing
        _add_sources(bq, hit, base_url)
        group.quotes.append(bq)
    chosen = [g for g in groups.values() if g.quotes][:max_speakers]
    citations: list[str] = []
    for group in chosen:
        group.quotes.sort(key=lambda q: (-q.score, _date_key(q.document)))
        for q in group.quotes:
            citations.append("; ".join(citation(s.document, s.link) for s in q.sources))
            q.number = len(citations)
    briefing = Briefing(topic, chosen, citations, "")
    dates = sorted(s.document.published for g in chosen for q in g.quotes for s in q.sources if s.document.published)
    briefing.first_date, briefing.last_date = (dates[0], dates[-1]) if dates else (None, None)
    briefing.source_count = len({s.document.id for g in chosen for q in g.quotes for s in q.sources})
    briefing.markdown = to_markdown(briefing)
    return briefing


def _date_key(doc: Document) -> str:
    """Sorts newer first inside equal relevance (an inverted date string)."""
    return "".join(chr(0x10FFFF - ord(c)) for c in (doc.published or ""))


def _same_words(a: str, b: str) -> bool:
    return a == b or (min(len(a), len(b)) > 0 and (f" {a} " in f" {b} " or f" {b} " in f" {a} ") and min(len(a.split()), len(b.split())) >= 8)


def _add_sources(bq: BriefingQuote, hit: QuoteHit, base_url: str | None) -> None:
    have = {s.document.id for s in bq.sources}
    for quote, doc in [(hit.quote, hit.document), *hit.sources]:
        if doc.id not in have:
            have.add(doc.id)
            bq.sources.append(BriefingSource(doc, source_link(doc, quote.text, base_url)))


def _heading(kb: KnowledgeBase, quote: Quote, rules: BriefingRules) -> str | None:
    """'Name, Title, Organisation' for a real speaker, a clear description for an unnamed one, else None."""
    s = quote.speaker
    if s.name and _looks_like_name(s.name):
        name, title, org = s.name, s.title, s.organization
        if s.id:
            found = kb.catalogue.get_speaker(s.id)
            if found is not None and _looks_like_name(found.name):
                name = found.name
                # The titles most quotes give (one article's "President, Even" is an extraction slip).
                title = found.titles[0] if found.titles else title
                org = found.organizations[0] if found.organizations else org
        return speaker_line(name, title, org, None)
    description = (s.description or "").strip(" ,.;:")
    words = re.findall(r"[\w'’-]+", description.lower())
    if not words or len(words) > rules.max_description_words or all(w in _VAGUE for w in words):
        return None
    if any(w in _CLAUSE for w in words) or not any(w in _ROLES for w in words):
        return None  # a clause the extractor caught ("The highlights of which"), not a kind of source
    return speaker_line(None, None, None, description)


def _looks_like_name(name: str) -> bool:
    words = [w for w in re.findall(r"[\w'’.-]+", name) if w.lower() not in _NOT_NAMES]
    return bool(words) and any(w[:1].isupper() and len(w.strip(".")) > 1 for w in words)


def _inline(context: str | None) -> str | None:
    text = " ".join((context or "").split())
    return balance_marks(text) if text else None


def _count(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def header(b: Briefing) -> str:
    """'5 quotes from 3 speakers in 4 sources': what a reader checks first."""
    return f"{_count(sum(len(g.quotes) for g in b.groups), 'quote')} from {_count(len(b.groups), 'speaker')} in {_count(b.source_count, 'source')}"


def to_markdown(b: Briefing) -> str:
    lines = [f"## Briefing: {b.topic}", ""]
    if b.citations:
        span = f", {b.first_date} to {b.last_date}" if b.first_date and b.first_date != b.last_date else (f", {b.first_date}" if b.first_date else "")
        lines += [f"_{header(b)}{span}._", ""]
    for group in b.groups:
        lines.append(f"### {group.heading}")
        for q in group.quotes:
            if q.context:
                lines.append(f"- \u201c{q.text}\u201d, in context: \u201c\u2026{q.context}\u2026\u201d [{q.number}]")
            else:
                lines.append(f"- \u201c{q.text}\u201d [{q.number}]")
        lines.append("")
    if b.citations:
        lines += ["**Sources**", ""]
        lines.extend(f"{n}. {c}" for n, c in enumerate(b.citations, start=1))
    else:
        lines.append("_No quotes found on this topic._")
    return "\n".join(lines).rstrip() + "\n"


def briefing_dict_from_api(body: dict[str, Any]) -> dict[str, object]:
    """`Briefing.as_dict()` rebuilt from `POST /v1/briefings`'s answer, so the CLI prints the same through a server."""
    return {
        "topic": body["topic"], "first_date": body.get("first_date"), "last_date": body.get("last_date"), "sources": body.get("source_count", 0),
        "speakers": [
            {"heading": g["heading"], "speaker_id": g["speaker"].get("id"), "quotes": [
                {"citation_number": q["citation_number"], "text": q["text"], "context": q.get("context"), "quote_id": q["quote"]["id"],
                 "sources": [{k: src.get(k) for k in ("document_id", "title", "publisher", "published", "link")} for src in q["sources"]]}
                for q in g["quotes"]]}
            for g in body["speakers"]
        ],
        "citations": body["citations"], "markdown": body["markdown"],
    }


def write_docx(b: Briefing | dict[str, Any], path: Path) -> None:
    """The same briefing as a Word document (python-docx), headings and numbered sources included.

    Takes the briefing or its `as_dict()` form (what the CLI has when a server built it)."""
    from docx import Document as Docx

    d = b.as_dict() if isinstance(b, Briefing) else b
    groups: list[dict[str, Any]] = d["speakers"]
    citations: list[str] = d["citations"]
    doc = Docx()
    doc.add_heading(f"Briefing: {d['topic']}", level=1)
    if citations:
        first, last = d.get("first_date"), d.get("last_date")
        span = f", {first} to {last}" if first and first != last else ""
        counts = (f"{_count(sum(len(g['quotes']) for g in groups), 'quote')} from {_count(len(groups), 'speaker')}"
                  f" in {_count(int(d.get('sources') or 0), 'source')}")
        doc.add_paragraph(f"{counts}{span}.")
    for group in groups:
        doc.add_heading(group["heading"], level=2)
        for q in group["quotes"]:
            text = f"\u201c{q['text']}\u201d" + (f", in context: \u201c\u2026{q['context']}\u2026\u201d" if q.get("context") else "")
            doc.add_paragraph(f"{text} [{q['citation_number']}]", style="List Bullet")
    if citations:
        doc.add_heading("Sources", level=2)
        for n, c in enumerate(citations, start=1):
            doc.add_paragraph(f"{n}. {c}")
    else:
        doc.add_paragraph("No quotes found on this topic.")
    doc.save(str(path))
