"""Briefings: the best quotes on a topic, grouped by speaker, with numbered citations."""

from __future__ import annotations

from dataclasses import dataclass, field

from kb.citations import citation, source_link, speaker_line
from kb.knowledge import KnowledgeBase
from kb.models import Document, Quote
from kb.search import SearchQuery


@dataclass
class BriefingGroup:
    quote_refs: list[tuple[int, Quote, Document]] = field(default_factory=list)


@dataclass
class Briefing:
    topic: str
    groups: list[BriefingGroup]
    citations: list[str]
    markdown: str


def build_briefing(
    kb: KnowledgeBase,
    topic: str,
    speakers: list[str] | None = None,
    since: str | None = None,
    until: str | None = None,
    per_speaker: int = 3,
    max_speakers: int = 10,
    base_url: str | None = None,
) -> Briefing:
    hits = []
    for who in speakers or [None]:
        query = SearchQuery(q=topic, mode="hybrid", limit=100, speaker=who, since=since, until=until)
        hits.extend(kb.search_quotes(query).results)
    hits.sort(key=lambda h: -h.score)
    by_speaker: dict[str, list] = {}
    for hit in hits:
        s = hit.quote.speaker
        key = s.id or f"unnamed:{(s.description or '').lower()}"
        group = by_speaker.setdefault(key, [])
        if len(group) < per_speaker and all(h.quote.id != hit.quote.id for h in group):
            group.append(hit)
    chosen = list(by_speaker.values())[:max_speakers]
    groups: list[BriefingGroup] = []
    citations: list[str] = []
    lines = [f"## Briefing: {topic}", ""]
    for group in chosen:
        s = group[0].quote.speaker
        lines.append(f"### {speaker_line(s.name, s.title, s.organization, s.description)}")
        bg = BriefingGroup()
        for hit in group:
            link = source_link(hit.document, hit.quote.text, base_url)
            citations.append(citation(hit.document, link))
            number = len(citations)
            bg.quote_refs.append((number, hit.quote, hit.document))
            lines.append(f"- \u201c{hit.quote.text}\u201d [{number}]")
        groups.append(bg)
        lines.append("")
    if citations:
        lines.append("**Sources**")
        lines.append("")
        lines.extend(f"{n}. {c}" for n, c in enumerate(citations, start=1))
    else:
        lines.append("_No quotes found on this topic._")
    return Briefing(topic, groups, citations, "\n".join(lines).rstrip() + "\n")
