"""Readers per format: plain text, Markdown with front matter, HTML, JSON, JSONL, and gzip of each."""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

from ingest.dates import parse_date
from ingest.normalise import normalise
from kb.models import DOC_KINDS

TEXT_SUFFIXES = {".txt", ".text"}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm"}
JSON_SUFFIXES = {".json"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | MARKDOWN_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES

# Other datasets name the same fields differently; map them onto ours.
_FIELD_ALIASES = {
    "text": ("text", "content", "content_original", "body"),
    "html": ("html", "content_html"),
    "url": ("url", "source_url", "link"),
    "published": ("published", "date", "published_time", "publication_date"),
    "publisher": ("publisher", "source", "sitename"),
    "title": ("title", "headline"),
    "kind": ("kind",),
    "speaker": ("speaker", "member", "issuer"),
}


class ReaderError(ValueError):
    """A file or record that cannot be read; the message names it."""

    def __init__(self, where: str, message: str) -> None:
        super().__init__(f"{where}: {message}")
        self.where = where
        self.reason = message


@dataclass
class RawDocument:
    """A document as read: normalised text (same offsets as the source text) and metadata."""

    text: str
    source: str
    title: str = ""
    url: str | None = None
    published: str | None = None
    publisher: str | None = None
    kind: str | None = None
    issuer: str | None = None  # who issued a statement, when a record says so
    size: int = 0  # characters of input it was read from: progress and ETA go by this, not by records


def _looks_binary(data: bytes) -> bool:
    """Many NULs or control bytes at the start; a stray NUL in real text is cleaned, not refused."""
    head = data[:4096]
    if not head or head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    control = sum(1 for b in head if b < 9 or 13 < b < 32)
    return control > max(2, len(head) // 100)


def _decode(data: bytes, where: str) -> str:
    if _looks_binary(data):
        raise ReaderError(where, "looks like a binary file, not text")
    for encoding in ("utf-8-sig", "utf-16") if data.startswith((b"\xff\xfe", b"\xfe\xff")) else ("utf-8-sig",):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as e:
        raise ReaderError(where, f"cannot decode text ({e.reason})") from e


def _check_kind(kind: object, where: str) -> str | None:
    if kind in (None, ""):
        return None
    if kind not in DOC_KINDS:
        raise ReaderError(where, f"unknown kind {kind!r}; use one of {', '.join(DOC_KINDS)}")
    return str(kind)


_DATE_LINE = re.compile(
    r"^\s*(?:Published:?\s*)?((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},\s+\d{4}|\d{4}-\d{2}-\d{2})", re.I
)
_BYLINE = re.compile(r"^\s*By\s*(.+?)\s*$")


def read_plain_text(text: str, source: str) -> RawDocument:
    """Title on the first line; a byline and a date line among the next few."""
    lines = text.splitlines()
    title = next((line.strip() for line in lines if line.strip()), "")
    published = publisher = None
    for line in lines[1:12]:
        if published is None and (m := _DATE_LINE.match(line)):
            published = parse_date(m.group(1))
        elif publisher is None and (m := _BYLINE.match(line)) and len(line) < 80:
            publisher = m.group(1) or None
    return RawDocument(text=normalise(text), source=source, title=title, published=published, publisher=publisher)


_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*\r?\n", re.S)


def read_markdown(text: str, source: str) -> RawDocument:
    meta: dict = {}
    body = text
    if m := _FRONT_MATTER.match(text):
        try:
            meta = yaml.safe_load(m.group(1)) or {}
        except yaml.YAMLError as e:
            raise ReaderError(source, f"invalid YAML front matter ({e.__class__.__name__})") from e
        if not isinstance(meta, dict):
            raise ReaderError(source, "front matter must be a mapping of fields")
        body = text[m.end():]
    title = str(meta.get("title") or "") or next((ln.lstrip("# ").strip() for ln in body.splitlines() if ln.strip()), "")
    return RawDocument(
        text=normalise(body, markdown=True),
        source=source,
        title=title,
        url=meta.get("url") or None,
        published=parse_date(meta.get("published") or meta.get("date")),
        publisher=meta.get("publisher") or None,
        kind=_check_kind(meta.get("kind"), source),
        issuer=meta.get("speaker") or None,
    )


def read_html(html: str, source: str, url: str | None = None) -> RawDocument:
    import trafilatura

    extracted = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False, include_tables=False)
    if extracted is None or not (extracted.text or "").strip():
        raise ReaderError(source, "no main text found in the HTML")
    return RawDocument(
        text=normalise(extracted.text),
        source=source,
        title=extracted.title or "",
        url=url or extracted.url,
        published=parse_date(extracted.date),
        publisher=extracted.sitename,
    )


def _field(record: dict, name: str) -> object:
    for key in _FIELD_ALIASES[name]:
        if record.get(key) not in (None, ""):
            return record[key]
    return None


def read_record(record: object, source: str) -> RawDocument:
    """One JSON record: {title, url, published, publisher, kind, text | html}."""
    if not isinstance(record, dict):
        raise ReaderError(source, "a record must be a JSON object")
    text, html = _field(record, "text"), _field(record, "html")
    url = _field(record, "url")
    if text is None and html is None:
        raise ReaderError(source, "record has neither 'text' nor 'html'")
    if text is not None and not isinstance(text, str) or html is not None and not isinstance(html, str):
        raise ReaderError(source, "'text' and 'html' must be strings")
    doc = read_html(html, source, url=url) if text is None else RawDocument(text=normalise(text, markdown=True), source=source)
    title = _field(record, "title")
    doc.title = str(title) if title else doc.title
    doc.url = str(url) if url else doc.url
    doc.published = parse_date(_field(record, "published")) or doc.published
    publisher = _field(record, "publisher")
    doc.publisher = str(publisher) if publisher else doc.publisher
    doc.kind = _check_kind(record.get("kind"), source)
    speaker = _field(record, "speaker")
    doc.issuer = str(speaker) if speaker else None
    return doc


def iter_jsonl_lines(lines: Iterator[str], source: str) -> Iterator[RawDocument | ReaderError]:
    """Yield each record's document, or the error for that line; a bad line never stops the rest."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            yield ReaderError(where, f"invalid JSON ({e.msg} at column {e.colno})")
            continue
        try:
            doc = read_record(record, where)
        except ReaderError as e:
            yield e
            continue
        doc.size = len(line) + 1
        yield doc


def _inner_suffix(path: Path) -> str:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return suffixes[-1] if suffixes else ""


def is_supported(path: Path) -> bool:
    return _inner_suffix(path) in SUPPORTED_SUFFIXES


def _read_bytes(path: Path) -> bytes:
    where = str(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError as e:
        raise ReaderError(where, "no such file") from e
    except IsADirectoryError as e:
        raise ReaderError(where, "is a folder, not a file") from e
    except OSError as e:
        raise ReaderError(where, f"cannot read ({e.strerror})") from e
    if path.suffix.lower() == ".gz":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as e:
            raise ReaderError(where, "not a valid gzip file") from e
    return data


def read_path(path: Path) -> Iterator[RawDocument | ReaderError]:
    """Every document in one file (a JSONL file holds many); errors are yielded, not raised."""
    where = str(path)
    suffix = _inner_suffix(path)
    if suffix not in SUPPORTED_SUFFIXES:
        yield ReaderError(where, f"unknown format {suffix or '(no extension)'!r}; supported: {', '.join(sorted(SUPPORTED_SUFFIXES))} (optionally .gz)")
        return
    try:
        text = _decode(_read_bytes(path), where)
    except ReaderError as e:
        yield e
        return
    if suffix in JSONL_SUFFIXES:
        yield from iter_jsonl_lines(iter(text.splitlines()), where)
        return
    try:
        if suffix in TEXT_SUFFIXES:
            docs = [read_plain_text(text, where)]
        elif suffix in MARKDOWN_SUFFIXES:
            docs = [read_markdown(text, where)]
        elif suffix in HTML_SUFFIXES:
            docs = [read_html(text, where)]
        else:
            yield from _read_json(text, where)
            return
    except ReaderError as e:
        yield e
        return
    docs[0].size = len(text)
    yield docs[0]


def _read_json(text: str, where: str) -> Iterator[RawDocument | ReaderError]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise ReaderError(where, f"invalid JSON ({e.msg} at line {e.lineno}, column {e.colno})") from e
    records = data if isinstance(data, list) else [data]
    for index, record in enumerate(records):
        try:
            yield read_record(record, f"{where}[{index}]" if isinstance(data, list) else where)
        except ReaderError as e:
            yield e


def expand_paths(paths: list[Path]) -> Iterator[Path | ReaderError]:
    """Files as given, folders walked recursively (supported files only, sorted for a stable order)."""
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and is_supported(p) and not p.name.startswith("."))
        elif path.exists():
            yield path
        else:
            yield ReaderError(str(path), "no such file or folder")


def iter_documents(paths: list[Path]) -> Iterator[RawDocument | ReaderError]:
    """Every document under the given files and folders, in order; unreadable ones as errors."""
    for item in expand_paths(paths):
        if isinstance(item, ReaderError):
            yield item
        else:
            yield from read_path(item)
