"""The PostgreSQL catalogue (psycopg 3 with a pool): the same behaviour as SQLite, shared by many processes and hosts.

Keyword search is BM25 computed in SQL over a weighted tsvector (quote text weight A, speaker B), with the
formula and constants of SQLite FTS5's bm25(), so both backends rank alike; for quotes, from postings kept beside them.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import psycopg
from psycopg.rows import dict_row
from psycopg.types.json import Jsonb
from psycopg_pool import ConnectionPool, PoolTimeout

from kb.catalogue.protocol import (
    STAT_TABLES,
    ClaimedJob,
    QuoteFilter,
    merged_title_counts,
    organization_keys,
    quote_text_key,
    speakers_of_organization,
)
from kb.catalogue.sqlite import MENTIONS_SQL, QUOTE_SPEAKERS_SQL, SqliteCatalogue, query_terms
from kb.errors import StoreCorrupt, StoreUnavailable
from kb.ids import speaker_key
from kb.models import Chunk, Document, Quote, Span, Speaker, SpeakerRef
from kb.speakers import Identity, Mention, Override, mentions_from_rows, plan_identity_update
from kb.syndication import SYNDICATION_CANDIDATES, copy_links, lookup_shingles, stored_shingles
from kb.text import WORD

SCHEMA_VERSION = 12
_WRITE_LOCK = 7_301_113  # advisory lock id: one writer at a time, so orphan-speaker clean-up never races an upsert
_K1, _B = 1.2, 0.75  # FTS5's bm25 constants
_STATS_TTL_S = 30.0  # how long a process ranks with the row count and term frequencies it counted (its own writes reset them)
_NOW = """to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')"""

# Row counts kept by statement triggers in the transaction that writes the rows (cascaded deletes too), so `kb stats`
# reads a few rows instead of counting every quote; the noise each document rejected (kind -> count) is summed the same way.
_COUNTS = [
    "CREATE TABLE row_counts (name TEXT PRIMARY KEY, n BIGINT NOT NULL)",
    *(f"INSERT INTO row_counts SELECT '{t}', count(*) FROM {t}" for t in STAT_TABLES),  # noqa: S608
    "INSERT INTO row_counts SELECT 'noise:' || j.key, sum(j.value::bigint) FROM documents d, jsonb_each_text(d.noise) j GROUP BY j.key",
    """CREATE OR REPLACE FUNCTION kb_count_rows() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'INSERT' THEN
            UPDATE row_counts SET n = n + (SELECT count(*) FROM added) WHERE name = TG_TABLE_NAME;
            IF TG_TABLE_NAME = 'documents' THEN
                INSERT INTO row_counts SELECT 'noise:' || j.key, sum(j.value::bigint) FROM added a, jsonb_each_text(a.noise) j
                GROUP BY j.key ON CONFLICT (name) DO UPDATE SET n = row_counts.n + excluded.n;
            END IF;
        ELSE
            UPDATE row_counts SET n = n - (SELECT count(*) FROM removed) WHERE name = TG_TABLE_NAME;
            IF TG_TABLE_NAME = 'documents' THEN
                INSERT INTO row_counts SELECT 'noise:' || j.key, -sum(j.value::bigint) FROM removed r, jsonb_each_text(r.noise) j
                GROUP BY j.key ON CONFLICT (name) DO UPDATE SET n = row_counts.n + excluded.n;
            END IF;
        END IF;
        RETURN NULL;
    END $$""",
    *(statement for t in STAT_TABLES for statement in (
        f"DROP TRIGGER IF EXISTS {t}_counted_in ON {t}", f"DROP TRIGGER IF EXISTS {t}_counted_out ON {t}",
        f"CREATE TRIGGER {t}_counted_in AFTER INSERT ON {t} REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION kb_count_rows()",
        f"CREATE TRIGGER {t}_counted_out AFTER DELETE ON {t} REFERENCING OLD TABLE AS removed FOR EACH STATEMENT"
        " EXECUTE FUNCTION kb_count_rows()",
    )),
]

_COPIES_TABLE = (
    "CREATE TABLE IF NOT EXISTS quote_copies (quote_id TEXT NOT NULL, copy_id TEXT NOT NULL,"
    " document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
    " copy_document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE, PRIMARY KEY (quote_id, copy_id))"
)
_COPIES_INDEX_1 = "CREATE INDEX IF NOT EXISTS quote_copies_document ON quote_copies(document_id)"
_COPIES_INDEX_2 = "CREATE INDEX IF NOT EXISTS quote_copies_copy_document ON quote_copies(copy_document_id)"

# A quote's words as postings (lexeme, quote, term frequency, quote length), kept by triggers from its tsvector: BM25 is
# then a sum over index ranges, where reading each matching quote's tsvector cost 28 ms for a hybrid search's words at
# 100,000 quotes and 80-500 ms for keyword mode's common ones. The index carries tf and length, so no quote row is read.
_TERMS_TABLE = (
    "CREATE TABLE IF NOT EXISTS quote_terms (lexeme TEXT NOT NULL, quote_id TEXT NOT NULL REFERENCES quotes(id) ON DELETE CASCADE,"
    " tf REAL NOT NULL, n_tokens INTEGER NOT NULL, PRIMARY KEY (lexeme, quote_id) INCLUDE (tf, n_tokens))"
)
_TERMS_INDEX = "CREATE INDEX IF NOT EXISTS quote_terms_quote ON quote_terms(quote_id)"  # a quote's postings go with it
_TERMS_OF = (  # quotes' postings; tf weighs the quote's own words 1 and its speaker's name 0.5, as the tsvector's A and B
    "INSERT INTO quote_terms (lexeme, quote_id, tf, n_tokens) SELECT u.lexeme, {q}.id,"
    " coalesce((SELECT sum(CASE WHEN w = 'A' THEN 1.0 ELSE 0.5 END) FROM unnest(u.weights) w), 1.0), {q}.n_tokens FROM {rows}"
)
_TERMS_TRIGGERS = f"""
CREATE OR REPLACE FUNCTION kb_quote_terms() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        DELETE FROM quote_terms WHERE quote_id = OLD.id;
    END IF;
    {_TERMS_OF.format(q="NEW", rows="unnest(NEW.tsv) u")};
    RETURN NULL;
END $$;
DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgname = 'quotes_terms_in' AND tgrelid = 'quotes'::regclass) THEN
        CREATE TRIGGER quotes_terms_in AFTER INSERT ON quotes FOR EACH ROW EXECUTE FUNCTION kb_quote_terms();
        CREATE TRIGGER quotes_terms_changed AFTER UPDATE OF tsv, n_tokens ON quotes FOR EACH ROW
            WHEN (OLD.tsv IS DISTINCT FROM NEW.tsv OR OLD.n_tokens IS DISTINCT FROM NEW.n_tokens) EXECUTE FUNCTION kb_quote_terms();
    END IF;
END $$;
"""

# MIGRATIONS[n]: the statements that take a version n-1 database to version n (_SCHEMA is always the latest).
MIGRATIONS: dict[int, list[str | Callable[[Any], object]]] = {
    # 2: identity resolution keeps the name as the document gave it and its gender hint; users' merges and splits.
    2: [
        "ALTER TABLE quotes ADD COLUMN IF NOT EXISTS speaker_surface TEXT",
        "ALTER TABLE quotes ADD COLUMN IF NOT EXISTS speaker_gender TEXT",
        "CREATE TABLE IF NOT EXISTS speaker_overrides (seq BIGSERIAL PRIMARY KEY, kind TEXT NOT NULL, name TEXT NOT NULL,"
        " other TEXT, created_at TEXT NOT NULL DEFAULT " + _NOW + ")",
    ],
    3: [  # jobs become a queue: the upload travels in the row, workers hold a lease
        "ALTER TABLE jobs ADD COLUMN kind TEXT", "ALTER TABLE jobs ADD COLUMN publisher TEXT", "ALTER TABLE jobs ADD COLUMN payload BYTEA",
        "ALTER TABLE jobs ADD COLUMN lease_until DOUBLE PRECISION", "ALTER TABLE jobs ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0",
    ],
    4: [  # the noise extraction rejected, per document (kind -> count); speaker ids that outlive a change of name
        "ALTER TABLE documents ADD COLUMN IF NOT EXISTS noise JSONB",
        "CREATE TABLE IF NOT EXISTS speaker_ids (id TEXT PRIMARY KEY, current TEXT NOT NULL)",
        "CREATE INDEX IF NOT EXISTS speaker_ids_current ON speaker_ids(current)",
    ],
    5: [  # word shingles: other outlets' copies of a quote found through an index, not phrase queries
        ("CREATE TABLE IF NOT EXISTS quote_shingles (hash BIGINT NOT NULL, quote_id TEXT NOT NULL,"
         " document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE)"),
        "CREATE INDEX IF NOT EXISTS quote_shingles_hash ON quote_shingles(hash)",
        "CREATE INDEX IF NOT EXISTS quote_shingles_document ON quote_shingles(document_id)",
        lambda db: db.cursor().executemany("INSERT INTO quote_shingles (hash, quote_id, document_id) VALUES (%s,%s,%s)", [
            (h, r["id"], r["document_id"]) for r in db.execute("SELECT id, document_id, text_key FROM quotes").fetchall()
            for h in stored_shingles(r["text_key"])]),
    ],
    6: ["DROP TABLE IF EXISTS row_counts", *_COUNTS],  # counts kept by triggers, made and filled in one transaction
    7: ["ALTER TABLE quotes ADD COLUMN IF NOT EXISTS reported_by TEXT"],  # the outer source of a nested quote
    8: ["CREATE INDEX IF NOT EXISTS quotes_organization ON quotes(lower(speaker_organization), speaker_id) WHERE speaker_organization IS NOT NULL"],  # the organisation filter scans an index, not the quotes
    # 9: date ranges walk an index of the documents' dates; a document's or a speaker's quote ids come from an index alone
    9: ["CREATE INDEX IF NOT EXISTS documents_published ON documents(published, id)",
        "CREATE INDEX IF NOT EXISTS quotes_document_id ON quotes(document_id, id)", "DROP INDEX IF EXISTS quotes_document",
        "CREATE INDEX IF NOT EXISTS quotes_speaker_id ON quotes(speaker_id, id)", "DROP INDEX IF EXISTS quotes_speaker"],
    # 10: which of a thousand nearest quotes a filter keeps is read from two covering indexes, not from the quotes' and
    # documents' rows (a year's over-fetch at 100,000 quotes: 18.9 -> 8.1 ms on a busy machine).
    10: ["CREATE INDEX IF NOT EXISTS quotes_filter_columns ON quotes(id) INCLUDE (document_id, speaker_id, kind)",
         "CREATE INDEX IF NOT EXISTS documents_filter_columns ON documents(id) INCLUDE (published, kind, publisher)"],
    # 11: other outlets' trimmed copies are linked when either is stored; a search reads its page's links in one statement
    11: [_COPIES_TABLE, _COPIES_INDEX_1, _COPIES_INDEX_2, lambda db: _link_all_copies(db)],
    # 12: postings for BM25 (the table and its triggers are made by _SCHEMA on opening; this fills them for the quotes
    # already stored: about 30 s at 100,000 quotes)
    12: [_TERMS_TABLE, _TERMS_INDEX,
         _TERMS_OF.format(q="q", rows="quotes q, unnest(q.tsv) u") + " ON CONFLICT DO NOTHING",
         "ANALYZE quote_terms"],
}
_EPOCH = "extract(epoch FROM clock_timestamp())::float8"

_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'kb') THEN
        CREATE TEXT SEARCH DICTIONARY kb_stem (TEMPLATE = snowball, Language = english);
        CREATE TEXT SEARCH CONFIGURATION kb (COPY = english);
        ALTER TEXT SEARCH CONFIGURATION kb ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part
            WITH kb_stem;
    END IF;
END $$;
CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY, title TEXT NOT NULL, url TEXT, published TEXT, publisher TEXT,
    kind TEXT NOT NULL, source_path TEXT, content_hash TEXT NOT NULL, text TEXT NOT NULL,
    ingested_at TEXT NOT NULL DEFAULT {_NOW}, noise JSONB
);
CREATE TABLE IF NOT EXISTS speaker_ids (id TEXT PRIMARY KEY, current TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS speaker_ids_current ON speaker_ids(current);
CREATE INDEX IF NOT EXISTS documents_hash ON documents(content_hash);
CREATE TABLE IF NOT EXISTS chunks (
    id TEXT PRIMARY KEY, document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
    tsv TSVECTOR NOT NULL, n_tokens INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS chunks_document ON chunks(document_id);
CREATE INDEX IF NOT EXISTS chunks_tsv ON chunks USING gin(tsv);
CREATE TABLE IF NOT EXISTS speakers (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, is_organization INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS speaker_aliases (
    speaker_id TEXT NOT NULL REFERENCES speakers(id) ON DELETE CASCADE, alias TEXT NOT NULL, alias_key TEXT NOT NULL,
    PRIMARY KEY (speaker_id, alias_key)
);
CREATE INDEX IF NOT EXISTS speaker_aliases_key ON speaker_aliases(alias_key);
CREATE TABLE IF NOT EXISTS quotes (
    id TEXT PRIMARY KEY, document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL, kind TEXT NOT NULL,
    cue_text TEXT, cue_start INTEGER, cue_end INTEGER,
    speaker_id TEXT, speaker_name TEXT, speaker_title TEXT, speaker_organization TEXT, speaker_description TEXT,
    speaker_is_organization INTEGER NOT NULL DEFAULT 0,
    resolution TEXT NOT NULL, mention_text TEXT, mention_start INTEGER, mention_end INTEGER,
    confidence DOUBLE PRECISION NOT NULL, text_key TEXT NOT NULL,
    tsv TSVECTOR NOT NULL, n_tokens INTEGER NOT NULL, speaker_surface TEXT, speaker_gender TEXT, reported_by TEXT
);
CREATE TABLE IF NOT EXISTS speaker_overrides (
    seq BIGSERIAL PRIMARY KEY, kind TEXT NOT NULL, name TEXT NOT NULL, other TEXT, created_at TEXT NOT NULL DEFAULT {_NOW}
);
CREATE INDEX IF NOT EXISTS documents_published ON documents(published, id);
CREATE INDEX IF NOT EXISTS quotes_document_id ON quotes(document_id, id);
CREATE INDEX IF NOT EXISTS quotes_speaker_id ON quotes(speaker_id, id);
CREATE INDEX IF NOT EXISTS quotes_filter_columns ON quotes(id) INCLUDE (document_id, speaker_id, kind);
CREATE INDEX IF NOT EXISTS documents_filter_columns ON documents(id) INCLUDE (published, kind, publisher);
CREATE INDEX IF NOT EXISTS quotes_organization ON quotes(lower(speaker_organization), speaker_id) WHERE speaker_organization IS NOT NULL;
CREATE INDEX IF NOT EXISTS quotes_text_key ON quotes(text_key);
CREATE INDEX IF NOT EXISTS quotes_tsv ON quotes USING gin(tsv);
CREATE TABLE IF NOT EXISTS quote_shingles (
    hash BIGINT NOT NULL, quote_id TEXT NOT NULL, document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS quote_shingles_hash ON quote_shingles(hash);
CREATE INDEX IF NOT EXISTS quote_shingles_document ON quote_shingles(document_id);
{_COPIES_TABLE};
{_COPIES_INDEX_1};
{_COPIES_INDEX_2};
{_TERMS_TABLE};
{_TERMS_INDEX};
{_TERMS_TRIGGERS}
CREATE TABLE IF NOT EXISTS jobs (
    id TEXT PRIMARY KEY, status TEXT NOT NULL, created_at TEXT NOT NULL DEFAULT {_NOW},
    finished_at TEXT, processed INTEGER NOT NULL DEFAULT 0, new INTEGER NOT NULL DEFAULT 0, updated INTEGER NOT NULL DEFAULT 0,
    unchanged INTEGER NOT NULL DEFAULT 0, failed INTEGER NOT NULL DEFAULT 0, errors TEXT NOT NULL DEFAULT '[]',
    owner TEXT NOT NULL DEFAULT '', kind TEXT, publisher TEXT, payload BYTEA, lease_until DOUBLE PRECISION,
    attempts INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS jobs_waiting ON jobs(created_at) WHERE status IN ('queued', 'running');
"""

_QUOTE_COLUMNS = (
    'id, document_id, start, "end", text, kind, cue_text, cue_start, cue_end, speaker_id, speaker_name, speaker_title,'
    " speaker_organization, speaker_description, speaker_is_organization, resolution, mention_text, mention_start,"
    " mention_end, confidence, text_key, speaker_surface, speaker_gender, reported_by"
)


def filter_sql(flt: QuoteFilter, quote_alias: str = "q", doc_alias: str = "d") -> tuple[str, list[object]]:
    """The filter as a PostgreSQL condition with its parameters."""
    clauses: list[str] = []
    params: list[object] = []
    if flt.speaker_ids is not None:
        clauses.append(f"{quote_alias}.speaker_id = ANY(%s)")
        params.append(list(flt.speaker_ids))
    if flt.kinds:
        clauses.append(f"{quote_alias}.kind = ANY(%s)")
        params.append(list(flt.kinds))
    if flt.doc_kinds:
        clauses.append(f"{doc_alias}.kind = ANY(%s)")
        params.append(list(flt.doc_kinds))
    if flt.publishers:
        clauses.append(f"lower({doc_alias}.publisher) = ANY(%s)")
        params.append([p.lower() for p in flt.publishers])
    if flt.document_ids:
        clauses.append(f"{quote_alias}.document_id = ANY(%s)")
        params.append(list(flt.document_ids))
    if flt.since:
        clauses.append(f"{doc_alias}.published >= %s")
        params.append(flt.since)
    if flt.until:
        clauses.append(f"{doc_alias}.published <= %s")
        params.append(flt.until)
    if flt.min_confidence is not None:
        clauses.append(f"{quote_alias}.confidence >= %s")
        params.append(flt.min_confidence)
    return (" AND ".join(clauses) or "TRUE"), params


def _speaker_text(q: Quote) -> str:
    return " ".join(filter(None, [q.speaker.name, q.speaker.title, q.speaker.organization]))


def _tokens(*texts: str) -> int:
    """Document length as FTS5 counts it (every word, stopwords included)."""
    return sum(len(WORD.findall(t)) for t in texts)


class PostgresCatalogue:
    """PostgreSQL catalogue; a connection pool shared by the process's threads."""

    def __init__(self, url: str, max_connections: int = 10) -> None:
        self.url = url
        self._where = url.rsplit("@", 1)[-1]  # host/db for messages, never the password
        self._corpus: dict[str, tuple[float, int, float]] = {}  # table -> (when counted, rows, mean length)
        self._df: dict[tuple[str, str], tuple[float, int]] = {}  # (table, term) -> (corpus count it belongs to, df)
        try:
            self._pool = ConnectionPool(url, min_size=1, max_size=max_connections, open=True, timeout=30,
                                        kwargs={"autocommit": True, "row_factory": dict_row})
            self._pool.wait(timeout=30)
        except (psycopg.Error, PoolTimeout) as e:
            raise StoreUnavailable(f"cannot reach the PostgreSQL catalogue at {self._where}: {e}") from e
        try:
            with self._write() as db:
                db.execute("SELECT pg_advisory_xact_lock(%s)", (_WRITE_LOCK,))  # two processes starting at once
                db.execute(_SCHEMA)
                db.execute("INSERT INTO meta VALUES ('schema_version', %s) ON CONFLICT DO NOTHING", (str(SCHEMA_VERSION),))
            self._migrate()
            self._ensure_counts()
        except Exception:
            self._pool.close()
            raise

    # -- connections --------------------------------------------------------------------------
    @contextmanager
    def _conn(self) -> Iterator[psycopg.Connection[Any]]:
        try:
            with self._pool.connection() as conn:
                yield conn
        except (psycopg.OperationalError, PoolTimeout) as e:
            raise StoreUnavailable(f"the PostgreSQL catalogue at {self._where} is unavailable: {e}") from e

    @contextmanager
    def _write(self) -> Iterator[psycopg.Connection[Any]]:
        """One transaction (all or nothing); an outage becomes a StoreUnavailable."""
        self._corpus = {}  # this process sees its own writes in keyword ranking at once, as on SQLite
        with self._conn() as conn, conn.transaction():
            yield conn

    def _all(self, sql: str, params: Iterable[object] = ()) -> list[dict[str, Any]]:
        with self._conn() as db:
            return db.execute(sql, list(params)).fetchall()  # type: ignore[arg-type]

    def _one(self, sql: str, params: Iterable[object] = ()) -> dict[str, Any] | None:
        with self._conn() as db:
            return db.execute(sql, list(params)).fetchone()  # type: ignore[arg-type]

    def close(self) -> None:
        self._pool.close()

    def schema_version(self) -> int:
        row = self._one("SELECT value FROM meta WHERE key = 'schema_version'")
        return int(row["value"]) if row else 0

    def _ensure_counts(self) -> None:
        """Make and fill the maintained counts once (a new database), under the write lock so no write goes uncounted."""
        if (self._one("SELECT to_regclass('row_counts') AS t") or {}).get("t") is not None:
            return
        with self._write() as db:
            db.execute("SELECT pg_advisory_xact_lock(%s)", (_WRITE_LOCK,))
            # pg_tables, read with this statement's snapshot: to_regclass may answer from a catalogue snapshot taken
            # before the lock, and miss the table a process starting at the same time has just made (DuplicateTable)
            made = db.execute("SELECT EXISTS (SELECT 1 FROM pg_tables WHERE schemaname = current_schema() AND tablename = 'row_counts') AS t")
            if not made.fetchone()["t"]:  # type: ignore[index]
                for statement in _COUNTS:
                    db.execute(statement)  # type: ignore[arg-type]

    def _migrate(self) -> None:
        """Bring an older database up to SCHEMA_VERSION one step at a time; refuse a newer one."""
        with self._write() as db:
            db.execute("SELECT pg_advisory_xact_lock(%s)", (_WRITE_LOCK,))
            version = int(db.execute("SELECT value FROM meta WHERE key = 'schema_version' FOR UPDATE").fetchone()["value"])  # type: ignore[index]
            if version > SCHEMA_VERSION:
                raise StoreCorrupt(f"the catalogue at {self._where} has schema version {version}, newer than this kb ({SCHEMA_VERSION})")
            while version < SCHEMA_VERSION:
                for statement in MIGRATIONS[version + 1]:
                    statement(db) if callable(statement) else db.execute(statement)  # a callable fills a new table
                version += 1
                db.execute("UPDATE meta SET value = %s WHERE key = 'schema_version'", (str(version),))

    # -- documents and chunks -----------------------------------------------------------------
    def document_ids(self) -> list[str]:
        return [r["id"] for r in self._all("SELECT id FROM documents ORDER BY id")]

    def chunks_for_document(self, doc_id: str) -> list[Chunk]:
        return [_chunk(r) for r in self._all("SELECT * FROM chunks WHERE document_id = %s ORDER BY start", (doc_id,))]

    def document_hash(self, doc_id: str) -> str | None:
        row = self._one("SELECT content_hash FROM documents WHERE id = %s", (doc_id,))
        return row["content_hash"] if row else None

    def ids_for_document(self, doc_id: str) -> tuple[set[str], set[str]]:
        chunks = {r["id"] for r in self._all("SELECT id FROM chunks WHERE document_id = %s", (doc_id,))}
        quotes = {r["id"] for r in self._all("SELECT id FROM quotes WHERE document_id = %s", (doc_id,))}
        return chunks, quotes

    def replace_document(self, doc: Document, chunks: list[Chunk], quotes: list[Quote], speakers: list[Speaker]) -> None:
        """Write a document with its chunks, quotes and speakers in one transaction (all or nothing)."""
        with self._write() as db:
            db.execute("SELECT pg_advisory_xact_lock(%s)", (_WRITE_LOCK,))
            db.execute("DELETE FROM documents WHERE id = %s", (doc.id,))
            db.execute(
                "INSERT INTO documents (id, title, url, published, publisher, kind, source_path, content_hash, text, noise)"
                " VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s,%s)",
                (doc.id, doc.title, doc.url, doc.published, doc.publisher, doc.kind, doc.source_path, doc.content_hash, doc.text,
                 Jsonb(doc.noise) if doc.noise else None),
            )
            with db.cursor() as cur:
                cur.executemany(
                    'INSERT INTO chunks (id, document_id, start, "end", text, tsv, n_tokens)'
                    " VALUES (%s,%s,%s,%s,%s, to_tsvector('kb', %s), %s)",
                    [(c.id, doc.id, c.start, c.end, c.text, c.text, _tokens(c.text)) for c in chunks],
                )
                for speaker in speakers:
                    _upsert_speaker(cur, speaker)
                cur.executemany(
                    f"INSERT INTO quotes ({_QUOTE_COLUMNS}, tsv, n_tokens) VALUES ({','.join(['%s'] * 24)},"
                    " setweight(to_tsvector('kb', %s), 'A') || setweight(to_tsvector('kb', %s), 'B'), %s)",
                    [(*_quote_row(doc.id, q), q.text, _speaker_text(q), _tokens(q.text, _speaker_text(q))) for q in quotes],
                )
                cur.executemany("INSERT INTO quote_shingles (hash, quote_id, document_id) VALUES (%s,%s,%s)",
                                [(h, q.id, doc.id) for q in quotes for h in stored_shingles(quote_text_key(q.text))])
            _link_copies(db, [(q.id, quote_text_key(q.text), doc.id) for q in quotes])
            db.execute("DELETE FROM speakers s WHERE NOT EXISTS (SELECT 1 FROM quotes q WHERE q.speaker_id = s.id)")

    def get_document(self, doc_id: str) -> Document | None:
        row = self._one("SELECT * FROM documents WHERE id = %s", (doc_id,))
        return _document(row) if row else None

    def documents_by_ids(self, ids: Iterable[str]) -> dict[str, Document]:
        ids = list(set(ids))
        if not ids:
            return {}
        return {r["id"]: _document(r) for r in self._all("SELECT * FROM documents WHERE id = ANY(%s)", (ids,))}

    def chunks_by_ids(self, ids: Iterable[str]) -> dict[str, Chunk]:
        ids = list(set(ids))
        if not ids:
            return {}
        return {r["id"]: _chunk(r) for r in self._all("SELECT * FROM chunks WHERE id = ANY(%s)", (ids,))}

    def stats(self) -> dict[str, int]:
        """The row counts the triggers keep: a lookup, not a scan of every quote."""
        counts = {r["name"]: int(r["n"]) for r in self._all("SELECT name, n FROM row_counts")}
        return {t: counts.get(t, 0) for t in STAT_TABLES}

    def noise_counts(self) -> dict[str, int]:
        rows = self._all("SELECT substr(name, 7) AS key, n FROM row_counts WHERE name LIKE 'noise:%%' AND n > 0 ORDER BY name")
        return {r["key"]: int(r["n"]) for r in rows}

    # -- quotes and keyword search ----------------------------------------------------------------
    def quotes_by_ids(self, ids: Iterable[str]) -> dict[str, Quote]:
        ids = list(set(ids))
        if not ids:
            return {}
        return {r["id"]: _quote(r) for r in self._all("SELECT * FROM quotes WHERE id = ANY(%s)", (ids,))}

    def quotes_for_document(self, doc_id: str) -> list[Quote]:
        return [_quote(r) for r in self._all('SELECT * FROM quotes WHERE document_id = %s ORDER BY start, "end"', (doc_id,))]

    def quotes_sharing_text(self, text_keys: Iterable[str]) -> dict[str, list[Quote]]:
        keys = list(set(text_keys))
        if not keys:
            return {}
        out: dict[str, list[Quote]] = {}
        for r in self._all("SELECT * FROM quotes WHERE text_key = ANY(%s)", (keys,)):
            out.setdefault(r["text_key"], []).append(_quote(r))
        return out

    def copies_of(self, quote_ids: Iterable[str]) -> dict[str, list[Quote]]:
        ids = list(set(quote_ids))
        if not ids:
            return {}
        out: dict[str, list[Quote]] = {}
        rows = self._all("SELECT c.quote_id AS copy_of, q.* FROM quote_copies c JOIN quotes q ON q.id = c.copy_id"
                         " WHERE c.quote_id = ANY(%s) ORDER BY c.quote_id, q.document_id, q.id", (ids,))
        for r in rows:
            out.setdefault(r["copy_of"], []).append(_quote(r))
        return out

    def quotes_with_shingles(self, hashes: list[int], limit: int) -> list[str]:
        return self.quotes_with_shingles_many({"": hashes}, limit).get("", [])

    def quotes_with_shingles_many(self, lookups: Mapping[str, list[int]], limit: int) -> dict[str, list[str]]:
        with self._conn() as db:
            return _shingle_candidates(db, [(key, hashes, None) for key, hashes in lookups.items()], limit)

    def filter_quote_ids(self, ids: list[str], flt: QuoteFilter) -> set[str]:
        if not ids:
            return set()
        where, params = filter_sql(flt)
        rows = self._all(
            f"SELECT q.id FROM quotes q JOIN documents d ON d.id = q.document_id WHERE q.id = ANY(%s) AND {where}", [ids, *params]
        )
        return {r["id"] for r in rows}

    def quote_ids_matching(self, flt: QuoteFilter, limit: int) -> list[str]:
        """Ids of the quotes that pass the filter, at most `limit` (enough to tell a small set from a large one)."""
        where, params = filter_sql(flt)
        rows = self._all(f"SELECT q.id FROM quotes q JOIN documents d ON d.id = q.document_id WHERE {where} LIMIT %s", [*params, limit])
        return [r["id"] for r in rows]

    def count_quotes_matching(self, flt: QuoteFilter, limit: int) -> int:
        """How many quotes pass the filter, counted up to `limit`."""
        where, params = filter_sql(flt)
        row = self._one(f"SELECT count(*) AS n FROM (SELECT 1 FROM quotes q JOIN documents d ON d.id = q.document_id WHERE {where}"
                        " LIMIT %s) AS passing", [*params, limit])
        return int(row["n"]) if row else 0

    def keyword_quotes(
        self, query: str, flt: QuoteFilter, limit: int, phrase: bool = False, common_share: float = 1.0,
    ) -> list[tuple[str, float]]:
        """BM25-ranked quote ids (best first) with their scores; a phrase is ranked by ts_rank_cd. Words in more than
        `common_share` of the quotes are left out when rarer ones remain, as on SQLite."""
        where, params = filter_sql(flt)
        # A filter naming speakers or documents leaves a few quotes, found through their indexes: reading their tsvectors is
        # as fast as the postings (one speaker) or faster (an organisation's 40: 3.9 against 11 ms in keyword mode).
        few = flt.speaker_ids is not None or bool(flt.document_ids)
        return self._keyword("quotes", "q.document_id", query, where, params, limit, phrase, common_share, postings=not few)

    def keyword_chunks(self, query: str, limit: int, phrase: bool = False) -> list[tuple[str, float]]:
        return self._keyword("chunks", "q.document_id", query, "TRUE", [], limit, phrase)

    def compact_keyword_index(self) -> None:
        """Nothing to do: a GIN index over tsvectors is one structure, its pending list flushed by autovacuum."""

    def _keyword(self, table: str, doc_col: str, query: str, where: str, params: list[object], limit: int,
                 phrase: bool, common_share: float = 1.0, postings: bool = False) -> list[tuple[str, float]]:
        words = WORD.findall(query.lower())
        if not words:
            return []
        join = "" if where == "TRUE" else f"JOIN documents d ON d.id = {doc_col}"  # only filters read the document
        with self._conn() as db:
            if phrase:
                rows = db.execute(
                    f"SELECT q.id, ts_rank_cd(q.tsv, phraseto_tsquery('kb', %s)) AS score FROM {table} q {join}"
                    f" WHERE q.tsv @@ phraseto_tsquery('kb', %s) AND {where} ORDER BY score DESC, q.id LIMIT %s",
                    [" ".join(words), " ".join(words), *params, limit],
                ).fetchall()
                return [(r["id"], float(r["score"])) for r in rows]
            lexemes = db.execute("SELECT tsvector_to_array(to_tsvector('kb', %s)) AS l", (" ".join(query_terms(query)),)).fetchone()
            terms = sorted(set(lexemes["l"])) if lexemes else []  # type: ignore[index]
            if not terms:
                return []
            tsquery = " | ".join(_tsquery_literal(t) for t in terms)
            n, avgdl, dfs = self._term_stats(db, table, terms)
            if common_share < 1 and len(terms) > 1:
                terms = [t for t in terms if dfs[t] <= common_share * max(1, n)] or [min(terms, key=lambda t: dfs[t])]
                tsquery = " | ".join(_tsquery_literal(t) for t in terms)
            idf = [_idf(n, dfs[t]) for t in terms]
            if postings:  # quotes have postings; chunks (passages) are scored from their tsvectors
                return self._bm25_from_postings(db, terms, idf, avgdl, where, params, limit)
            rows = db.execute(
                f"SELECT q.id, sum(t.idf * m.tf * {_K1 + 1} / (m.tf + {_K1} * ({1 - _B} + {_B} * q.n_tokens / %s))) AS score"
                f" FROM {table} q {join}"
                " CROSS JOIN LATERAL (SELECT u.lexeme, (SELECT sum(CASE WHEN w = 'A' THEN 1.0 ELSE 0.5 END) FROM unnest(u.weights) w) AS tf"
                "   FROM unnest(q.tsv) u WHERE u.lexeme = ANY(%s)) m"
                " JOIN unnest(%s::text[], %s::float8[]) AS t(lexeme, idf) ON t.lexeme = m.lexeme"
                f" WHERE q.tsv @@ %s::tsquery AND {where}"
                " GROUP BY q.id ORDER BY score DESC, q.id LIMIT %s",
                [avgdl, terms, terms, idf, tsquery, *params, limit],
            ).fetchall()
        return [(r["id"], float(r["score"])) for r in rows]

    @staticmethod
    def _bm25_from_postings(db: psycopg.Connection[Any], terms: list[str], idf: list[float], avgdl: float, where: str,
                            params: list[object], limit: int) -> list[tuple[str, float]]:
        """BM25 summed over the terms' postings; a filter is applied to the scored quotes after, through the covering indexes
        of quotes and documents (a year's filter joined first made PostgreSQL walk every quote: 53 -> 6 ms)."""
        scored = (
            f"SELECT p.quote_id AS id, sum(t.idf * p.tf * {_K1 + 1} / (p.tf + {_K1} * ({1 - _B} + {_B} * p.n_tokens / %s))) AS score"
            " FROM unnest(%s::text[], %s::float8[]) AS t(lexeme, idf) JOIN quote_terms p ON p.lexeme = t.lexeme GROUP BY p.quote_id"
        )
        if where == "TRUE":
            sql = f"{scored} ORDER BY score DESC, id LIMIT %s"
        else:
            sql = (f"WITH s AS MATERIALIZED ({scored}) SELECT s.id, s.score FROM s JOIN quotes q ON q.id = s.id"
                   f" JOIN documents d ON d.id = q.document_id WHERE {where} ORDER BY s.score DESC, s.id LIMIT %s")
        return [(r["id"], float(r["score"])) for r in db.execute(sql, [avgdl, terms, idf, *params, limit]).fetchall()]

    def _term_stats(self, db: psycopg.Connection[Any], table: str, terms: list[str]) -> tuple[int, float, dict[str, int]]:
        """Row count, mean length and each term's document frequency, kept for a while: counting them was most of a
        keyword search (a full scan at 100k quotes), and BM25's weights barely move while other processes write."""
        now = time.monotonic()
        corpus = self._corpus.get(table)
        if corpus is None or now - corpus[0] > _STATS_TTL_S:
            row = db.execute(f"SELECT count(*) AS n, coalesce(avg(n_tokens), 1) AS avgdl FROM {table}").fetchone()
            assert row is not None
            corpus = (now, int(row["n"]), float(row["avgdl"]) or 1.0)
            self._corpus[table] = corpus
            if len(self._df) > 50_000:
                self._df = {}
        fresh = {t: d for t in terms if (d := self._df.get((table, t))) is not None and d[0] >= corpus[0]}
        missing = [t for t in terms if t not in fresh]
        if missing:
            row = db.execute(
                f"SELECT array(SELECT (SELECT count(*) FROM {table} WHERE tsv @@ quote_literal(t)::tsquery)"
                "  FROM unnest(%s::text[]) WITH ORDINALITY AS u(t, i) ORDER BY i) AS df",
                (missing,),
            ).fetchone()
            assert row is not None
            for term, df in zip(missing, row["df"], strict=True):
                fresh[term] = self._df[(table, term)] = (corpus[0], int(df))
        return corpus[1], corpus[2], {t: fresh[t][1] for t in terms}

    def speaker_quotes(self, speaker_id: str, limit: int, offset: int) -> list[Quote]:
        rows = self._all(
            "SELECT q.* FROM quotes q JOIN documents d ON d.id = q.document_id WHERE q.speaker_id = %s"
            " ORDER BY d.published IS NULL, d.published DESC, q.document_id, q.start LIMIT %s OFFSET %s",
            (speaker_id, limit, offset),
        )
        return [_quote(r) for r in rows]

    # -- speakers -------------------------------------------------------------------------------
    def speaker_ids_matching(self, name_or_id: str) -> list[str]:
        """A canonical id, or every speaker one of whose aliases contains all the words given."""
        if self._one("SELECT 1 AS x FROM speakers WHERE id = %s", (name_or_id,)):
            return [name_or_id]
        if (now := self.current_speaker_id(name_or_id)) != name_or_id:
            return [now]
        key = speaker_key(name_or_id)
        if not key:
            return []
        rows = self._all(
            "SELECT DISTINCT speaker_id FROM speaker_aliases WHERE (' ' || alias_key || ' ') LIKE %s",
            ("% " + _like_escape(key) + " %",),
        )
        found = sorted(r["speaker_id"] for r in rows)
        if found or " " not in key:
            return found
        return self._speakers_matching_every_word(key.split())

    def _speakers_matching_every_word(self, words: list[str]) -> list[str]:
        result: set[str] | None = None
        for word in words:
            pattern = "% " + _like_escape(word) + " %"
            rows = self._all(
                "SELECT speaker_id FROM speaker_aliases WHERE (' ' || alias_key || ' ') LIKE %s"
                " UNION SELECT speaker_id FROM quotes WHERE speaker_id IS NOT NULL AND ("
                " (' ' || lower(coalesce(speaker_title, '')) || ' ') LIKE %s"
                " OR (' ' || lower(coalesce(speaker_organization, '')) || ' ') LIKE %s)",
                (pattern, pattern, pattern),
            )
            ids = {r["speaker_id"] for r in rows}
            result = ids if result is None else result & ids
            if not result:
                return []
        return sorted(result or [])

    def speaker_ids_for_organization(self, organization: str) -> list[str]:
        return speakers_of_organization(organization_keys(self.organization_speakers()), organization)

    def organization_speakers(self) -> list[tuple[str, str]]:
        rows = self._all(
            "SELECT DISTINCT lower(speaker_organization) AS org, speaker_id FROM quotes WHERE speaker_organization IS NOT NULL"
            " AND speaker_id IS NOT NULL UNION SELECT lower(name) AS org, id AS speaker_id FROM speakers WHERE is_organization = 1"
        )
        return [(r["org"], r["speaker_id"]) for r in rows]

    def list_speakers(self, query: str | None, limit: int, offset: int = 0) -> list[Speaker]:
        if query:
            ids = self.speaker_ids_matching(query)
            if not ids:
                key = "%" + _like_escape(speaker_key(query)) + "%"
                ids = [r["speaker_id"] for r in self._all("SELECT DISTINCT speaker_id FROM speaker_aliases WHERE alias_key LIKE %s", (key,))]
            if not ids:
                return []
            ids = [r["id"] for r in self._all("SELECT id FROM speakers WHERE id = ANY(%s)", (ids,))]
        else:
            ids = [r["id"] for r in self._all("SELECT id FROM speakers")]
        speakers = [s for s in (self.get_speaker(i) for i in ids) if s]
        speakers.sort(key=lambda s: (-s.quote_count, s.name.lower()))
        return speakers[offset : offset + limit]

    def current_speaker_id(self, speaker_id: str) -> str:
        row = self._one("SELECT current FROM speaker_ids WHERE id = %s", (speaker_id,))
        return str(row["current"]) if row else speaker_id

    def get_speaker(self, speaker_id: str) -> Speaker | None:
        with self._conn() as db:
            row = db.execute("SELECT * FROM speakers WHERE id = %s", (speaker_id,)).fetchone()
            if not row:
                now = self.current_speaker_id(speaker_id)  # an id from before a merge or rename
                return self.get_speaker(now) if now != speaker_id else None
            aliases = sorted({r["alias"] for r in db.execute("SELECT alias FROM speaker_aliases WHERE speaker_id = %s", (speaker_id,))}
                             - {row["name"]})
            facts = db.execute(
                "SELECT count(*) AS n, min(d.published) AS first, max(d.published) AS last FROM quotes q"
                " JOIN documents d ON d.id = q.document_id WHERE q.speaker_id = %s",
                (speaker_id,),
            ).fetchone()
            assert facts is not None
            counts = {
                column: {r["v"]: int(r["n"]) for r in db.execute(
                    f"SELECT {column} AS v, count(*) AS n FROM quotes WHERE speaker_id = %s AND {column} IS NOT NULL"  # noqa: S608
                    " GROUP BY v ORDER BY n DESC, v", (speaker_id,),
                )}
                for column in ("coalesce(speaker_surface, speaker_name)", "speaker_title", "speaker_organization")
            }
        names, titles, orgs = counts.values()
        titles = merged_title_counts(titles)
        return Speaker(
            id=row["id"], name=row["name"], is_organization=bool(row["is_organization"]), aliases=aliases,
            titles=list(titles), organizations=list(orgs), quote_count=int(facts["n"]), first_seen=facts["first"],
            last_seen=facts["last"], alias_counts=names, title_counts=titles, organization_counts=orgs,
        )

    def speakers_by_surname(self, surname: str) -> list[Speaker]:
        key = speaker_key(surname)
        rows = self._all(
            "SELECT id FROM speakers WHERE is_organization = 0 AND right(' ' || lower(name), length(%s) + 1) = (' ' || %s)",
            (key, key),
        )
        return [s for s in (self.get_speaker(r["id"]) for r in rows) if s]

    # -- identity resolution -------------------------------------------------------------------
    def speaker_surfaces(self) -> list[tuple[str, str, str | None]]:
        rows = self._all("SELECT DISTINCT document_id AS doc, coalesce(speaker_surface, speaker_name) AS name, speaker_id FROM quotes"
                         " WHERE coalesce(speaker_surface, speaker_name) IS NOT NULL")
        return [(r["doc"], r["name"], r["speaker_id"]) for r in rows]

    def speaker_mentions(self, scope: Collection[tuple[str, str]] | None = None) -> list[Mention]:
        """Every name as each document used it (or those in `scope`), with the genders, titles and organisations it carried."""
        sql = MENTIONS_SQL
        if scope is None:
            return mentions_from_rows(self._all(sql.format("")))
        rows = self._all(sql.format(" AND q.document_id = ANY(%s)"), (sorted({d for d, _ in scope}),))
        return mentions_from_rows(r for r in rows if (r["doc"], r["name"]) in scope)

    def apply_speaker_identities(self, identities: dict[tuple[str, str], Identity],
                                 scope: Collection[tuple[str, str]] | None = None) -> dict[str, str]:
        """Point every quote (or those of the `scope` mentions) at its resolved speaker and rebuild those speakers;
        the quotes whose speaker id changed."""
        sql = QUOTE_SPEAKERS_SQL
        with self._write() as db:
            db.execute("SELECT pg_advisory_xact_lock(%s)", (_WRITE_LOCK,))
            if scope is None:
                rows = db.execute(sql.format("")).fetchall()
            else:
                rows = [r for r in db.execute(sql.format(" AND document_id = ANY(%s)"), (sorted({d for d, _ in scope}),)).fetchall()
                        if (r["document_id"], r["surface"]) in scope]
            old_ids = sorted({r["speaker_id"] for r in rows if r["speaker_id"]})
            alias_sql = "SELECT speaker_id, alias FROM speaker_aliases" + ("" if scope is None else " WHERE speaker_id = ANY(%s)")
            old_aliases = [(r["speaker_id"], r["alias"]) for r in db.execute(alias_sql, None if scope is None else (old_ids,))]
            known = {r["id"]: r["current"] for r in db.execute("SELECT id, current FROM speaker_ids")}
            plan = plan_identity_update(rows, identities, old_aliases, known)
            with db.cursor() as cur:
                cur.executemany(
                    "UPDATE quotes SET speaker_id = %s, speaker_name = %s, speaker_is_organization = %s,"
                    " tsv = setweight(to_tsvector('kb', text), 'A') || setweight(to_tsvector('kb', %s), 'B') WHERE id = %s",
                    [(i, n, o, who, q) for i, n, o, q, who in plan.quotes],
                )
                cur.executemany("INSERT INTO speaker_ids (id, current) VALUES (%s,%s) ON CONFLICT (id) DO UPDATE SET current = EXCLUDED.current",
                                plan.ids)
                if scope is None:
                    cur.execute("DELETE FROM speaker_aliases")
                    cur.execute("DELETE FROM speakers")
                else:  # only the entries these mentions made, before and after
                    rebuilt = sorted(set(old_ids) | {i for i, _, _ in plan.speakers})
                    cur.execute("DELETE FROM speaker_aliases WHERE speaker_id = ANY(%s)", (rebuilt,))
                    cur.execute("DELETE FROM speakers WHERE id = ANY(%s)", (rebuilt,))
                cur.executemany("INSERT INTO speakers (id, name, is_organization) VALUES (%s,%s,%s) ON CONFLICT DO NOTHING", plan.speakers)
                cur.executemany("INSERT INTO speaker_aliases (speaker_id, alias, alias_key) VALUES (%s,%s,%s) ON CONFLICT DO NOTHING",
                                plan.aliases)
            db.execute("DELETE FROM speakers s WHERE NOT EXISTS (SELECT 1 FROM quotes q WHERE q.speaker_id = s.id)")
            return plan.changed

    def speaker_overrides(self) -> list[Override]:
        return [Override(r["kind"], r["name"], r["other"]) for r in self._all("SELECT kind, name, other FROM speaker_overrides ORDER BY seq")]

    def add_speaker_override(self, override: Override) -> None:
        """Record a merge or split; a later correction of the same name replaces the earlier ones it contradicts."""
        with self._write() as db:
            for name in [override.name] + ([override.other] if override.other else []):
                db.execute("DELETE FROM speaker_overrides WHERE kind = 'split' AND lower(name) = lower(%s)", (name,))
            if override.kind == "split":
                db.execute("DELETE FROM speaker_overrides WHERE kind = 'merge' AND (lower(name) = lower(%s) OR lower(other) = lower(%s))",
                           (override.name, override.name))
            db.execute("INSERT INTO speaker_overrides (kind, name, other) VALUES (%s,%s,%s)", (override.kind, override.name, override.other))

    # -- ingest jobs: a queue taken with FOR UPDATE SKIP LOCKED, under a lease on the database clock ------
    def enqueue_job(self, job_id: str, payload: bytes, kind: str | None, publisher: str | None, owner: str) -> None:
        with self._write() as db:
            db.execute("INSERT INTO jobs (id, status, owner, payload, kind, publisher) VALUES (%s, 'queued', %s, %s, %s, %s)",
                       (job_id, owner, payload, kind, publisher))

    def claim_job(self, owner: str, lease_s: float) -> ClaimedJob | None:
        with self._write() as db:
            row = db.execute(
                f"SELECT * FROM jobs WHERE status = 'queued' OR (status = 'running' AND coalesce(lease_until, 0) < {_EPOCH})"
                " ORDER BY created_at, id LIMIT 1 FOR UPDATE SKIP LOCKED"
            ).fetchone()
            if row is None:
                return None
            db.execute(f"UPDATE jobs SET status = 'running', owner = %s, lease_until = {_EPOCH} + %s, attempts = attempts + 1"
                       " WHERE id = %s", (owner, lease_s, row["id"]))
        return ClaimedJob(
            id=row["id"], payload=bytes(row["payload"] or b""), kind=row["kind"], publisher=row["publisher"], attempts=row["attempts"] + 1,
            counts={k: row[k] for k in ("processed", "new", "updated", "unchanged", "failed")}, errors=json.loads(row["errors"]),
        )

    def renew_job(self, job_id: str, owner: str, lease_s: float) -> bool:
        with self._write() as db:
            cur = db.execute(f"UPDATE jobs SET lease_until = {_EPOCH} + %s WHERE id = %s AND owner = %s AND status = 'running'",
                             (lease_s, job_id, owner))
            return cur.rowcount == 1

    def release_job(self, job_id: str, owner: str) -> bool:
        with self._write() as db:
            cur = db.execute("UPDATE jobs SET status = 'queued', lease_until = NULL WHERE id = %s AND owner = %s AND status = 'running'",
                             (job_id, owner))
            return cur.rowcount == 1

    def update_job(self, job_id: str, status: str, counts: dict[str, int], errors: list[dict[str, str]], finished: bool = False,
                   owner: str | None = None) -> bool:
        with self._write() as db:
            cur = db.execute(
                "UPDATE jobs SET status = %s, processed = %s, new = %s, updated = %s, unchanged = %s, failed = %s, errors = %s,"
                f" finished_at = CASE WHEN %s THEN {_NOW} ELSE finished_at END, payload = CASE WHEN %s THEN NULL ELSE payload END"
                " WHERE id = %s AND (%s::text IS NULL OR owner = %s)",
                (status, counts.get("processed", 0), counts.get("new", 0), counts.get("updated", 0), counts.get("unchanged", 0),
                 counts.get("failed", 0), json.dumps(errors, ensure_ascii=False), finished, finished, job_id, owner, owner),
            )
            return cur.rowcount == 1

    def get_job(self, job_id: str) -> dict[str, object] | None:
        row = self._one("SELECT id, status, created_at, finished_at, processed, new, updated, unchanged, failed, errors, owner"
                        " FROM jobs WHERE id = %s", (job_id,))
        if row is None:
            return None
        job = dict(row)
        job["errors"] = json.loads(job["errors"])
        return job

    def requeue_jobs_of_dead_owners(self, is_dead: Callable[[str], bool]) -> int:
        with self._write() as db:
            rows = db.execute("SELECT id, owner FROM jobs WHERE status = 'running' FOR UPDATE SKIP LOCKED").fetchall()
            dead = [r["id"] for r in rows if is_dead(r["owner"])]
            if dead:
                db.execute("UPDATE jobs SET status = 'queued', lease_until = NULL WHERE id = ANY(%s)", (dead,))
            return len(dead)

    # -- backup ---------------------------------------------------------------------------------
    def backup_to(self, target: Path) -> dict[str, int]:
        """A SQLite catalogue file with every document (the one backup format), from one consistent snapshot."""
        copy = SqliteCatalogue(target)
        try:
            with self._conn() as db, db.transaction():
                db.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
                speakers = {r["id"]: r for r in db.execute("SELECT * FROM speakers")}
                aliases: dict[str, list[str]] = {}
                for r in db.execute("SELECT speaker_id, alias FROM speaker_aliases"):
                    aliases.setdefault(r["speaker_id"], []).append(r["alias"])
                for doc_row in db.execute("SELECT * FROM documents ORDER BY id").fetchall():
                    doc = _document(doc_row)
                    chunks = [_chunk(r) for r in db.execute("SELECT * FROM chunks WHERE document_id = %s", (doc.id,))]
                    quotes = [_quote(r) for r in db.execute("SELECT * FROM quotes WHERE document_id = %s", (doc.id,))]
                    ids = {q.speaker.id for q in quotes if q.speaker.id in speakers}
                    people = [Speaker(id=i, name=speakers[i]["name"], is_organization=bool(speakers[i]["is_organization"]),
                                      aliases=aliases.get(i, [])) for i in sorted(ids, key=str)]  # type: ignore[arg-type]
                    copy.replace_document(doc, chunks, quotes, people)
                for r in db.execute("SELECT kind, name, other FROM speaker_overrides ORDER BY seq"):  # users' merges and splits
                    copy.add_speaker_override(Override(r["kind"], r["name"], r["other"]))
            return copy.stats()
        finally:
            copy.close()


def _idf(n: int, df: int) -> float:
    """FTS5's idf: log((N - n + 0.5) / (n + 0.5)), floored at 1e-6 for words in most rows."""
    import math

    value = math.log((n - df + 0.5) / (df + 0.5)) if df else 0.0
    return value if value > 0 else 1e-6


def _tsquery_literal(lexeme: str) -> str:
    return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'"


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _upsert_speaker(cur: psycopg.Cursor[Any], speaker: Speaker) -> None:
    cur.execute(
        "INSERT INTO speakers (id, name, is_organization) VALUES (%s,%s,%s)"
        " ON CONFLICT (id) DO UPDATE SET name = CASE WHEN length(excluded.name) > length(speakers.name) THEN excluded.name"
        " ELSE speakers.name END",
        (speaker.id, speaker.name, int(speaker.is_organization)),
    )
    cur.executemany(
        "INSERT INTO speaker_aliases (speaker_id, alias, alias_key) VALUES (%s,%s,%s) ON CONFLICT DO NOTHING",
        [(speaker.id, alias, speaker_key(alias)) for alias in {speaker.name, *speaker.aliases} if speaker_key(alias)],
    )


def _quote_row(doc_id: str, q: Quote) -> tuple[object, ...]:
    s = q.speaker
    return (
        q.id, doc_id, q.start, q.end, q.text, q.kind,
        q.cue.text if q.cue else None, q.cue.start if q.cue else None, q.cue.end if q.cue else None,
        s.id, s.name, s.title, s.organization, s.description, int(s.is_organization), s.resolution,
        s.mention.text if s.mention else None, s.mention.start if s.mention else None, s.mention.end if s.mention else None,
        q.confidence, quote_text_key(q.text), s.surface or s.name, s.gender, q.reported_by,
    )


def _quote(r: dict[str, Any]) -> Quote:
    mention = Span(r["mention_text"], r["mention_start"], r["mention_end"]) if r["mention_text"] is not None else None
    cue = Span(r["cue_text"], r["cue_start"], r["cue_end"]) if r["cue_text"] is not None else None
    speaker = SpeakerRef(
        name=r["speaker_name"], resolution=r["resolution"], title=r["speaker_title"], organization=r["speaker_organization"],
        description=r["speaker_description"], mention=mention, is_organization=bool(r["speaker_is_organization"]), id=r["speaker_id"],
        gender=r["speaker_gender"], surface=r["speaker_surface"] or r["speaker_name"],
    )
    return Quote(
        text=r["text"], start=r["start"], end=r["end"], kind=r["kind"], speaker=speaker, cue=cue,
        confidence=r["confidence"], id=r["id"], document_id=r["document_id"], reported_by=r.get("reported_by"),
    )


def _chunk(r: dict[str, Any]) -> Chunk:
    return Chunk(id=r["id"], document_id=r["document_id"], text=r["text"], start=r["start"], end=r["end"])


def _document(r: dict[str, Any]) -> Document:
    return Document(
        id=r["id"], text=r["text"], title=r["title"], url=r["url"], published=r["published"], publisher=r["publisher"],
        kind=r["kind"], source_path=r["source_path"], content_hash=r["content_hash"], noise=dict(r.get("noise") or {}),
    )


def _shingle_candidates(db: Any, lookups: list[tuple[str, list[int], str | None]], limit: int) -> dict[str, list[str]]:
    """For each (key, word-window hashes, document left out or None): at most `limit` ids of quotes holding any of them,
    a few hundred keys a statement."""
    lookups = [(key, hashes, doc) for key, hashes, doc in lookups if hashes]
    out: dict[str, list[str]] = {}
    for start in range(0, len(lookups), 200):
        part = lookups[start : start + 200]
        sql = " UNION ALL ".join("(SELECT %s AS key, quote_id FROM (SELECT DISTINCT quote_id FROM quote_shingles"
                                 " WHERE hash = ANY(%s) AND document_id IS DISTINCT FROM %s::text LIMIT %s) found)" for _ in part)
        for r in db.execute(sql, [x for key, hashes, doc in part for x in (key, hashes, doc, limit)]).fetchall():
            out.setdefault(r["key"], []).append(r["quote_id"])
    return out


def _link_copies(db: Any, quotes: list[tuple[str, str, str]]) -> None:
    """Link quotes just stored ((id, text key, document id)) with other documents' trimmed copies of them."""
    new = {qid: (key, doc) for qid, key, doc in quotes}
    candidates = _shingle_candidates(db, [(qid, lookup_shingles(key), doc) for qid, (key, doc) in new.items()], SYNDICATION_CANDIDATES)
    ids = sorted({c for found in candidates.values() for c in found})
    known = {r["id"]: (r["text_key"], r["document_id"])
             for r in db.execute("SELECT id, text_key, document_id FROM quotes WHERE id = ANY(%s)", (ids,)).fetchall()} if ids else {}
    links = copy_links(new, candidates, known)
    if links:
        with db.cursor() as cur:
            cur.executemany("INSERT INTO quote_copies (quote_id, copy_id, document_id, copy_document_id) VALUES (%s,%s,%s,%s)"
                            " ON CONFLICT DO NOTHING", links)


def _link_all_copies(db: Any, batch: int = 1_000) -> None:
    """Schema 11: the links of every stored quote (each pair is found from both sides; the second is ignored)."""
    rows = db.execute("SELECT id, text_key, document_id FROM quotes ORDER BY id").fetchall()
    for start in range(0, len(rows), batch):
        _link_copies(db, [(r["id"], r["text_key"], r["document_id"]) for r in rows[start : start + batch]])
