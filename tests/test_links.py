"""kb's own links come from KB_PUBLIC_URL, never from the request: a spoofed Host or X-Forwarded-* changes nothing."""

from __future__ import annotations

import json
import socket

import httpx
from conftest import LiveServer

from api.app import create_app

SPOOF = {"Host": "evil.example", "X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "gopher", "Forwarded": "host=evil.example"}
QUERY = {"q": "guidance from the courts", "speaker": "Champagne", "limit": 3}


def _links(client: httpx.Client) -> list[str]:
    hits = client.get("/v1/search", params=QUERY, headers=SPOOF).json()["results"]
    brief = client.post("/v1/briefings", json={"topic": "guidance from the courts", "format": "markdown"}, headers=SPOOF).text
    assert hits and "evil.example" not in brief and "gopher" not in brief
    return [h["source_link"] for h in hits] + [h["citation"] for h in hits]


def test_without_a_public_url_links_are_relative_whatever_the_host_header(http: httpx.Client) -> None:
    links = _links(http)
    assert all("evil.example" not in x and "gopher" not in x for x in links)
    assert links[0].startswith("/documents/doc_")
    page = http.get("/", params={"q": "border security"}, headers=SPOOF)
    assert page.status_code == 200 and "evil.example" not in page.text


def test_public_url_sets_the_base_of_document_links(seeded_kb, seeded_settings) -> None:  # type: ignore[no-untyped-def]
    settings = seeded_settings.model_copy(update={"public_url": "https://kb.example.org/"})
    with LiveServer(create_app(settings, seeded_kb)) as server, httpx.Client(base_url=server.url, timeout=60) as client:
        links = _links(client)
    assert links[0].startswith("https://kb.example.org/documents/doc_") and "#:~:text=" in links[0]
    assert "https://kb.example.org/documents/doc_" in links[-1]


def _raw(server: LiveServer, head: bytes) -> tuple[str, dict[str, str], dict]:
    """Send a request head as bytes (httpx refuses URLs this long) and read the whole answer."""
    with socket.create_connection(("127.0.0.1", server.port), timeout=30) as sock:
        sock.sendall(head)
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    head_part, _, body = data.partition(b"\r\n\r\n")
    status, *lines = head_part.decode().split("\r\n")
    return status, {k.lower(): v.strip() for k, _, v in (line.partition(":") for line in lines)}, json.loads(body)


def test_the_servers_own_400s_have_the_error_shape(live_server: LiveServer) -> None:
    long_url = b"GET /v1/search?q=" + b"x" * 200_000 + b" HTTP/1.1\r\nHost: kb\r\n\r\n"
    big_header = b"GET /v1/search?q=x HTTP/1.1\r\nHost: kb\r\nX-Big: " + b"y" * 100_000 + b"\r\n\r\n"
    for head in (long_url, big_header):
        status, headers, body = _raw(live_server, head)
        assert status.startswith("HTTP/1.1 400") and headers["content-type"] == "application/json"
        assert body["error"]["code"] == "bad_request" and "larger than" in body["error"]["message"]
