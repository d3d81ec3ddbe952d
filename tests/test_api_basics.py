"""End to end over real HTTP: ingest the seeds, search, and one error shape everywhere."""

from __future__ import annotations

import httpx


def test_search_finds_the_judges_passage_with_its_source(http: httpx.Client) -> None:
    r = http.get("/v1/search", params={"q": "should judges have to sign off on ICE detainer requests", "limit": 5})
    assert r.status_code == 200
    results = r.json()["results"]
    assert any("judge" in (x["text"] + x["context"]) for x in results)
    hit = next(x for x in results if "judge" in (x["text"] + x["context"]))
    doc = hit["document"]
    assert doc["publisher"] == "ABC News" and doc["published"] == "2017-04-03"
    assert hit["source_link"] and "#:~:text=" in hit["source_link"]


def test_passage_search_returns_exact_offsets(http: httpx.Client) -> None:
    r = http.get("/v1/passages", params={"q": "judges sign off on detainer requests", "limit": 5})
    assert r.status_code == 200
    first = r.json()["results"][0]
    doc = http.get(f"/v1/documents/{first['document']['id']}").json()
    assert doc["text"][first["start"] : first["end"]] == first["text"]


def test_health_and_openapi(http: httpx.Client) -> None:
    assert http.get("/healthz").json() == {"status": "ok", "documents": 5}
    spec = http.get("/openapi.json").json()
    assert "/v1/search" in spec["paths"]


def test_every_error_has_one_shape(http: httpx.Client) -> None:
    cases = [
        http.get("/v1/search", params={"q": "x", "limit": 1000}),
        http.get("/v1/search"),
        http.get("/v1/documents/doc_nope"),
        http.get("/no/such/path"),
        http.post("/v1/documents", json={"text": "x"}),
    ]
    for r in cases:
        body = r.json()
        assert r.status_code >= 400
        assert set(body) == {"error"} and set(body["error"]) == {"code", "message", "details"}
        assert "Traceback" not in r.text
    assert cases[0].status_code == 422 and "limit" in cases[0].json()["error"]["message"]
    assert cases[2].status_code == 404
