"""Word shingles that find the same quote in other outlets' copies, trimmed differently, through an index.

Stored: the hashes of a quote's word windows that start at multiples of `STEP`. Looked up: the hashes of every
window of the quote in hand. Any copy of `SYNDICATION_WORDS` words or more that one quote holds inside the other
contains a stored window of the longer side that is also a window of the other, so an indexed equality lookup
finds every candidate; the caller then checks real containment. Cheap at any corpus size, unlike phrase queries
over full-text doclists of common words.
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
