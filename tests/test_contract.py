"""The OpenAPI description says what the server does: keys, enums, dates, and every error status it returns."""

from __future__ import annotations

import httpx
from conftest import API_KEY, LiveServer

from api.app import create_app

AUTH = {"Authorization": f"Bearer {API_KEY}"}


def test_schema_declares_keys_enums_and_dates(http: httpx.Client) -> None:
    spec = http.get("/openapi.json").json()
    assert set(spec["components"]["securitySchemes"]) == {"bearerAuth", "apiKeyHeader"}
    ops = {op["operationId"]: op for path in spec["paths"].values() for op in path.values()}
    assert {"searchQuotes", "getSpeaker", "createDocument", "createIngestJob"} <= set(ops)
    assert ops["createDocument"]["security"] == [{"bearerAuth": []}, {"apiKeyHeader": []}]
    assert {} in ops["searchQuotes"]["security"]  # reads need no key unless KB_READ_REQUIRES_KEY
    assert all(op.get("description") for op in ops.values())
    for op in ops.values():  # an example on every documented body, success and error alike
        for response in op["responses"].values():
            assert all("example" in media for media in response.get("content", {}).values()), op["operationId"]
    schemas = spec["components"]["schemas"]
    assert schemas["QuoteKind"]["enum"] == ["direct", "mixed", "indirect", "turn", "statement", "question"]
    assert schemas["QuoteOut"]["properties"]["kind"] == {"$ref": "#/components/schemas/QuoteKind"}
    assert schemas["SpeakerRefOut"]["properties"]["resolution"]["$ref"] == "#/components/schemas/Resolution"
    assert {"format": "date", "type": "string"} in schemas["DocumentRefOut"]["properties"]["published"]["anyOf"]
    assert {"format": "date-time", "type": "string"} in schemas["JobOut"]["properties"]["finished_at"]["anyOf"]
    assert not [n for n in schemas if "Literal" in n or n.endswith("Kind") and n not in ("QuoteKind", "DocKind")]
    for op in ops.values():
        assert {"400", "422", "429", "503"} <= set(op["responses"]), op["operationId"]


def test_malformed_json_is_400_and_an_oversized_document_is_413(http: httpx.Client) -> None:
    r = http.post("/v1/documents", content=b'{"text": "unterminated', headers={**AUTH, "Content-Type": "application/json"})
    assert r.status_code == 400 and r.json()["error"]["code"] == "malformed_json"
    r = http.post("/v1/documents", json={"title": "big", "text": "word " * 1_200_000}, headers=AUTH)
    assert r.status_code == 413 and "KB_MAX_DOCUMENT_BYTES" in r.json()["error"]["message"]


def test_with_read_keys_every_read_is_a_declared_401(seeded_kb, seeded_settings) -> None:  # type: ignore[no-untyped-def]
    settings = seeded_settings.model_copy(update={"read_requires_key": True})
    with LiveServer(create_app(settings, seeded_kb)) as server, httpx.Client(base_url=server.url, timeout=60) as client:
        spec = client.get("/openapi.json").json()
        for path, ops in spec["paths"].items():
            for method, op in ops.items():
                if op["security"] == []:
                    continue
                assert {} not in op["security"], op["operationId"]
                url = path.replace("{", "").replace("}", "")
                r = client.request(method, url, json={} if method == "post" else None)
                assert r.status_code == 401 and "401" in op["responses"], op["operationId"]
                assert r.headers["www-authenticate"] == "Bearer"


def test_request_ids_etags_and_location(http: httpx.Client) -> None:
    r = http.get("/v1/search", params={"q": "courts"}, headers={"X-Request-ID": "trace-42"})
    assert r.headers["x-request-id"] == "trace-42"
    assert len(http.get("/healthz").headers["x-request-id"]) == 32  # made up when none (or a bad one) is sent
    hit = r.json()["results"][0]
    for path in (f"/v1/quotes/{hit['id']}", f"/v1/documents/{hit['document']['id']}", f"/v1/speakers/{hit['speaker']['id']}"):
        first = http.get(path)
        assert first.status_code == 200 and first.headers["etag"].startswith('"')
        again = http.get(path, headers={"If-None-Match": first.headers["etag"]})
        assert again.status_code == 304 and again.content == b"" and again.headers["etag"] == first.headers["etag"]
        assert http.get(path, headers={"If-None-Match": '"stale"'}).status_code == 200
    created = http.post("/v1/documents", json={"title": "t", "text": 'Ann Bo said "yes, we will."'}, headers=AUTH)
    assert created.status_code == 201 and created.headers["location"] == f"/v1/documents/{created.json()['id']}"


def test_keys_are_rate_limited_with_retry_after(seeded_kb, seeded_settings) -> None:  # type: ignore[no-untyped-def]
    settings = seeded_settings.model_copy(update={"rate_limit": "3/minute"})
    with LiveServer(create_app(settings, seeded_kb)) as server, httpx.Client(base_url=server.url, timeout=60) as client:
        answers = [client.get("/v1/stats", headers=AUTH) for _ in range(4)]
        assert [a.status_code for a in answers] == [200, 200, 200, 429]
        assert [a.headers["ratelimit-remaining"] for a in answers[:3]] == ["2", "1", "0"]
        refused = answers[3]
        assert refused.json()["error"]["code"] == "too_many_requests" and int(refused.headers["retry-after"]) >= 1
        assert client.get("/v1/stats").status_code == 200 and "ratelimit-limit" not in client.get("/v1/stats").headers  # keyless: off
