"""The embedded SQLite catalogue: documents, speakers, quotes, jobs and the FTS5 keyword index."""

from __future__ import annotations

import functools
import json
import sqlite3
import threading
import time
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from kb.errors import StoreCorrupt, StoreUnavailable
from kb.ids import speaker_key
from kb.models import Chunk, Document, Quote, Span, Speaker, SpeakerRef
from kb.catalogue.protocol import (
    STAT_TABLES,
    ClaimedJob,
    QuoteFilter,
    merged_title_counts,
    organization_keys,
    quote_text_key,
    speakers_of_organization,
)
from kb.syndication import SYNDICATION_CANDIDATES, copy_links, lookup_shingles, stored_shingles
from kb.speakers import Identity, Mention, Override, mentions_from_rows, plan_identity_update
from kb.text import WORD, content_words

SCHEMA_VERSION = 11

# Row counts kept by triggers in the transaction that writes the rows (cascaded deletes too), so `kb stats` reads a
# few rows instead of counting every quote; the noise each document rejected (kind -> count) is summed the same way.
_COUNTS = [
    "CREATE TABLE row_counts (name TEXT PRIMARY KEY, n INTEGER NOT NULL)",
    *(f"INSERT INTO row_counts SELECT '{t}', count(*) FROM {t}" for t in STAT_TABLES),  # noqa: S608
    "INSERT INTO row_counts SELECT 'noise:' || j.key, sum(j.value) FROM documents d, json_each(d.noise) j"
    " WHERE d.noise IS NOT NULL GROUP BY j.key",
    *(statement for t in STAT_TABLES for statement in (
        f"DROP TRIGGER IF EXISTS {t}_counted_in", f"DROP TRIGGER IF EXISTS {t}_counted_out",
        f"CREATE TRIGGER {t}_counted_in AFTER INSERT ON {t} BEGIN UPDATE row_counts SET n = n + 1 WHERE name = '{t}'; END",
        f"CREATE TRIGGER {t}_counted_out AFTER DELETE ON {t} BEGIN UPDATE row_counts SET n = n - 1 WHERE name = '{t}'; END",
    )),
    "DROP TRIGGER IF EXISTS documents_noise_in", "DROP TRIGGER IF EXISTS documents_noise_out",
    "CREATE TRIGGER documents_noise_in AFTER INSERT ON documents WHEN NEW.noise IS NOT NULL BEGIN"
    " INSERT INTO row_counts (name, n) SELECT 'noise:' || key, value FROM json_each(NEW.noise) WHERE 1"
    " ON CONFLICT (name) DO UPDATE SET n = n + excluded.n; END",
    "CREATE TRIGGER documents_noise_out AFTER DELETE ON documents WHEN OLD.noise IS NOT NULL BEGIN"
    " UPDATE row_counts SET n = n - (SELECT value FROM json_each(OLD.noise) WHERE 'noise:' || key = row_counts.name)"
    " WHERE name IN (SELECT 'noise:' || key FROM json_each(OLD.noise)); END",
]

_COPIES_TABLE = (
    "CREATE TABLE IF NOT EXISTS quote_copies (quote_id TEXT NOT NULL, copy_id TEXT NOT NULL,"
    " document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
    " copy_document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE, PRIMARY KEY (quote_id, copy_id)) WITHOUT ROWID"
)
_COPIES_INDEX_1 = "CREATE INDEX IF NOT EXISTS quote_copies_document ON quote_copies(document_id)"
_COPIES_INDEX_2 = "CREATE INDEX IF NOT EXISTS quote_copies_copy_document ON quote_copies(copy_document_id)"
_MAX_PARAMS = 10_000  # bound parameters a statement, well under SQLite's limit
_MAX_PARTS = 200  # SELECTs joined by UNION ALL in a statement (SQLite allows 500)

# MIGRATIONS[n]: the statements that take a version n-1 catalogue to version n (_SCHEMA is always the latest).
MIGRATIONS: dict[int, list[str | Callable[[sqlite3.Connection], object]]] = {
    # 2: identity resolution keeps the name as the document gave it and its gender hint; users' merges and splits.
    2: [
        "ALTER TABLE quotes ADD COLUMN speaker_surface TEXT",
        "ALTER TABLE quotes ADD COLUMN speaker_gender TEXT",
        "CREATE TABLE IF NOT EXISTS speaker_overrides (seq INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL,"
        " name TEXT NOT NULL, other TEXT, created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')))",
    ],
    3: [  # jobs become a queue: the upload travels in the row, workers hold a lease
        "ALTER TABLE jobs ADD COLUMN kind TEXT", "ALTER TABLE jobs ADD COLUMN publisher TEXT", "ALTER TABLE jobs ADD COLUMN payload BLOB",
        "ALTER TABLE jobs ADD COLUMN lease_until REAL", "ALTER TABLE jobs ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0",
    ],
    4: [  # the noise extraction rejected, per document (JSON kind -> count); speaker ids that outlive a change of name
        "ALTER TABLE documents ADD COLUMN noise TEXT",
        "CREATE TABLE IF NOT EXISTS speaker_ids (id TEXT PRIMARY KEY, current TEXT NOT NULL)",
        "CREATE INDEX IF NOT EXISTS speaker_ids_current ON speaker_ids(current)",
    ],
    5: [  # word shingles: other outlets' copies of a quote found through an index, not phrase queries
        ("CREATE TABLE IF NOT EXISTS quote_shingles (hash INTEGER NOT NULL, quote_id TEXT NOT NULL,"
         " document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE)"),
        "CREATE INDEX IF NOT EXISTS quote_shingles_hash ON quote_shingles(hash)",
        "CREATE INDEX IF NOT EXISTS quote_shingles_document ON quote_shingles(document_id)",
        lambda db: db.executemany("INSERT INTO quote_shingles (hash, quote_id, document_id) VALUES (?,?,?)", (
            (h, r[0], r[1]) for r in db.execute("SELECT id, document_id, text_key FROM quotes").fetchall() for h in stored_shingles(r[2]))),
    ],
    6: ["DROP TABLE IF EXISTS row_counts", *_COUNTS],  # counts kept by triggers, made and filled in one transaction
    7: [lambda db: _add_column(db, "quotes", "reported_by TEXT")],  # the outer source of a nested quote
    # 8: each FTS row's rowid is its quote's or chunk's rowid, so one is updated or deleted by a key lookup; their id
    # columns are UNINDEXED, and a lookup by id scanned the whole index (a full resolution was quadratic in quotes).
    # The organisation filter reads speaker ids from a small index instead of scanning every quote.
    8: [lambda db: _rebuild_fts_by_rowid(db, "quotes_fts", "quotes", ("quote_id", "text", "speaker")),
        lambda db: _rebuild_fts_by_rowid(db, "chunks_fts", "chunks", ("chunk_id", "text")),
        "CREATE INDEX IF NOT EXISTS quotes_organization ON quotes(lower(speaker_organization), speaker_id) WHERE speaker_organization IS NOT NULL"],
    # 9: a date range walks the documents' dates in order, and the quote ids of a document or a speaker come from an index alone
    # (at 100,000 quotes: listing a year's 10,000 quotes 7.2 -> 3.7 ms, counting them 2.1 -> 0.9 ms; 40 speakers' 2,000 4.6 -> 1.3 ms).
    9: ["CREATE INDEX IF NOT EXISTS documents_published ON documents(published, id)",
        "CREATE INDEX IF NOT EXISTS quotes_document_id ON quotes(document_id, id)", "DROP INDEX IF EXISTS quotes_document",
        "CREATE INDEX IF NOT EXISTS quotes_speaker_id ON quotes(speaker_id, id)", "DROP INDEX IF EXISTS quotes_speaker"],
    # 10: which of a thousand nearest quotes a filter keeps is read from two covering indexes, not from the quotes' and
    # documents' rows (a year's over-fetch at 100,000 quotes: 18.9 -> 8.1 ms on a busy machine).
    10: ["CREATE INDEX IF NOT EXISTS quotes_filter_columns ON quotes(id, document_id, speaker_id, kind)",
         "CREATE INDEX IF NOT EXISTS documents_filter_columns ON documents(id, published, kind, publisher)"],
    # 11: other outlets' trimmed copies of a quote are linked when either is stored, so a search reads its page's links
    # with one indexed statement instead of hashing every hit's words and matching them in the shingle index (a quarter
    # of a search's CPU at 100,000 quotes). Filled here for the quotes already stored.
    11: [_COPIES_TABLE, _COPIES_INDEX_1, _COPIES_INDEX_2, lambda db: _link_all_copies(db)],
}
_EPOCH = "((julianday('now') - 2440587.5) * 86400.0)"
_JOB_FIELDS = "id, status, created_at, finished_at, processed, new, updated, unchanged, failed, errors, owner"

# Identity resolution's reads, the same SQL on both backends ({} takes the scope's condition).
MENTIONS_SQL = ("SELECT q.document_id AS doc, coalesce(q.speaker_surface, q.speaker_name) AS name, q.speaker_is_organization AS org,"
                " d.published AS published, q.speaker_gender AS gender, q.speaker_title AS title, q.speaker_organization AS affil,"
                " count(*) AS n FROM quotes q JOIN documents d ON d.id = q.document_id"
                " WHERE coalesce(q.speaker_surface, q.speaker_name) IS NOT NULL{} GROUP BY 1, 2, 3, 4, 5, 6, 7")
QUOTE_SPEAKERS_SQL = ("SELECT id, document_id, coalesce(speaker_surface, speaker_name) AS surface, speaker_id, speaker_name,"
                      " speaker_is_organization, speaker_title, speaker_organization FROM quotes"
                      " WHERE coalesce(speaker_surface, speaker_name) IS NOT NULL{}")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY, title TEXT NOT NULL, url TEXT, published TEXT, publisher TEXT,
    kind TEXT NOT NULL, source_path TEXT, content_hash TEXT NOT NULL, text TEXT NOT NULL,
    ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')), noise TEXT
);
CREATE TABLE IF NOT EXISTS speaker_ids (id TEXT PRIMARY KEY, current TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS speaker_ids_current ON speaker_ids(current);
CREATE INDEX IF NOT EXISTS documents_hash ON documents(content_hash);
CREATE TABLE IF NOT EXISTS chunks (
    id TEXT PRIMARY KEY, document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS chunks_document ON chunks(document_id);
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
    confidence REAL NOT NULL, text_key TEXT NOT NULL, speaker_surface TEXT, speaker_gender TEXT, reported_by TEXT
);
CREATE INDEX IF NOT EXISTS documents_published ON documents(published, id);
CREATE INDEX IF NOT EXISTS quotes_document_id ON quotes(document_id, id);
CREATE INDEX IF NOT EXISTS quotes_speaker_id ON quotes(speaker_id, id);
CREATE INDEX IF NOT EXISTS quotes_filter_columns ON quotes(id, document_id, speaker_id, kind);
CREATE INDEX IF NOT EXISTS documents_filter_columns ON documents(id, published, kind, publisher);
CREATE INDEX IF NOT EXISTS quotes_organization ON quotes(lower(speaker_organization), speaker_id) WHERE speaker_organization IS NOT NULL;
CREATE INDEX IF NOT EXISTS quotes_text_key ON quotes(text_key);
CREATE TABLE IF NOT EXISTS quote_shingles (
    hash INTEGER NOT NULL, quote_id TEXT NOT NULL, document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS quote_shingles_hash ON quote_shingles(hash);
CREATE INDEX IF NOT EXISTS quote_shingles_document ON quote_shingles(document_id);
""" + f"{_COPIES_TABLE};\n{_COPIES_INDEX_1};\n{_COPIES_INDEX_2};" + """
CREATE VIRTUAL TABLE IF NOT EXISTS quotes_fts USING fts5(
    quote_id UNINDEXED, text, speaker, tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TABLE IF NOT EXISTS speaker_overrides (
    seq INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, name TEXT NOT NULL, other TEXT,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE TABLE IF NOT EXISTS jobs (
    id TEXT PRIMARY KEY, status TEXT NOT NULL, created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    finished_at TEXT, processed INTEGER NOT NULL DEFAULT 0, new INTEGER NOT NULL DEFAULT 0, updated INTEGER NOT NULL DEFAULT 0,
    unchanged INTEGER NOT NULL DEFAULT 0, failed INTEGER NOT NULL DEFAULT 0, errors TEXT NOT NULL DEFAULT '[]',
    owner TEXT NOT NULL DEFAULT '', kind TEXT, publisher TEXT, payload BLOB, lease_until REAL,
    attempts INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS jobs_status ON jobs(status);
CREATE VIRTUAL TABLE IF NOT EXISTS chunks_fts USING fts5(
    chunk_id UNINDEXED, text, tokenize = 'porter unicode61 remove_diacritics 2'
);
"""



def fts_query(text: str, phrase: bool = False) -> str | None:
    """A safe FTS5 query: terms ORed (BM25 ranks by how many match), or one exact phrase."""
    words = WORD.findall(text.lower())
    if not words:
        return None
    if phrase:
        return '"' + " ".join(words) + '"'
    return " OR ".join(f'"{w}"' for w in query_terms(text))


def query_terms(text: str) -> list[str]:
    """Content words. One-letter ones stay: "Grad D" finds its speaker's turns through the speaker column; the
    "s" of "Trump's", which matches a quarter of a news corpus, is left out by the common-word share instead."""
    return content_words(text)


def filter_sql(flt: QuoteFilter, quote_alias: str = "q", doc_alias: str = "d") -> tuple[str, list[object]]:
    """The filter as an SQL condition with its parameters (SQLite placeholders)."""
    clauses: list[str] = []
    params: list[object] = []

    def in_clause(column: str, values: list[str]) -> None:
        clauses.append(f"{column} IN ({','.join('?' * len(values))})")
        params.extend(values)

    if flt.speaker_ids is not None:
        in_clause(f"{quote_alias}.speaker_id", flt.speaker_ids or [""])
    if flt.kinds:
        in_clause(f"{quote_alias}.kind", flt.kinds)
    if flt.doc_kinds:
        in_clause(f"{doc_alias}.kind", flt.doc_kinds)
    if flt.publishers:
        in_clause(f"lower({doc_alias}.publisher)", [p.lower() for p in flt.publishers])
    if flt.document_ids:
        in_clause(f"{quote_alias}.document_id", flt.document_ids)
    if flt.since:
        clauses.append(f"{doc_alias}.published >= ?")
        params.append(flt.since)
    if flt.until:
        clauses.append(f"{doc_alias}.published <= ?")
        params.append(flt.until)
    if flt.min_confidence is not None:
        clauses.append(f"{quote_alias}.confidence >= ?")
        params.append(flt.min_confidence)
    return (" AND ".join(clauses) or "1=1"), params


def _filtered_quote_ids(flt: QuoteFilter, column: str = "id") -> tuple[str, list[object]]:
    """SELECT of the ids (or another column) of the quotes passing the filter, walking the indexed side first: the quotes
    of the named speakers or documents, else the documents of the dates, kinds or publishers (a scan of every quote otherwise)."""
    where, params = filter_sql(flt)
    by_quote = flt.speaker_ids is not None or bool(flt.document_ids)
    if not (flt.doc_kinds or flt.publishers or flt.since or flt.until):
        tables = "quotes q"  # every condition is the quote's own: no document to look up for each of them
    elif by_quote:
        tables = "quotes q JOIN documents d ON d.id = q.document_id"
    else:
        tables = "documents d CROSS JOIN quotes q ON q.document_id = d.id"
    return f"SELECT q.{column} FROM {tables} WHERE {where}", params


def _use_wal(conn: sqlite3.Connection, patience_s: float = 30.0) -> None:
    """Put the catalogue in WAL mode, waiting out another process making the same switch: SQLite answers that lock
    conflict at once instead of through the busy timeout, so two writers starting on a new catalogue raced."""
    deadline = time.monotonic() + patience_s
    delay = 0.005
    while True:
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as e:
            if "locked" not in str(e) or time.monotonic() > deadline:
                raise
            time.sleep(delay)
            delay = min(delay * 2, 0.25)


def _store_errors(cls: type) -> type:
    """Every public method reports SQLite failures after opening (a damaged page, a vanished file) as the domain's
    store errors, so the API answers 503 and the CLI prints one line instead of a traceback."""

    def translated(method: Callable[..., object]) -> Callable[..., object]:
        @functools.wraps(method)
        def wrapper(self: SqliteCatalogue, *args: object, **kwargs: object) -> object:
            try:
                return method(self, *args, **kwargs)
            except sqlite3.OperationalError as e:
                raise StoreUnavailable(f"the catalogue {self.path} failed: {e}") from e
            except sqlite3.DatabaseError as e:
                if type(e) is not sqlite3.DatabaseError:  # integrity and programming errors are bugs, not the store's state
                    raise
                raise StoreCorrupt(f"the catalogue {self.path} is damaged ({e}); restore it with `kb restore BACKUP` "
                                   "or move it aside and re-ingest") from e

        return wrapper

    for name, member in list(vars(cls).items()):
        if not name.startswith("_") and callable(member):
            setattr(cls, name, translated(member))
    return cls


@_store_errors
class SqliteCatalogue:
    """SQLite catalogue; thread-safe through one connection per thread."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()
        self._term_count_cache: dict[str, int] = {}
        self._term_counts_at = 0.0
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            db = self._conn()
            db.executescript(_SCHEMA)  # each statement is idempotent; executescript manages its own transaction
            db.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
            db.execute("PRAGMA quick_check").fetchone()
            self._migrate()
            self._ensure_counts()
        except sqlite3.OperationalError as e:  # locked, unreadable or full: the file may be sound, so not "damaged"
            raise StoreUnavailable(f"cannot open the catalogue {path}: {e}") from e
        except sqlite3.DatabaseError as e:
            raise StoreCorrupt(
                f"the catalogue {path} is damaged or not a kb catalogue ({e}); restore it with `kb restore BACKUP` "
                "or move it aside and re-ingest"
            ) from e

    def schema_version(self) -> int:
        row = self._conn().execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        return int(row[0])

    def _migrate(self) -> None:
        """Bring an older catalogue up to SCHEMA_VERSION one step at a time; refuse a newer one."""
        version = self.schema_version()
        if version > SCHEMA_VERSION:
            raise StoreCorrupt(
                f"the catalogue {self.path} has schema version {version}, newer than this kb ({SCHEMA_VERSION}); upgrade kb"
            )
        while version < SCHEMA_VERSION:
            with self._write() as db:
                for statement in MIGRATIONS[version + 1]:
                    statement(db) if callable(statement) else db.execute(statement)  # a callable fills a new table
                db.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(version + 1),))
            version += 1

    def _ensure_counts(self) -> None:
        """Make and fill the maintained counts once (a new catalogue, or one from before they existed)."""
        made = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'row_counts'"
        if self._conn().execute(made).fetchone():
            return
        with self._write() as db:
            if db.execute(made).fetchone() is None:  # another process may have made them meanwhile
                for statement in _COUNTS:
                    db.execute(statement)

    # -- connections -------------------------------------------------------------------------
    def _conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            try:
                conn = sqlite3.connect(self.path, timeout=30, check_same_thread=False, isolation_level=None)
            except sqlite3.OperationalError as e:
                raise StoreUnavailable(f"cannot open the catalogue {self.path}: {e}") from e
            conn.row_factory = sqlite3.Row
            _use_wal(conn)
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA foreign_keys=ON")
            conn.execute("PRAGMA busy_timeout=30000")
            self._local.conn = conn
        return conn

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One transaction; a full disk or a locked file becomes a StoreUnavailable naming the catalogue."""
        conn = self._conn()
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
        except (sqlite3.OperationalError, OSError) as e:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise StoreUnavailable(f"could not write to the catalogue {self.path}: {e}") from e

    def close(self) -> None:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None

    def document_ids(self) -> list[str]:
        return [r[0] for r in self._conn().execute("SELECT id FROM documents ORDER BY id")]

    def chunks_for_document(self, doc_id: str) -> list[Chunk]:
        rows = self._conn().execute('SELECT * FROM chunks WHERE document_id = ? ORDER BY start', (doc_id,))
        return [Chunk(id=r["id"], document_id=r["document_id"], text=r["text"], start=r["start"], end=r["end"]) for r in rows]

    # -- documents ---------------------------------------------------------------------------
    def document_hash(self, doc_id: str) -> str | None:
        row = self._conn().execute("SELECT content_hash FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return row["content_hash"] if row else None

    def ids_for_document(self, doc_id: str) -> tuple[set[str], set[str]]:
        db = self._conn()
        chunks = {r[0] for r in db.execute("SELECT id FROM chunks WHERE document_id = ?", (doc_id,))}
        quotes = {r[0] for r in db.execute("SELECT id FROM quotes WHERE document_id = ?", (doc_id,))}
        return chunks, quotes

    def replace_document(self, doc: Document, chunks: list[Chunk], quotes: list[Quote], speakers: list[Speaker]) -> None:
        """Write a document with its chunks, quotes and speakers in one transaction (all or nothing)."""
        with self._write() as db:
            db.execute("DELETE FROM quotes_fts WHERE rowid IN (SELECT rowid FROM quotes WHERE document_id = ?)", (doc.id,))
            db.execute("DELETE FROM chunks_fts WHERE rowid IN (SELECT rowid FROM chunks WHERE document_id = ?)", (doc.id,))
            db.execute("DELETE FROM documents WHERE id = ?", (doc.id,))
            db.execute(
                "INSERT INTO documents (id, title, url, published, publisher, kind, source_path, content_hash, text, noise)"
                " VALUES (?,?,?,?,?,?,?,?,?,?)",
                (doc.id, doc.title, doc.url, doc.published, doc.publisher, doc.kind, doc.source_path, doc.content_hash, doc.text,
                 json.dumps(doc.noise, sort_keys=True) if doc.noise else None),
            )
            db.executemany(
                'INSERT INTO chunks (id, document_id, start, "end", text) VALUES (?,?,?,?,?)',
                [(c.id, doc.id, c.start, c.end, c.text) for c in chunks],
            )
            db.executemany("INSERT INTO chunks_fts (rowid, chunk_id, text) SELECT rowid, id, text FROM chunks WHERE id = ?",
                           [(c.id,) for c in chunks])
            for speaker in speakers:
                self._upsert_speaker(db, speaker)
            db.executemany(
                'INSERT INTO quotes (id, document_id, start, "end", text, kind, cue_text, cue_start, cue_end, speaker_id,'
                " speaker_name, speaker_title, speaker_organization, speaker_description, speaker_is_organization,"
                " resolution, mention_text, mention_start, mention_end, confidence, text_key, speaker_surface, speaker_gender,"
                " reported_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                [_quote_row(doc.id, q) for q in quotes],
            )
            db.executemany(
                "INSERT INTO quotes_fts (rowid, quote_id, text, speaker) SELECT rowid, id, text, ? FROM quotes WHERE id = ?",
                [(" ".join(filter(None, [q.speaker.name, q.speaker.title, q.speaker.organization])), q.id) for q in quotes],
            )
            db.executemany("INSERT INTO quote_shingles (hash, quote_id, document_id) VALUES (?,?,?)",
                           [(h, q.id, doc.id) for q in quotes for h in stored_shingles(quote_text_key(q.text))])
            _link_copies(db, [(q.id, quote_text_key(q.text), doc.id) for q in quotes])
            db.execute("DELETE FROM speakers WHERE id NOT IN (SELECT speaker_id FROM quotes WHERE speaker_id IS NOT NULL)")

    def _upsert_speaker(self, db: sqlite3.Connection, speaker: Speaker) -> None:
        db.execute(
            "INSERT INTO speakers (id, name, is_organization) VALUES (?,?,?)"
            " ON CONFLICT(id) DO UPDATE SET name = CASE WHEN length(excluded.name) > length(name) THEN excluded.name ELSE name END",
            (speaker.id, speaker.name, int(speaker.is_organization)),
        )
        db.executemany(
            "INSERT OR IGNORE INTO speaker_aliases (speaker_id, alias, alias_key) VALUES (?,?,?)",
            [(speaker.id, alias, speaker_key(alias)) for alias in {speaker.name, *speaker.aliases} if speaker_key(alias)],
        )

    def get_document(self, doc_id: str) -> Document | None:
        row = self._conn().execute("SELECT * FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return _document(row) if row else None

    def documents_by_ids(self, ids: Iterable[str]) -> dict[str, Document]:
        ids = list(set(ids))
        if not ids:
            return {}
        rows = self._conn().execute(f"SELECT * FROM documents WHERE id IN ({','.join('?' * len(ids))})", ids)
        return {r["id"]: _document(r) for r in rows}

    def stats(self) -> dict[str, int]:
        """The row counts the triggers keep: a lookup, not a scan of every quote."""
        counts = dict(self._conn().execute("SELECT name, n FROM row_counts").fetchall())
        return {name: int(counts.get(name, 0)) for name in STAT_TABLES}

    def noise_counts(self) -> dict[str, int]:
        rows = self._conn().execute("SELECT substr(name, 7), n FROM row_counts WHERE name LIKE 'noise:%' AND n > 0 ORDER BY name")
        return {k: int(n) for k, n in rows}

    # -- quotes ------------------------------------------------------------------------------
    def quotes_by_ids(self, ids: Iterable[str]) -> dict[str, Quote]:
        ids = list(set(ids))
        if not ids:
            return {}
        rows = self._conn().execute(f"SELECT * FROM quotes WHERE id IN ({','.join('?' * len(ids))})", ids)
        return {r["id"]: _quote(r) for r in rows}

    def quotes_for_document(self, doc_id: str) -> list[Quote]:
        rows = self._conn().execute('SELECT * FROM quotes WHERE document_id = ? ORDER BY start, "end"', (doc_id,))
        return [_quote(r) for r in rows]

    def quotes_sharing_text(self, text_keys: Iterable[str]) -> dict[str, list[Quote]]:
        keys = list(set(text_keys))
        if not keys:
            return {}
        out: dict[str, list[Quote]] = {}
        rows = self._conn().execute(f"SELECT * FROM quotes WHERE text_key IN ({','.join('?' * len(keys))})", keys)
        for r in rows:
            out.setdefault(r["text_key"], []).append(_quote(r))
        return out

    def copies_of(self, quote_ids: Iterable[str]) -> dict[str, list[Quote]]:
        ids = list(set(quote_ids))
        if not ids:
            return {}
        out: dict[str, list[Quote]] = {}
        rows = self._conn().execute(
            f"SELECT c.quote_id AS copy_of, q.* FROM quote_copies c JOIN quotes q ON q.id = c.copy_id"
            f" WHERE c.quote_id IN ({','.join('?' * len(ids))}) ORDER BY c.quote_id, q.document_id, q.id", ids)
        for r in rows:
            out.setdefault(r["copy_of"], []).append(_quote(r))
        return out

    def quotes_with_shingles(self, hashes: list[int], limit: int) -> list[str]:
        return self.quotes_with_shingles_many({"": hashes}, limit).get("", [])

    def quotes_with_shingles_many(self, lookups: Mapping[str, list[int]], limit: int) -> dict[str, list[str]]:
        return _shingle_candidates(self._conn(), [(key, hashes, None) for key, hashes in lookups.items()], limit)

    def filter_quote_ids(self, ids: list[str], flt: QuoteFilter) -> set[str]:
        """Which of these quotes pass the filter (and still exist)."""
        if not ids:
            return set()
        where, params = filter_sql(flt)
        rows = self._conn().execute(
            # The covering index answers from the index alone; SQLite would pick the unique one on id and read each row.
            f"SELECT q.id FROM quotes q INDEXED BY quotes_filter_columns JOIN documents d ON d.id = q.document_id"
            f" WHERE q.id IN ({','.join('?' * len(ids))}) AND {where}",
            [*ids, *params],
        )
        return {r[0] for r in rows}

    def quote_ids_matching(self, flt: QuoteFilter, limit: int) -> list[str]:
        """Ids of the quotes that pass the filter, at most `limit` (enough to tell a small set from a large one)."""
        select, params = _filtered_quote_ids(flt)
        return [r[0] for r in self._conn().execute(f"{select} LIMIT ?", [*params, limit])]

    def count_quotes_matching(self, flt: QuoteFilter, limit: int) -> int:
        """How many quotes pass the filter, counted up to `limit`."""
        select, params = _filtered_quote_ids(flt)
        return int(self._conn().execute(f"SELECT count(*) FROM ({select} LIMIT ?)", [*params, limit]).fetchone()[0])

    def keyword_quotes(
        self, query: str, flt: QuoteFilter, limit: int, phrase: bool = False, common_share: float = 1.0,
    ) -> list[tuple[str, float]]:
        """BM25-ranked quote ids (best first) with their scores; words in more than `common_share` of the quotes
        are left out when rarer ones remain (BM25 weighs them little, yet each costs a score for every row it matches)."""
        match = fts_query(query, phrase) if phrase or common_share >= 1 else self._rarer_terms_query(query, common_share)
        if match is None:
            return []
        select, params = _filtered_quote_ids(flt, "rowid")
        # The filter's quotes are listed once (an ephemeral index of rowids) instead of two joins for every row the
        # words match, and no join at all without a filter: common words match tens of thousands of rows. The unary
        # `+` keeps SQLite from handing `rowid IN` to FTS5, which would run the whole MATCH again for every rowid
        # (30 ms for one speaker's 50 quotes, against 5 ms as a plain check on each matching row; BM25 is then
        # scored only for the rows that pass).
        restrict = f" AND +f.rowid IN ({select})" if params else ""
        rows = self._conn().execute(
            "SELECT f.quote_id, bm25(quotes_fts, 0.0, 1.0, 0.5) AS rank FROM quotes_fts f"
            f" WHERE quotes_fts MATCH ?{restrict} ORDER BY rank LIMIT ?",
            [match, *params, limit],
        )
        return [(r[0], -float(r[1])) for r in rows]

    def _rarer_terms_query(self, query: str, common_share: float) -> str | None:
        words = query_terms(query)
        if len(words) < 2:
            return fts_query(query)
        counts = self._term_counts(words)
        total = max(1, counts.pop(""))
        rare = [w for w in words if counts[w] <= common_share * total] or [min(words, key=lambda w: counts[w])]
        return " OR ".join(f'"{w}"' for w in rare)

    def _term_counts(self, words: list[str]) -> dict[str, int]:
        """How many quotes each word matches, remembered for ten minutes (a share, so staleness is harmless); "" is the total."""
        now = time.monotonic()
        if now - self._term_counts_at > 600:
            self._term_count_cache, self._term_counts_at = {}, now
        cache = self._term_count_cache
        db = self._conn()
        if "" not in cache:
            cache[""] = db.execute("SELECT count(*) FROM quotes").fetchone()[0]
        for w in words:
            if w not in cache:
                cache[w] = db.execute("SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH ?", (f'"{w}"',)).fetchone()[0]
        return {w: cache[w] for w in ["", *words]}

    def keyword_chunks(self, query: str, limit: int, phrase: bool = False) -> list[tuple[str, float]]:
        match = fts_query(query, phrase)
        if match is None:
            return []
        rows = self._conn().execute(
            "SELECT chunk_id, bm25(chunks_fts) AS rank FROM chunks_fts WHERE chunks_fts MATCH ? ORDER BY rank LIMIT ?",
            (match, limit),
        )
        return [(r[0], -float(r[1])) for r in rows]

    def compact_keyword_index(self) -> None:
        """FTS5 `optimize`: every write adds a segment and automerge keeps dozens per level, each read by every MATCH;
        merged into one, the unfiltered keyword half at 100k quotes went from p50 15.7 to 10.8 ms (0.8 s to merge)."""
        with self._write() as db:
            for table in ("quotes_fts", "chunks_fts"):
                db.execute(f"INSERT INTO {table}({table}) VALUES ('optimize')")

    def chunks_by_ids(self, ids: Iterable[str]) -> dict[str, Chunk]:
        ids = list(set(ids))
        if not ids:
            return {}
        rows = self._conn().execute(f"SELECT * FROM chunks WHERE id IN ({','.join('?' * len(ids))})", ids)
        return {r["id"]: Chunk(id=r["id"], document_id=r["document_id"], text=r["text"], start=r["start"], end=r["end"]) for r in rows}

    def speaker_quotes(self, speaker_id: str, limit: int, offset: int) -> list[Quote]:
        rows = self._conn().execute(
            "SELECT q.* FROM quotes q JOIN documents d ON d.id = q.document_id WHERE q.speaker_id = ?"
            ' ORDER BY d.published IS NULL, d.published DESC, q.document_id, q.start LIMIT ? OFFSET ?',
            (speaker_id, limit, offset),
        )
        return [_quote(r) for r in rows]

    # -- speakers ----------------------------------------------------------------------------
    def speaker_ids_matching(self, name_or_id: str) -> list[str]:
        """A canonical id, or every speaker one of whose aliases contains all the words given."""
        db = self._conn()
        if db.execute("SELECT 1 FROM speakers WHERE id = ?", (name_or_id,)).fetchone():
            return [name_or_id]
        if (now := self.current_speaker_id(name_or_id)) != name_or_id:
            return [now]
        key = speaker_key(name_or_id)
        if not key:
            return []
        rows = db.execute(
            "SELECT DISTINCT speaker_id FROM speaker_aliases WHERE (' ' || alias_key || ' ') LIKE ? ESCAPE '\\'",
            ("%" + " " + _like_escape(key) + " " + "%",),
        )
        found = sorted(r[0] for r in rows)
        if found or " " not in key:
            return found
        return self._speakers_matching_every_word(key.split())

    def _speakers_matching_every_word(self, words: list[str]) -> list[str]:
        """'Sheriff Champagne', 'DHS Fulghum': each word is in a name, alias, title or organisation of the speaker."""
        db = self._conn()
        result: set[str] | None = None
        for word in words:
            pattern = "% " + _like_escape(word) + " %"
            rows = db.execute(
                "SELECT speaker_id FROM speaker_aliases WHERE (' ' || alias_key || ' ') LIKE ? ESCAPE '\\'"
                " UNION SELECT speaker_id FROM quotes WHERE speaker_id IS NOT NULL AND ("
                " (' ' || lower(coalesce(speaker_title, '')) || ' ') LIKE ? ESCAPE '\\'"
                " OR (' ' || lower(coalesce(speaker_organization, '')) || ' ') LIKE ? ESCAPE '\\')",
                (pattern, pattern, pattern),
            )
            ids = {r[0] for r in rows}
            result = ids if result is None else result & ids
            if not result:
                return []
        return sorted(result or [])

    def speaker_ids_for_organization(self, organization: str) -> list[str]:
        return speakers_of_organization(organization_keys(self.organization_speakers()), organization)

    def organization_speakers(self) -> list[tuple[str, str]]:
        rows = self._conn().execute(  # the organisation index alone: its lowered names and speaker ids
            "SELECT DISTINCT lower(speaker_organization), speaker_id FROM quotes INDEXED BY quotes_organization"
            " WHERE speaker_organization IS NOT NULL AND speaker_id IS NOT NULL"
            " UNION SELECT lower(name), id FROM speakers WHERE is_organization = 1"
        )
        return [(r[0], r[1]) for r in rows]

    def list_speakers(self, query: str | None, limit: int, offset: int = 0) -> list[Speaker]:
        db = self._conn()
        if query:
            ids = self.speaker_ids_matching(query)
            if not ids:
                key = "%" + _like_escape(speaker_key(query)) + "%"
                ids = [r[0] for r in db.execute("SELECT DISTINCT speaker_id FROM speaker_aliases WHERE alias_key LIKE ? ESCAPE '\\'", (key,))]
            if not ids:
                return []
            rows = db.execute(f"SELECT id FROM speakers WHERE id IN ({','.join('?' * len(ids))})", ids)
            ids = [r[0] for r in rows]
        else:
            ids = [r[0] for r in db.execute("SELECT id FROM speakers")]
        speakers = [s for s in (self.get_speaker(i) for i in ids) if s]
        speakers.sort(key=lambda s: (-s.quote_count, s.name.lower()))
        return speakers[offset : offset + limit]

    def current_speaker_id(self, speaker_id: str) -> str:
        row = self._conn().execute("SELECT current FROM speaker_ids WHERE id = ?", (speaker_id,)).fetchone()
        return row[0] if row else speaker_id

    def get_speaker(self, speaker_id: str) -> Speaker | None:
        db = self._conn()
        row = db.execute("SELECT * FROM speakers WHERE id = ?", (speaker_id,)).fetchone()
        if row is None and (now := self.current_speaker_id(speaker_id)) != speaker_id:  # an id from before a merge or rename
            return self.get_speaker(now)
        if not row:
            return None
        aliases = sorted({r[0] for r in db.execute("SELECT alias FROM speaker_aliases WHERE speaker_id = ?", (speaker_id,))} - {row["name"]})
        alias_counts = _counts(db, "coalesce(speaker_surface, speaker_name)", speaker_id)
        title_counts = merged_title_counts(_counts(db, "speaker_title", speaker_id))
        org_counts = _counts(db, "speaker_organization", speaker_id)
        facts = db.execute(
            "SELECT count(*) AS n, min(d.published) AS first, max(d.published) AS last FROM quotes q"
            " JOIN documents d ON d.id = q.document_id WHERE q.speaker_id = ?",
            (speaker_id,),
        ).fetchone()
        return Speaker(
            id=row["id"], name=row["name"], is_organization=bool(row["is_organization"]), aliases=aliases,
            titles=list(title_counts), organizations=list(org_counts), quote_count=facts["n"], first_seen=facts["first"],
            last_seen=facts["last"], alias_counts=alias_counts, title_counts=title_counts, organization_counts=org_counts,
        )

    def speakers_by_surname(self, surname: str) -> list[Speaker]:
        """Named people whose last name is this one (for resolving a bare surname against the whole base)."""
        key = speaker_key(surname)
        rows = self._conn().execute(
            "SELECT id FROM speakers WHERE is_organization = 0 AND (' ' || ?) = substr(' ' || lower(name), -length(?) - 1)",
            (key, key),
        )
        return [s for s in (self.get_speaker(r[0]) for r in rows) if s]

    # -- identity resolution -----------------------------------------------------------------
    def speaker_surfaces(self) -> list[tuple[str, str, str | None]]:
        rows = self._conn().execute(
            "SELECT DISTINCT document_id, coalesce(speaker_surface, speaker_name), speaker_id FROM quotes"
            " WHERE coalesce(speaker_surface, speaker_name) IS NOT NULL"
        )
        return [(r[0], r[1], r[2]) for r in rows]

    def speaker_mentions(self, scope: Collection[tuple[str, str]] | None = None) -> list[Mention]:
        """Every name as each document used it (or those in `scope`), with the genders, titles and organisations it carried."""
        sql = MENTIONS_SQL
        if scope is None:
            return mentions_from_rows(self._conn().execute(sql.format("")))
        rows = [r for docs in _chunks(sorted({d for d, _ in scope}))
                for r in self._conn().execute(sql.format(f" AND q.document_id IN ({','.join('?' * len(docs))})"), docs)]
        return mentions_from_rows(r for r in rows if (r["doc"], r["name"]) in scope)

    def apply_speaker_identities(self, identities: dict[tuple[str, str], Identity],
                                 scope: Collection[tuple[str, str]] | None = None) -> dict[str, str]:
        """Point every quote (or those of the `scope` mentions) at its resolved speaker and rebuild those speakers;
        the quotes whose speaker id changed."""
        sql = QUOTE_SPEAKERS_SQL
        with self._write() as db:
            if scope is None:
                rows = db.execute(sql.format("")).fetchall()
            else:
                rows = [r for docs in _chunks(sorted({d for d, _ in scope}))
                        for r in db.execute(sql.format(f" AND document_id IN ({','.join('?' * len(docs))})"), docs)
                        if (r["document_id"], r["surface"]) in scope]
            old_ids = sorted({r["speaker_id"] for r in rows if r["speaker_id"]})
            if scope is None:
                old_aliases = [(r[0], r[1]) for r in db.execute("SELECT speaker_id, alias FROM speaker_aliases")]
            else:
                old_aliases = [(r[0], r[1]) for ids in _chunks(old_ids)
                               for r in db.execute(f"SELECT speaker_id, alias FROM speaker_aliases WHERE speaker_id IN ({','.join('?' * len(ids))})", ids)]
            known = {r[0]: r[1] for r in db.execute("SELECT id, current FROM speaker_ids")}
            plan = plan_identity_update(rows, identities, old_aliases, known)
            db.executemany("INSERT OR REPLACE INTO speaker_ids (id, current) VALUES (?,?)", plan.ids)
            db.executemany("UPDATE quotes SET speaker_id = ?, speaker_name = ?, speaker_is_organization = ? WHERE id = ?",
                           [u[:4] for u in plan.quotes])
            db.executemany("UPDATE quotes_fts SET speaker = ? WHERE rowid = (SELECT rowid FROM quotes WHERE id = ?)",
                           [(u[4], u[3]) for u in plan.quotes])
            if scope is None:
                db.execute("DELETE FROM speaker_aliases")
                db.execute("DELETE FROM speakers")
            else:  # only the entries these mentions made, before and after
                for ids in _chunks(sorted(set(old_ids) | {i for i, _, _ in plan.speakers})):
                    db.execute(f"DELETE FROM speaker_aliases WHERE speaker_id IN ({','.join('?' * len(ids))})", ids)
                    db.execute(f"DELETE FROM speakers WHERE id IN ({','.join('?' * len(ids))})", ids)
            db.executemany("INSERT OR IGNORE INTO speakers (id, name, is_organization) VALUES (?,?,?)", plan.speakers)
            db.executemany("INSERT OR IGNORE INTO speaker_aliases (speaker_id, alias, alias_key) VALUES (?,?,?)", plan.aliases)
            db.execute("DELETE FROM speakers WHERE id NOT IN (SELECT speaker_id FROM quotes WHERE speaker_id IS NOT NULL)")
            return plan.changed

    def speaker_overrides(self) -> list[Override]:
        rows = self._conn().execute("SELECT kind, name, other FROM speaker_overrides ORDER BY seq")
        return [Override(r["kind"], r["name"], r["other"]) for r in rows]

    def add_speaker_override(self, override: Override) -> None:
        """Record a merge or split; a later correction of the same name replaces the earlier ones it contradicts."""
        with self._write() as db:
            keys = [override.name] + ([override.other] if override.other else [])
            for name in keys:  # a merge undoes an earlier split of either name; a split undoes earlier merges of it
                db.execute("DELETE FROM speaker_overrides WHERE kind = 'split' AND lower(name) = lower(?)", (name,))
            if override.kind == "split":
                db.execute(
                    "DELETE FROM speaker_overrides WHERE kind = 'merge' AND (lower(name) = lower(?) OR lower(other) = lower(?))",
                    (override.name, override.name),
                )
            db.execute("INSERT INTO speaker_overrides (kind, name, other) VALUES (?,?,?)", (override.kind, override.name, override.other))

    # -- ingest jobs: a queue in the jobs table, taken under a lease -------------------------------
    def enqueue_job(self, job_id: str, payload: bytes, kind: str | None, publisher: str | None, owner: str) -> None:
        with self._write() as db:
            db.execute("INSERT INTO jobs (id, status, owner, payload, kind, publisher) VALUES (?, 'queued', ?, ?, ?, ?)",
                       (job_id, owner, payload, kind, publisher))

    def claim_job(self, owner: str, lease_s: float) -> ClaimedJob | None:
        takeable = f"status = 'queued' OR (status = 'running' AND coalesce(lease_until, 0) < {_EPOCH})"
        if self._conn().execute(f"SELECT 1 FROM jobs WHERE {takeable} LIMIT 1").fetchone() is None:
            return None  # polling an empty queue takes no write lock
        with self._write() as db:
            row = db.execute(f"SELECT * FROM jobs WHERE {takeable} ORDER BY created_at, id LIMIT 1").fetchone()
            if row is None:
                return None
            db.execute(f"UPDATE jobs SET status = 'running', owner = ?, lease_until = {_EPOCH} + ?, attempts = attempts + 1 WHERE id = ?",
                       (owner, lease_s, row["id"]))
            return _claimed(row)

    def renew_job(self, job_id: str, owner: str, lease_s: float) -> bool:
        with self._write() as db:
            cur = db.execute(f"UPDATE jobs SET lease_until = {_EPOCH} + ? WHERE id = ? AND owner = ? AND status = 'running'",
                             (lease_s, job_id, owner))
            return cur.rowcount == 1

    def release_job(self, job_id: str, owner: str) -> bool:
        with self._write() as db:
            cur = db.execute("UPDATE jobs SET status = 'queued', lease_until = NULL WHERE id = ? AND owner = ? AND status = 'running'",
                             (job_id, owner))
            return cur.rowcount == 1

    def update_job(self, job_id: str, status: str, counts: dict[str, int], errors: list[dict[str, str]], finished: bool = False,
                   owner: str | None = None) -> bool:
        with self._write() as db:
            cur = db.execute(
                "UPDATE jobs SET status = ?, processed = ?, new = ?, updated = ?, unchanged = ?, failed = ?, errors = ?,"
                " finished_at = CASE WHEN ? THEN strftime('%Y-%m-%dT%H:%M:%SZ', 'now') ELSE finished_at END,"
                " payload = CASE WHEN ? THEN NULL ELSE payload END WHERE id = ? AND (? IS NULL OR owner = ?)",
                (status, counts.get("processed", 0), counts.get("new", 0), counts.get("updated", 0), counts.get("unchanged", 0),
                 counts.get("failed", 0), json.dumps(errors, ensure_ascii=False), int(finished), int(finished), job_id, owner, owner),
            )
            return cur.rowcount == 1

    def get_job(self, job_id: str) -> dict[str, object] | None:
        row = self._conn().execute(f"SELECT {_JOB_FIELDS} FROM jobs WHERE id = ?", (job_id,)).fetchone()
        if row is None:
            return None
        job = dict(row)
        job["errors"] = json.loads(job["errors"])
        return job

    def requeue_jobs_of_dead_owners(self, is_dead: Callable[[str], bool]) -> int:
        """Running jobs of a process known dead go back to the queue at once, without waiting out the lease."""
        with self._write() as db:
            rows = db.execute("SELECT id, owner FROM jobs WHERE status = 'running'").fetchall()
            dead = [r["id"] for r in rows if is_dead(r["owner"])]
            db.executemany("UPDATE jobs SET status = 'queued', lease_until = NULL WHERE id = ?", [(i,) for i in dead])
            return len(dead)

    def backup_to(self, target: Path) -> dict[str, int]:
        return backup_catalogue(self.path, target)


def backup_catalogue(source: Path, target: Path) -> dict[str, int]:
    """A consistent copy of a catalogue file while other processes read and write it (SQLite's online backup); its counts."""
    if not source.exists():
        raise StoreUnavailable(f"no catalogue at {source}")
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True, timeout=30)
    dest = sqlite3.connect(target)
    try:
        src.backup(dest)
        if dest.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            raise StoreCorrupt(f"the backup of {source} failed its integrity check")
        return {t: dest.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in STAT_TABLES}  # noqa: S608
    except sqlite3.DatabaseError as e:
        raise StoreCorrupt(f"cannot back up {source}: {e}") from e
    finally:
        dest.close()
        src.close()


def _shingle_candidates(db: sqlite3.Connection, lookups: list[tuple[str, list[int], str | None]], limit: int) -> dict[str, list[str]]:
    """For each (key, word-window hashes, document left out or None): at most `limit` ids of quotes holding any of them.

    As few statements as SQLite's bounds allow: each statement releases and retakes the GIL, which under concurrent
    searches costs far more than the lookup itself; a very long quote's windows go in several reads."""
    parts = [(key, hashes[i : i + 2_000], doc) for key, hashes, doc in lookups for i in range(0, len(hashes), 2_000)]
    out: dict[str, list[str]] = {}
    start = 0
    while start < len(parts):
        end, params = start, 0
        while end < len(parts) and end - start < _MAX_PARTS and (end == start or params + len(parts[end][1]) + 3 <= _MAX_PARAMS):
            params += len(parts[end][1]) + 3
            end += 1
        sql = " UNION ALL ".join(
            f"SELECT ?, quote_id FROM (SELECT DISTINCT quote_id FROM quote_shingles WHERE hash IN ({','.join('?' * len(h))})"
            " AND document_id IS NOT ? LIMIT ?)" for _, h, _ in parts[start:end])
        params_of = [x for part_key, h, doc in parts[start:end] for x in (part_key, *h, doc, limit)]
        for key, found in db.execute(sql, params_of):
            out.setdefault(key, []).append(found)
        start = end
    return {key: list(dict.fromkeys(ids))[:limit] for key, ids in out.items()}  # a key read in several parts: its first `limit`


def _link_copies(db: sqlite3.Connection, quotes: list[tuple[str, str, str]]) -> None:
    """Link quotes just stored ((id, text key, document id)) with other documents' trimmed copies of them."""
    new = {qid: (key, doc) for qid, key, doc in quotes}
    candidates = _shingle_candidates(db, [(qid, lookup_shingles(key), doc) for qid, (key, doc) in new.items()], SYNDICATION_CANDIDATES)
    known: dict[str, tuple[str, str]] = {}
    for ids in _chunks(sorted({c for found in candidates.values() for c in found}), _MAX_PARAMS):
        rows = db.execute(f"SELECT id, text_key, document_id FROM quotes WHERE id IN ({','.join('?' * len(ids))})", ids)
        known.update({r[0]: (r[1], r[2]) for r in rows})
    db.executemany("INSERT OR IGNORE INTO quote_copies (quote_id, copy_id, document_id, copy_document_id) VALUES (?,?,?,?)",
                   copy_links(new, candidates, known))


def _link_all_copies(db: sqlite3.Connection, batch: int = 1_000) -> None:
    """Schema 11: the links of every stored quote (each pair is found from both sides; the second is ignored)."""
    rows = db.execute("SELECT id, text_key, document_id FROM quotes ORDER BY rowid").fetchall()
    for start in range(0, len(rows), batch):
        _link_copies(db, [(r[0], r[1], r[2]) for r in rows[start : start + batch]])


def _counts(db: sqlite3.Connection, column: str, speaker_id: str) -> dict[str, int]:
    """How often each value of a quote column goes with a speaker, most frequent first."""
    rows = db.execute(
        f"SELECT {column} AS v, count(*) AS n FROM quotes WHERE speaker_id = ? AND {column} IS NOT NULL"  # noqa: S608 - fixed columns
        " GROUP BY v ORDER BY n DESC, v",
        (speaker_id,),
    )
    return {r["v"]: r["n"] for r in rows}


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _rebuild_fts_by_rowid(db: sqlite3.Connection, fts: str, table: str, columns: tuple[str, ...]) -> None:
    """Copy an FTS5 index into a new one whose rowids are its rows' rowids (kb never VACUUMs, so they stay put).

    `columns[0]` is the UNINDEXED id of the row in `table`; the rest are indexed, with the schema's tokenizer."""
    id_column = columns[0]
    declared = ", ".join([f"{id_column} UNINDEXED", *columns[1:]])
    db.execute(f"CREATE VIRTUAL TABLE {fts}_new USING fts5({declared}, tokenize = 'porter unicode61 remove_diacritics 2')")
    db.execute(f"INSERT INTO {fts}_new (rowid, {', '.join(columns)}) SELECT t.rowid, {', '.join('f.' + c for c in columns)}"
               f" FROM {fts} f JOIN {table} t ON t.id = f.{id_column}")
    db.execute(f"DROP TABLE {fts}")
    db.execute(f"ALTER TABLE {fts}_new RENAME TO {fts}")


def _add_column(db: sqlite3.Connection, table: str, column: str) -> None:
    """ALTER TABLE ADD COLUMN once (SQLite has no IF NOT EXISTS for columns; a re-run migration finds it there)."""
    if column.split()[0] not in {r[1] for r in db.execute(f"PRAGMA table_info({table})")}:
        db.execute(f"ALTER TABLE {table} ADD COLUMN {column}")


def _quote_row(doc_id: str, q: Quote) -> tuple:
    s = q.speaker
    return (
        q.id, doc_id, q.start, q.end, q.text, q.kind,
        q.cue.text if q.cue else None, q.cue.start if q.cue else None, q.cue.end if q.cue else None,
        s.id, s.name, s.title, s.organization, s.description, int(s.is_organization), s.resolution,
        s.mention.text if s.mention else None, s.mention.start if s.mention else None, s.mention.end if s.mention else None,
        q.confidence, quote_text_key(q.text), s.surface or s.name, s.gender, q.reported_by,
    )


def _quote(r: sqlite3.Row) -> Quote:
    mention = Span(r["mention_text"], r["mention_start"], r["mention_end"]) if r["mention_text"] is not None else None
    cue = Span(r["cue_text"], r["cue_start"], r["cue_end"]) if r["cue_text"] is not None else None
    speaker = SpeakerRef(
        name=r["speaker_name"], resolution=r["resolution"], title=r["speaker_title"], organization=r["speaker_organization"],
        description=r["speaker_description"], mention=mention, is_organization=bool(r["speaker_is_organization"]), id=r["speaker_id"],
        gender=r["speaker_gender"], surface=r["speaker_surface"] or r["speaker_name"],
    )
    return Quote(
        text=r["text"], start=r["start"], end=r["end"], kind=r["kind"], speaker=speaker, cue=cue,
        confidence=r["confidence"], id=r["id"], document_id=r["document_id"], reported_by=r["reported_by"],
    )


def _chunks(values: list[str], size: int = 500) -> Iterator[list[str]]:
    """A long IN list in pieces SQLite accepts."""
    for i in range(0, len(values), size):
        yield values[i : i + size]


def _document(r: sqlite3.Row) -> Document:
    return Document(
        id=r["id"], text=r["text"], title=r["title"], url=r["url"], published=r["published"], publisher=r["publisher"],
        kind=r["kind"], source_path=r["source_path"], content_hash=r["content_hash"],
        noise=json.loads(r["noise"]) if r["noise"] else {},
    )


def _claimed(r: sqlite3.Row) -> ClaimedJob:
    return ClaimedJob(
        id=r["id"], payload=bytes(r["payload"] or b""), kind=r["kind"], publisher=r["publisher"], attempts=r["attempts"] + 1,
        counts={k: r[k] for k in ("processed", "new", "updated", "unchanged", "failed")}, errors=json.loads(r["errors"]),
    )
