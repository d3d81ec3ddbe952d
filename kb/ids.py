"""Deterministic identifiers, so that ingesting the same thing twice changes nothing."""

from __future__ import annotations

import hashlib
import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

_TRACKING_PREFIXES = ("utm_", "mc_", "pk_", "hsa_")
_TRACKING_NAMES = {"fbclid", "gclid", "dclid", "msclkid", "igshid", "cmpid", "ref", "ref_src", "s_cid", "ncid", "ocid", "yclid", "_ga"}


def _digest(*parts: str, size: int = 16) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode("utf-8"))
        h.update(b"\x1f")
    return h.hexdigest()[:size]


def canonical_url(url: str) -> str:
    """Lower-case scheme and host, no fragment, no tracking parameters, no trailing slash."""
    parts = urlsplit(url.strip())
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if k.lower() not in _TRACKING_NAMES and not k.lower().startswith(_TRACKING_PREFIXES)
    ]
    path = parts.path.rstrip("/") or "/"
    host = (parts.hostname or "").lower()
    if parts.port and (parts.scheme, parts.port) not in {("http", 80), ("https", 443)}:
        host = f"{host}:{parts.port}"
    return urlunsplit((parts.scheme.lower(), host, path, urlencode(sorted(query)), ""))


def content_hash(text: str) -> str:
    """Hash of the text with whitespace collapsed, so re-wrapping does not change it."""
    return hashlib.sha256(re.sub(r"\s+", " ", text).strip().encode("utf-8")).hexdigest()


def document_id(url: str | None, text: str) -> str:
    """From the canonical URL when there is one, else from the content."""
    if url:
        return "doc_" + _digest("url", canonical_url(url))
    return "doc_" + _digest("text", content_hash(text))


def chunk_id(doc_id: str, start: int, end: int) -> str:
    return "chk_" + _digest(doc_id, str(start), str(end))


def quote_id(doc_id: str, start: int, end: int) -> str:
    return "q_" + _digest(doc_id, str(start), str(end))


def speaker_key(name: str) -> str:
    """The normalised name a canonical speaker is keyed by."""
    return re.sub(r"[^a-z0-9]+", " ", name.lower()).strip()


def speaker_id(name: str) -> str:
    return "spk_" + _digest(speaker_key(name), size=12)
