"""Word shingles that find the same quote in other outlets' copies, trimmed differently, through an index.

Stored: the hashes of a quote's word windows that start at multiples of `STEP`. Looked up: the hashes of every
window of the quote in hand. Any copy of `SYNDICATION_WORDS` words or more that one quote holds inside the other
contains a stored window of the longer side that is also a window of the other, so an indexed equality lookup
finds every candidate; real containment is then checked (`is_trimmed_copy`). Cheap at any corpus size, unlike phrase
queries over full-text doclists of common words. The catalogues do this when a document is stored and keep the links
both ways (`copy_links`), so a search reads a page's copies with one indexed statement.
"""

from __future__ import annotations

import hashlib

SYNDICATION_WORDS = 8  # a copy shorter than this is too common a phrase to call the same quote
WINDOW = SYNDICATION_WORDS // 2 + 1  # 5 words
STEP = SYNDICATION_WORDS - WINDOW + 1  # 4: any run of SYNDICATION_WORDS words holds a whole window starting at a multiple of STEP


def _hash(words: list[str]) -> int:
    """A stable signed 63-bit hash (fits SQLite INTEGER and PostgreSQL BIGINT)."""
    return int.from_bytes(hashlib.blake2b(" ".join(words).encode(), digest_size=8).digest(), "big") >> 1


def stored_shingles(text_key: str) -> list[int]:
    """The hashes kept for a quote: its windows at multiples of STEP (none for quotes too short to be syndicated)."""
    words = text_key.split()
    if len(words) < SYNDICATION_WORDS:
        return []
    return sorted({_hash(words[i : i + WINDOW]) for i in range(0, len(words) - WINDOW + 1, STEP)})


def lookup_shingles(text_key: str) -> list[int]:
    """The hashes to look up for a quote: every window of it."""
    words = text_key.split()
    if len(words) < SYNDICATION_WORDS:
        return []
    return sorted({_hash(words[i : i + WINDOW]) for i in range(len(words) - WINDOW + 1)})


SYNDICATION_CANDIDATES = 200  # shingle matches read per quote; a boilerplate sentence repeated more often is not news


def is_trimmed_copy(key: str, other_key: str) -> bool:
    """Whether one quote's words hold the other's whole, at least SYNDICATION_WORDS of them: the same words in another
    outlet's copy, trimmed differently (text keys; equal keys are exact copies, found by their key, not here)."""
    if key == other_key or min(len(key.split()), len(other_key.split())) < SYNDICATION_WORDS:
        return False
    padded, other = f" {key} ", f" {other_key} "
    return other in padded or padded in other


def copy_links(
    new: dict[str, tuple[str, str]], candidates: dict[str, list[str]], known: dict[str, tuple[str, str]]
) -> list[tuple[str, str, str, str]]:
    """Links between newly stored quotes and the stored quotes the shingle index offered as candidates.

    new: quote id -> (text key, document id); candidates: new quote id -> ids from the shingle index; known: candidate
    id -> (text key, document id). Returns (quote, copy, quote's document, copy's document) rows, both ways round, so
    each side finds the other with one indexed read; never within one document."""
    links: list[tuple[str, str, str, str]] = []
    for qid, found in candidates.items():
        key, doc = new[qid]
        for other in found:
            other_key, other_doc = known.get(other) or new.get(other) or ("", doc)
            if other_doc != doc and is_trimmed_copy(key, other_key):
                links += [(qid, other, doc, other_doc), (other, qid, other_doc, doc)]
    return links
