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
