"""Domain records: documents, chunks, quotes, speakers and search hits."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class DocKind(str, Enum):
    """What a document is; its value is the wire and storage value."""

    ARTICLE = "article"
    ROUNDTABLE = "roundtable"
    STATEMENT = "statement"


class QuoteKind(str, Enum):
    """How a statement is reported."""

    DIRECT = "direct"
    MIXED = "mixed"
    INDIRECT = "indirect"
    TURN = "turn"
    STATEMENT = "statement"
    QUESTION = "question"  # a reporter's question in a transcript (a `Q` turn), never credited to a named speaker


class Resolution(str, Enum):
    """How the speaker of a quote was found."""

    NAMED = "named"
    PRONOUN = "pronoun"
    NOMINAL = "nominal"
    ANONYMOUS = "anonymous"
    LABEL = "label"
    DOCUMENT = "document"


class SearchMode(str, Enum):
    HYBRID = "hybrid"
    SEMANTIC = "semantic"
    KEYWORD = "keyword"
    PHRASE = "phrase"


class JobStatus(str, Enum):
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"
    INTERRUPTED = "interrupted"


class IngestStatus(str, Enum):
    """What storing a document did."""

    NEW = "new"
    UPDATED = "updated"
    UNCHANGED = "unchanged"


DOC_KINDS: tuple[str, ...] = tuple(k.value for k in DocKind)
QUOTE_KINDS: tuple[str, ...] = tuple(k.value for k in QuoteKind)


@dataclass(frozen=True)
class Span:
    """A half-open character range [start, end) in a document's text, with its text."""

    text: str
    start: int
    end: int


@dataclass
class Document:
    """One ingested source: its text (offsets index it) and metadata."""

    id: str
    text: str
    title: str = ""
    url: str | None = None
    published: str | None = None  # ISO date (YYYY-MM-DD) when known
    publisher: str | None = None
    kind: str = "article"
    source_path: str | None = None
    content_hash: str = ""
    noise: dict[str, int] = field(default_factory=dict)  # what extraction rejected (captions, credits...), by kind


@dataclass(frozen=True)
class Chunk:
    """A token-bounded passage of a document with exact offsets."""

    id: str
    document_id: str
    text: str
    start: int
    end: int


@dataclass
class SpeakerRef:
    """Who said a quote, as extracted from one document."""

    name: str | None
    resolution: str
    title: str | None = None
    organization: str | None = None
    description: str | None = None
    mention: Span | None = None
    is_organization: bool = False
    id: str | None = None  # canonical speaker id, set by resolution
    aliases: list[str] = field(default_factory=list)  # other names this document used for the speaker
    # "female" / "male" when the document says (an honorific such as MS., a pronoun that refers back, a first
    # name): cross-document resolution never joins a Ms. Leavitt to a Mike Leavitt.
    gender: str | None = None
    # The name as the document gave it, kept when resolution shows the canonical name in `name`.
    surface: str | None = None


@dataclass
class Quote:
    """A statement found in a document: its span, cue and speaker."""

    text: str
    start: int
    end: int
    kind: str
    speaker: SpeakerRef
    cue: Span | None = None
    confidence: float = 0.5
    id: str = ""
    document_id: str = ""
    # The outer source of a nested attribution ("…," sources told ABC News; according to Lapan; a quote read out
    # in a press secretary's turn): who reported the speaker's words, as the document names them.
    reported_by: str | None = None


@dataclass
class Speaker:
    """A canonical speaker across the knowledge base."""

    id: str
    name: str
    is_organization: bool = False
    aliases: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    organizations: list[str] = field(default_factory=list)
    quote_count: int = 0
    first_seen: str | None = None
    last_seen: str | None = None
    # How many quotes carry each name, title and organisation (most frequent first).
    alias_counts: dict[str, int] = field(default_factory=dict)
    title_counts: dict[str, int] = field(default_factory=dict)
    organization_counts: dict[str, int] = field(default_factory=dict)
