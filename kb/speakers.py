"""Resolve the speakers of a document's quotes to canonical speakers across the knowledge base."""

from __future__ import annotations

from typing import Protocol

from kb.ids import speaker_id, speaker_key
from kb.models import Quote, Speaker


class SurnameLookup(Protocol):
    def speakers_by_surname(self, surname: str) -> list[Speaker]: ...


def canonical_speakers(quotes: list[Quote], known: SurnameLookup | None = None) -> list[Speaker]:
    """Set each quote's speaker id; return the speakers to upsert.

    A full name is its own identity. A bare surname the document never expanded is matched
    to the one speaker in the base with that surname, and left alone when several share it,
    so that two people called Smith are never merged.
    """
    speakers: dict[str, Speaker] = {}
    for q in quotes:
        ref = q.speaker
        if not ref.name:
            ref.id = None
            continue
        name = ref.name
        if known is not None and not ref.is_organization and len(name.split()) == 1:
            matches = known.speakers_by_surname(name)
            if len(matches) == 1:
                ref.aliases = [*ref.aliases, name]
                name = ref.name = matches[0].name
        sid = speaker_id(name)
        ref.id = sid
        speaker = speakers.setdefault(sid, Speaker(id=sid, name=name, is_organization=ref.is_organization))
        for alias in ref.aliases:
            if speaker_key(alias) and alias not in speaker.aliases and alias != name:
                speaker.aliases.append(alias)
    return list(speakers.values())
