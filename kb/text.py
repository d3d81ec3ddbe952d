"""Words that carry the content of a query, shared by keyword search and highlighting."""

from __future__ import annotations

import re

WORD = re.compile(r"\w+", re.UNICODE)

# Function words add noise to an OR query's BM25 ranking, and so does the framing of a question
# about statements ("what did X say about"), which says nothing about their content.
STOPWORDS = frozenset(
    "a an and are as at be been but by can could did do does for from had has have he her his how i if in into is it its"
    " may me might my no not of on or our over she should so than that the their them then there these they this those"
    " to us was we were what when where which who whom why will with would you your about"
    " say said says think thought discuss discussed discussion summarize summarise talk talked opinion views mention mentioned".split()
)


def content_words(text: str) -> list[str]:
    """The query's words in order, lower-cased, without stopwords (all of them if nothing else is left)."""
    words = list(dict.fromkeys(WORD.findall(text.lower())))
    return [w for w in words if w not in STOPWORDS] or words
