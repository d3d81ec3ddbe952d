"""Paging: signed cursors bound to their query, stable while documents arrive, the same on every list endpoint."""

from __future__ import annotations

import httpx
import pytest
from conftest import API_KEY

from kb.errors import InvalidCursor
from kb.paging import Pager

AUTH = {"Authorization": f"Bearer {API_KEY}"}
QUERY = {"q": "border security", "limit": 3}


def _ids(body: dict) -> list[str]:
    return [x.get("id") or x.get("chunk_id") for x in body["results"]]


def _error(r: httpx.Response) -> dict:
    assert r.status_code == 400, r.text
    return r.json()["error"]


def test_a_cursor_only_works_for_its_own_query(http: httpx.Client) -> None:
    first = http.get("/v1/search", params=QUERY)
    cursor = first.json()["next_cursor"]
    assert cursor and first.headers["link"] == f'</v1/search?q=border+security&limit=3&cursor={cursor}>; rel="next"'
    assert http.get("/v1/search", params={**QUERY, "cursor": cursor}).status_code == 200
    for params, path in (({**QUERY, "q": "courts"}, "/v1/search"), ({**QUERY, "limit": 4}, "/v1/search"),
                         ({**QUERY, "speaker": "Champagne"}, "/v1/search"), (QUERY, "/v1/passages")):
        err = _error(http.get(path, params={**params, "cursor": cursor}))
        assert err["code"] == "invalid_cursor" and "another query" in err["message"], path
    payload, signature = cursor.split(".")
    for forged in ("not-a-cursor", payload + "." + signature[::-1], "eyJvIjogMn0"):  # the last is the old {"o": 2}
        assert "not one this server issued" in _error(http.get("/v1/search", params={**QUERY, "cursor": forged}))["message"]


def test_pages_neither_repeat_nor_skip_when_documents_arrive_between_them(http: httpx.Client) -> None:
    first = http.get("/v1/search", params=QUERY).json()
    second = http.get("/v1/search", params={**QUERY, "cursor": first["next_cursor"]}).json()
    for n, who in enumerate(("Kim Lee", "Ana Ruiz", "Tom Hale")):  # three documents that rank first for the query
        doc = {"title": f"Border {n}", "text": f'Senator {who} said "border security is the first duty of border security, number {n}."'}
        assert http.post("/v1/documents", json=doc, headers=AUTH).status_code == 201
    fresh = http.get("/v1/search", params=QUERY).json()
    assert any("first duty of border security" in x["text"] for x in fresh["results"])  # they do rank on page one now
    again = http.get("/v1/search", params={**QUERY, "cursor": first["next_cursor"]}).json()
    assert _ids(again) == _ids(second) and not set(_ids(first)) & set(_ids(again))


def test_every_list_pages_to_its_end_with_cursor_and_link(http: httpx.Client) -> None:
    lists = [("/v1/speakers", {"limit": 2}), ("/v1/passages", {"q": "immigration", "limit": 4}),
             ("/v1/search", {"q": "immigration", "limit": 7})]
    champagne = http.get("/v1/speakers", params={"q": "Champagne"}).json()["results"][0]["id"]
    lists.append((f"/v1/speakers/{champagne}/quotes", {"limit": 2}))
    for path, params in lists:
        seen: list[str] = []
        cursor, pages = None, 0
        while True:
            r = http.get(path, params={**params, **({"cursor": cursor} if cursor else {})})
            assert r.status_code == 200, (path, r.text)
            seen += _ids(r.json())
            cursor, pages = r.json()["next_cursor"], pages + 1
            assert ("link" in r.headers) == bool(cursor), path
            if not cursor:
                break
        assert pages >= 2 and len(seen) == len(set(seen)), path
    speakers = http.get("/v1/stats").json()["speakers"]
    everyone = http.get("/v1/speakers", params={"limit": 100}).json()
    assert len(everyone["results"]) == min(100, speakers)


def test_pager_keeps_its_snapshot_and_refuses_other_scopes() -> None:
    pager = Pager.in_memory()
    ranking = [(f"id{n}", float(-n)) for n in range(10)]

    def load(ranked: list[tuple[str, float]], need: int) -> list[str]:
        return [i for i, _ in ranked[:need]]

    def pages(depth: int) -> tuple[list[str], list[str]]:
        ranking[:] = [(f"id{n}", float(-n)) for n in range(10)]
        first = pager.page("scope-a", None, 4, lambda d: ranking[:d], load, lambda o, limit: depth)
        ranking.insert(0, ("new", 1.0))  # arrives between pages
        second = pager.page("scope-a", first.next_cursor, 4, lambda d: ranking[:d], load, lambda o, limit: max(depth, o + limit + 1))
        return first.items, second.items

    assert pages(20) == (["id0", "id1", "id2", "id3"], ["id4", "id5", "id6", "id7"])  # from the snapshot
    first, second = pages(5)  # page two reads past the snapshot: only what it lacked is added, in today's order
    assert first == ["id0", "id1", "id2", "id3"] and second[0] == "id4" and not set(first) & set(second)
    cursor = pager.page("scope-a", None, 4, lambda d: ranking, load, lambda o, limit: 10).next_cursor
    with pytest.raises(InvalidCursor, match="another query"):
        pager.page("scope-b", cursor, 4, lambda depth: ranking, load, lambda o, limit: 10)
    with pytest.raises(InvalidCursor, match="not one this server issued"):
        Pager.in_memory().page("scope-a", cursor, 4, lambda depth: ranking, load, lambda o, limit: 10)


def test_on_postgresql_a_cursor_from_one_api_host_pages_on_another(postgres) -> None:  # type: ignore[no-untyped-def]
    """Two hosts share the database and the cursor secret, nothing else: host B continues host A's list."""
    from kb.paging import PostgresSnapshotStore

    url, key = postgres.new_database(), b"k" * 32
    host_a, host_b = Pager(key, PostgresSnapshotStore(url)), Pager(key, PostgresSnapshotStore(url))
    ranking = [(f"q{i}", 1.0 / (i + 1)) for i in range(7)]
    try:
        first = host_a.page("scope", None, 3, lambda depth: ranking[:depth], lambda r, need: [i for i, _ in r[:need]],
                            lambda offset, limit: offset + limit + 1, positional=True)
        ranking.insert(0, ("new", 9.0))  # a document arrives between the two pages
        second = host_b.page("scope", first.next_cursor, 3, lambda depth: ranking[:depth], lambda r, need: [i for i, _ in r[:need]],
                             lambda offset, limit: offset + limit + 1, positional=True)
    finally:
        host_a.close()
        host_b.close()
    # page two continues the kept ranking (what page one already showed never comes back); the newcomer is appended
    assert first.items == ["q0", "q1", "q2"] and second.items == ["q3", "new", "q4"]


def test_processes_starting_together_agree_on_one_cursor_key(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Two `kb worker`s started at once by scripts/cluster.sh: the one that lost the race to create the key had exited
    with FileExistsError, and one reading the file before its creator wrote it would have signed with an empty key."""
    import threading

    from kb.paging import KEY_BYTES, load_or_create_key

    path = tmp_path / "race" / "cursor.key"
    start, keys, errors = threading.Barrier(8), [], []

    def open_one() -> None:
        start.wait()
        try:
            keys.append(load_or_create_key(path))
        except OSError as e:  # what the loser of the race had raised
            errors.append(e)

    threads = [threading.Thread(target=open_one) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors and len(keys) == 8 and len(set(keys)) == 1 and len(keys[0]) == KEY_BYTES

    written = tmp_path / "written" / "cursor.key"
    written.parent.mkdir()
    written.touch()  # created by another process, its key not yet written
    key = b"k" * KEY_BYTES
    threading.Timer(0.05, written.write_bytes, (key,)).start()
    assert load_or_create_key(written) == key
