"""Infer a document's kind (article, roundtable, statement) when no one says."""

from __future__ import annotations

import re

_STATEMENT_TITLE = re.compile(r"^\s*(?:joint\s+)?(?:statement|press release|news release|readout of a call)\b", re.I)
_ROUNDTABLE_TITLE = re.compile(
    r"\b(?:roundtable|round table|remarks|transcript|press briefing|press gaggle|press call|press conference|readout|hearing|meeting|interview)\b", re.I
)
# Speaker labels open lines ("MS. JEAN-PIERRE:", "THE PRESIDENT:"); a reporter's question opens with a bare "Q".
_LABEL_LINE = re.compile(r"^[ \t]*(?:(?:THE [A-Z ]+|[A-Z][A-Z.'’ -]{2,}|Q):\s|Q[ \t]+(?=[A-Z]))", re.M)


def infer_kind(title: str, text: str, issuer: str | None = None) -> str:
    if issuer or _STATEMENT_TITLE.search(title):
        return "statement"
    if len(_LABEL_LINE.findall(text[:20000])) >= 3 or _ROUNDTABLE_TITLE.search(title):
        return "roundtable"
    return "article"
