"""What every catalogue backend offers (the `Catalogue` protocol) and the plain-data filter each translates itself."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, runtime_checkable

from kb.ids import speaker_key
from kb.models import Chunk, Document, Quote, Speaker
from kb.speakers import Identity, Mention, Override
from kb.text import WORD

STAT_TABLES = ("documents", "chunks", "quotes", "speakers")


def organization_keys(pairs: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """(organisation, speaker id) pairs with each organisation as its speaker key, ready for matching."""
    return [(speaker_key(org), sid) for org, sid in pairs]


def speakers_of_organization(keyed: Iterable[tuple[str, str]], organization: str) -> list[str]:
    """Speakers of every organisation whose key holds the asked name's (the one matching rule of an organisation filter)."""
    key = speaker_key(organization)
    return sorted({sid for org, sid in keyed if key in org}) if key else []


def merged_title_counts(counts: Mapping[str, int]) -> dict[str, int]:
    """A speaker's titles with the ones that differ only in case counted as one ("President" 208 and "president" 50 are
    "President" 258), each shown as most quotes write it (capitalised on a tie); most frequent first."""
    merged: dict[str, dict[str, int]] = {}
    for title, n in counts.items():
        merged.setdefault(title.casefold(), {})[title] = n
    totals = {max(forms, key=lambda t: (forms[t], t[:1].isupper(), t)): sum(forms.values()) for forms in merged.values()}
    return dict(sorted(totals.items(), key=lambda kv: (-kv[1], kv[0])))


def quote_text_key(text: str) -> str:
    """The words of a quote, lower-cased: the same quote in two outlets shares this key."""
    return " ".join(WORD.findall(text.lower()))


@dataclass
class QuoteFilter:
    """Restrictions every search mode applies; plain data that each store translates to its own dialect.

    `speaker_ids=[]` means "a speaker was asked for and none matched", so nothing passes.
    """

    speaker_ids: list[str] | None = None
    kinds: list[str] | None = None
    doc_kinds: list[str] | None = None
    publishers: list[str] | None = None
    since: str | None = None
    until: str | None = None
    document_ids: list[str] | None = None
    min_confidence: float | None = None  # only quotes attributed at least this surely (confidence is calibrated on dev)


@dataclass
class ClaimedJob:
    """An ingest job a worker has taken: the upload and how far earlier attempts got."""

    id: str
    payload: bytes
    kind: str | None
    publisher: str | None
    attempts: int
    counts: dict[str, int] = field(default_factory=dict)
    errors: list[dict[str, str]] = field(default_factory=list)


@runtime_checkable
class Catalogue(Protocol):
    """Documents, chunks, quotes, speakers, the keyword index and ingest jobs, behind one seam."""

    # -- lifecycle ------------------------------------------------------------------------
    def close(self) -> None: ...

    def schema_version(self) -> int: ...

    # -- documents and chunks ---------------------------------------------------------------
    def document_ids(self) -> list[str]: ...

    def document_hash(self, doc_id: str) -> str | None: ...

    def ids_for_document(self, doc_id: str) -> tuple[set[str], set[str]]: ...

    def replace_document(self, doc: Document, chunks: list[Chunk], quotes: list[Quote], speakers: list[Speaker]) -> None: ...

    def get_document(self, doc_id: str) -> Document | None: ...

    def documents_by_ids(self, ids: Iterable[str]) -> dict[str, Document]: ...

    def chunks_for_document(self, doc_id: str) -> list[Chunk]: ...

    def chunks_by_ids(self, ids: Iterable[str]) -> dict[str, Chunk]: ...

    def stats(self) -> dict[str, int]: ...

    def noise_counts(self) -> dict[str, int]:
        """What extraction rejected as noise across the stored documents, by kind (caption, headline, ...)."""
        ...

    # -- quotes and keyword search -------------------------------------------------------------
    def quotes_by_ids(self, ids: Iterable[str]) -> dict[str, Quote]: ...

    def quotes_for_document(self, doc_id: str) -> list[Quote]: ...

    def quotes_sharing_text(self, text_keys: Iterable[str]) -> dict[str, list[Quote]]: ...

    def copies_of(self, quote_ids: Iterable[str]) -> dict[str, list[Quote]]:
        """For each of these quotes that has any, other documents' trimmed copies of it (kb.syndication: one holds the
        other's words whole), linked when the later of the two was stored; exact copies are `quotes_sharing_text`'s."""
        ...

    def quotes_with_shingles(self, hashes: list[int], limit: int) -> list[str]:
        """Ids of quotes holding any of these word-window hashes (kb.syndication), unranked, at most `limit`."""
        ...

    def quotes_with_shingles_many(self, lookups: Mapping[str, list[int]], limit: int) -> dict[str, list[str]]:
        """`quotes_with_shingles` for several quotes in one round trip: for each key, at most `limit` ids."""
        ...

    def filter_quote_ids(self, ids: list[str], flt: QuoteFilter) -> set[str]: ...

    def quote_ids_matching(self, flt: QuoteFilter, limit: int) -> list[str]: ...

    def count_quotes_matching(self, flt: QuoteFilter, limit: int) -> int:
        """How many quotes pass the filter, counted up to `limit` (a filter's size without listing it)."""
        ...

    def keyword_quotes(
        self, query: str, flt: QuoteFilter, limit: int, phrase: bool = False, common_share: float = 1.0,
    ) -> list[tuple[str, float]]: ...

    def keyword_chunks(self, query: str, limit: int, phrase: bool = False) -> list[tuple[str, float]]: ...

    def compact_keyword_index(self) -> None:
        """Merge the keyword index's pieces after a bulk write, so that searches read one piece per word."""
        ...

    def speaker_quotes(self, speaker_id: str, limit: int, offset: int) -> list[Quote]: ...

    # -- speakers ---------------------------------------------------------------------------
    def speaker_ids_matching(self, name_or_id: str) -> list[str]: ...

    def speaker_ids_for_organization(self, organization: str) -> list[str]: ...

    def organization_speakers(self) -> list[tuple[str, str]]:
        """Every (organisation, speaker id) pair the quotes name, and each organisation that speaks for itself as
        (its name, its id): what an organisation filter matches against, small enough to keep in memory."""
        ...

    def list_speakers(self, query: str | None, limit: int, offset: int = 0) -> list[Speaker]: ...

    def get_speaker(self, speaker_id: str) -> Speaker | None:
        """The entry, also by an id it had before a merge or a change of name."""
        ...

    def current_speaker_id(self, speaker_id: str) -> str:
        """The id an entry has now, given any id it ever had (unknown ids come back unchanged)."""
        ...

    def speakers_by_surname(self, surname: str) -> list[Speaker]: ...

    # -- identity resolution (kb.speakers decides; the catalogue reads mentions and stores the outcome) ------------
    def speaker_surfaces(self) -> list[tuple[str, str, str | None]]:
        """Each (document id, name as the document gave it, speaker id now): what an incremental resolution links."""
        ...

    def speaker_mentions(self, scope: Collection[tuple[str, str]] | None = None) -> list[Mention]: ...

    def apply_speaker_identities(self, identities: dict[tuple[str, str], Identity],
                                 scope: Collection[tuple[str, str]] | None = None) -> dict[str, str]:
        """Store what resolution decided for every mention, or only for the `scope` mentions (an incremental pass)."""
        ...

    def speaker_overrides(self) -> list[Override]: ...

    def add_speaker_override(self, override: Override) -> None: ...

    # -- ingest jobs: a queue whose jobs workers take under a lease they renew ---------------------
    def enqueue_job(self, job_id: str, payload: bytes, kind: str | None, publisher: str | None, owner: str) -> None: ...

    def claim_job(self, owner: str, lease_s: float) -> ClaimedJob | None:
        """The oldest queued job, or a running one whose lease ran out (its worker died), now owned by `owner`."""
        ...

    def renew_job(self, job_id: str, owner: str, lease_s: float) -> bool:
        """Extend the lease; False when the job is no longer this owner's."""
        ...

    def release_job(self, job_id: str, owner: str) -> bool:
        """Back to the queue with its progress kept (a worker stopping), for any worker to continue."""
        ...

    def update_job(self, job_id: str, status: str, counts: dict[str, int], errors: list[dict[str, str]], finished: bool = False,
                   owner: str | None = None) -> bool:
        """Record progress (only while `owner` holds the job, when given); a finished job drops its upload."""
        ...

    def get_job(self, job_id: str) -> dict[str, object] | None: ...

    def requeue_jobs_of_dead_owners(self, is_dead: Callable[[str], bool]) -> int: ...

    # -- backup -------------------------------------------------------------------------------
    def backup_to(self, target: Path) -> dict[str, int]: ...


def copy_catalogue(source: Catalogue, target: Catalogue) -> None:
    """Every document of source, with its chunks, quotes and speakers, written into target."""
    for doc_id in source.document_ids():
        doc = source.get_document(doc_id)
        if doc is None:  # deleted meanwhile
            continue
        quotes = source.quotes_for_document(doc_id)
        speakers = [s for s in (source.get_speaker(i) for i in {q.speaker.id for q in quotes if q.speaker.id}) if s]
        target.replace_document(doc, source.chunks_for_document(doc_id), quotes, speakers)
    for override in source.speaker_overrides():  # users' merges and splits travel with the quotes
        target.add_speaker_override(override)
