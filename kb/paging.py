"""Cursor paging for every list: opaque, signed cursors bound to their query, over a kept snapshot of the ranking.

Page one ranks as deep as it needs and keeps that ranking (ids and scores) under a random snapshot id; the cursor
carries the snapshot id, the offset, and a hash of what was asked (endpoint, query, filters, limit), all signed with
HMAC. Later pages read the kept ranking, so documents added between two pages never shift it: nothing repeats and
nothing is skipped. A page deeper than the kept ranking ranks again and appends only what is new to it.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
import sqlite3
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, Protocol, TypeVar

from kb.errors import InvalidCursor, StoreUnavailable

T = TypeVar("T")
Ranked = list[tuple[str, float]]

SNAPSHOT_TTL_S = 3600  # a cursor works for an hour after its first page
MAX_SNAPSHOTS = 10_000  # oldest dropped past this, so a busy server's paging file stays small


@dataclass(frozen=True)
class Page(Generic[T]):
    items: list[T]
    next_cursor: str | None


@dataclass
class _Snapshot:
    ranked: Ranked
    complete: bool  # the ranking ran out before the depth asked for: there is nothing further to fetch


def scope_of(endpoint: str, params: Mapping[str, object], limit: int) -> str:
    """What a cursor is bound to: the endpoint, every query parameter that shapes the list, and the page size."""
    canonical = json.dumps({"e": endpoint, "p": {k: v for k, v in params.items() if v not in (None, [], "")}, "l": limit},
                           sort_keys=True, default=str, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()[:24]


class SnapshotStore(Protocol):
    """Where page one's ranking is kept for the later pages."""

    def get(self, snapshot_id: str) -> _Snapshot | None: ...

    def put(self, snapshot_id: str, snapshot: _Snapshot) -> None: ...

    def close(self) -> None: ...


def _encode(snapshot: _Snapshot) -> str:
    return json.dumps({"r": snapshot.ranked, "c": snapshot.complete}, separators=(",", ":"))


def _decode(body: str) -> _Snapshot:
    data = json.loads(body)
    return _Snapshot([(i, s) for i, s in data["r"]], data["c"])


class SqliteSnapshotStore:
    """Rankings kept for later pages, in a small SQLite file beside the catalogue (shared by the API's processes).

    They are disposable (a lost one is an expired cursor), so writes skip fsync."""

    def __init__(self, path: Path | None) -> None:
        self._lock = threading.Lock()
        self._db = sqlite3.connect(str(path) if path else ":memory:", timeout=10, check_same_thread=False, isolation_level=None)
        if path:
            self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=OFF")
        self._db.execute("CREATE TABLE IF NOT EXISTS snapshots (id TEXT PRIMARY KEY, created REAL NOT NULL, body TEXT NOT NULL)")
        self._puts = 0

    def get(self, snapshot_id: str) -> _Snapshot | None:
        with self._lock:
            row = self._db.execute("SELECT created, body FROM snapshots WHERE id = ?", (snapshot_id,)).fetchone()
        if row is None or time.time() - row[0] > SNAPSHOT_TTL_S:
            return None
        return _decode(row[1])

    def put(self, snapshot_id: str, snapshot: _Snapshot) -> None:
        body = _encode(snapshot)
        with self._lock:
            self._db.execute(
                "INSERT INTO snapshots VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET body = excluded.body", (snapshot_id, time.time(), body),
            )
            self._puts += 1
            if self._puts % 100 == 1:  # now and then, not on every page
                self._db.execute("DELETE FROM snapshots WHERE created < ?", (time.time() - SNAPSHOT_TTL_S,))
                self._db.execute(
                    "DELETE FROM snapshots WHERE id NOT IN (SELECT id FROM snapshots ORDER BY created DESC LIMIT ?)", (MAX_SNAPSHOTS,),
                )

    def close(self) -> None:
        with self._lock:
            self._db.close()


_CREATE_LOCK = 7_301_114  # advisory lock id serialising the table's creation across processes


class PostgresSnapshotStore:
    """Rankings kept in the PostgreSQL catalogue's database, so a cursor from one API host pages on any other.

    Disposable like the SQLite file (an unlogged table outside the catalogue's schema versions)."""

    def __init__(self, url: str) -> None:
        import psycopg  # only deployments on PostgreSQL need the driver

        self._psycopg, self._url = psycopg, url
        self._lock = threading.Lock()
        try:
            self._db: Any = psycopg.connect(url, autocommit=True)
        except psycopg.Error as e:
            raise StoreUnavailable(f"cannot reach PostgreSQL for paging snapshots: {e}") from e
        try:
            with self._db.transaction():  # processes starting at once would race on CREATE ... IF NOT EXISTS (pg_type)
                self._db.execute("SELECT pg_advisory_xact_lock(%s)", (_CREATE_LOCK,))
                self._db.execute("CREATE UNLOGGED TABLE IF NOT EXISTS paging_snapshots (id TEXT PRIMARY KEY,"
                                 " created DOUBLE PRECISION NOT NULL, body TEXT NOT NULL)")
        except psycopg.Error as e:
            self._db.close()
            raise StoreUnavailable(f"cannot create the paging snapshots table in PostgreSQL: {e}") from e
        self._puts = 0

    def _run(self, sql: str, params: tuple[object, ...]) -> Any:
        with self._lock:
            try:
                return self._db.execute(sql, params)
            except self._psycopg.OperationalError:
                pass
            try:  # a restarted server or a dropped connection: reconnect once
                self._db = self._psycopg.connect(self._url, autocommit=True)
                return self._db.execute(sql, params)
            except self._psycopg.Error as e:
                raise StoreUnavailable(f"PostgreSQL is unavailable for paging snapshots: {e}") from e

    def get(self, snapshot_id: str) -> _Snapshot | None:
        row = self._run("SELECT created, body FROM paging_snapshots WHERE id = %s", (snapshot_id,)).fetchone()
        if row is None or time.time() - row[0] > SNAPSHOT_TTL_S:
            return None
        return _decode(row[1])

    def put(self, snapshot_id: str, snapshot: _Snapshot) -> None:
        self._run("INSERT INTO paging_snapshots VALUES (%s, %s, %s) ON CONFLICT (id) DO UPDATE SET body = excluded.body",
                  (snapshot_id, time.time(), _encode(snapshot)))
        self._puts += 1
        if self._puts % 100 == 1:
            self._run("DELETE FROM paging_snapshots WHERE created < %s", (time.time() - SNAPSHOT_TTL_S,))

    def close(self) -> None:
        with self._lock:
            self._db.close()


KEY_BYTES = 32
KEY_WAIT_S = 5.0  # how long a process waits for the key another one has just created to be written


def load_or_create_key(path: Path) -> bytes:
    """The signing key kept in the data folder (created once, readable by its owner only). Processes starting together
    (`scripts/cluster.sh` starts two workers at once) agree on one: whoever creates the file writes the key, the others
    read it once it is whole."""
    if path.exists():
        return _written_key(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_bytes(KEY_BYTES)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return _written_key(path)  # created by another process since the check above
    try:
        os.write(fd, key)
    finally:
        os.close(fd)
    return key


def _written_key(path: Path) -> bytes:
    """The key in an existing file; one created a moment ago by another process may not be written yet."""
    deadline = time.monotonic() + KEY_WAIT_S
    while len(key := path.read_bytes()) < KEY_BYTES and time.monotonic() < deadline:
        time.sleep(0.01)
    return key


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def open_pager(data_dir: Path, secret: str | None = None, database_url: str | None = None) -> Pager:
    """The pager of a data folder: KB_CURSOR_SECRET signs cursors, else a key generated once and kept there.

    On PostgreSQL the rankings live in its database, so every API host behind a load balancer pages alike
    (give them all the same KB_CURSOR_SECRET)."""
    key = secret.encode() if secret else load_or_create_key(data_dir / "cursor.key")
    store: SnapshotStore = PostgresSnapshotStore(database_url) if database_url else SqliteSnapshotStore(data_dir / "paging.sqlite3")
    return Pager(key, store)


class Pager:
    """Pages any ranked list the same way; `rank(depth)` ranks, `load(ranked, need)` turns the first `need` into items."""

    def __init__(self, key: bytes, store: SnapshotStore) -> None:
        self._key, self._store = key, store

    @classmethod
    def in_memory(cls) -> Pager:
        return cls(secrets.token_bytes(32), SqliteSnapshotStore(None))

    def close(self) -> None:
        self._store.close()

    def page(
        self, scope: str, cursor: str | None, limit: int, rank: Callable[[int], Ranked],
        load: Callable[[Ranked, int], list[T]], depth: Callable[[int, int], int], positional: bool = False,
    ) -> Page[T]:
        """One page. `positional`: the ranking's nth entry is the nth item, so only the page is loaded; otherwise
        `load` may merge entries (duplicates grouped) and loads from the top."""
        snapshot_id, offset, snapshot = None, 0, None
        if cursor:
            snapshot_id, offset = self._verify(cursor, scope)
            snapshot = self._store.get(snapshot_id)
            if snapshot is None:
                raise InvalidCursor(f"cursor has expired (pages are kept for {SNAPSHOT_TTL_S // 60} minutes); start again without it")
        wanted = depth(offset, limit)
        if snapshot is None:
            fresh = rank(wanted)
            snapshot = _Snapshot(fresh, len(fresh) < wanted)
        elif len(snapshot.ranked) < wanted and not snapshot.complete:
            fresh = rank(wanted)  # deeper than kept: keep the kept order, append only what it did not hold
            kept = {i for i, _ in snapshot.ranked}
            snapshot = _Snapshot(snapshot.ranked + [(i, s) for i, s in fresh if i not in kept], len(fresh) < wanted)
        if positional:
            items = load(snapshot.ranked[offset : offset + limit], limit)
            more = len(snapshot.ranked) > offset + limit  # depth() asks past the page, so a full ranking means more
        else:
            items = load(snapshot.ranked, offset + limit + 1)  # one more than the page says whether there is a next one
            more = len(items) > offset + limit
            items = items[offset : offset + limit]
        if not more:
            return Page(items, None)
        snapshot_id = snapshot_id or secrets.token_urlsafe(9)
        self._store.put(snapshot_id, snapshot)
        return Page(items, self._sign(scope, snapshot_id, offset + limit))

    def _sign(self, scope: str, snapshot_id: str, offset: int) -> str:
        payload = _b64(json.dumps({"s": scope, "p": snapshot_id, "o": offset}, separators=(",", ":")).encode())
        return payload + "." + _b64(hmac.new(self._key, payload.encode(), hashlib.sha256).digest()[:18])

    def _verify(self, cursor: str, scope: str) -> tuple[str, int]:
        try:
            payload, signature = cursor.split(".")
            expected = _b64(hmac.new(self._key, payload.encode(), hashlib.sha256).digest()[:18])
            if not hmac.compare_digest(signature, expected):
                raise ValueError("bad signature")
            body = json.loads(_unb64(payload))
            bound, snapshot_id, offset = str(body["s"]), str(body["p"]), int(body["o"])
        except (ValueError, KeyError, TypeError) as e:
            raise InvalidCursor("cursor is not one this server issued; start again without it") from e
        if not hmac.compare_digest(bound, scope):
            raise InvalidCursor("cursor belongs to another query (endpoint, q, filters or limit differ); "
                                "send the same parameters as the page it came from, or start again without it")
        return snapshot_id, offset
