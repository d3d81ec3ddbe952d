"""Serving the app with uvicorn: one configuration for `kb serve`, tests and benchmarks, and a loopback test server."""

from __future__ import annotations

import copy
import json
import socket
import threading
import time
from typing import Any

import h11
import httpx
import uvicorn
import uvicorn.config
from fastapi import FastAPI
from uvicorn.protocols.http.h11_impl import H11Protocol

from api.middleware import MAX_HEAD_BYTES
from kb.settings import Settings

DRAIN_S = 2.0


class JSONErrorH11Protocol(H11Protocol):
    """uvicorn's HTTP/1.1 protocol, but the 400 it sends for an oversized or malformed request line or header
    block (before the app runs) has the API's one error shape."""

    refused = False

    def data_received(self, data: bytes) -> None:
        if not self.refused:  # after the 400, the rest of an oversized request is read and dropped
            super().data_received(data)

    def send_400_response(self, msg: str) -> None:
        if self.refused:
            return
        self.refused = True
        body = json.dumps({"error": {
            "code": "bad_request",
            "message": f"the request line or headers are malformed or larger than {MAX_HEAD_BYTES:,} bytes",
            "details": None,
        }}).encode()
        headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()), (b"connection", b"close")]
        for event in (h11.Response(status_code=400, headers=headers, reason=b"Bad Request"), h11.Data(data=body), h11.EndOfMessage()):
            self.transport.write(self.conn.send(event))
        # Closing with the client's bytes unread would send a reset, and the client would lose the answer: keep
        # draining a moment so it reads the error first.
        if self.transport.can_write_eof():
            self.transport.write_eof()
        self.loop.call_later(DRAIN_S, self.transport.close)


def uvicorn_config(app: FastAPI, settings: Settings, host: str, port: int, log_level: str = "info") -> uvicorn.Config:
    """X-Forwarded-* is believed only from KB_TRUSTED_PROXIES (by default from no one)."""
    return uvicorn.Config(
        app, host=host, port=port, log_level=log_level, http=JSONErrorH11Protocol, h11_max_incomplete_event_size=MAX_HEAD_BYTES,
        proxy_headers=bool(settings.trusted_proxies), forwarded_allow_ips=settings.trusted_proxies or [],
        access_log=False, log_config=log_config(),  # kb's own access log: one JSON object a line, with the request id
    )


def log_config() -> dict[str, Any]:
    """uvicorn's logging, plus `kb.access` writing each request as one JSON line to standard output."""
    config = copy.deepcopy(uvicorn.config.LOGGING_CONFIG)
    config["formatters"]["json_line"] = {"format": "%(message)s"}
    config["handlers"]["kb_access"] = {"class": "logging.StreamHandler", "formatter": "json_line", "stream": "ext://sys.stdout"}
    config["loggers"]["kb.access"] = {"handlers": ["kb_access"], "level": "INFO", "propagate": False}
    return config


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class LiveServer:
    """`with LiveServer(app) as server:` serves on server.url until the block ends."""

    def __init__(self, app: FastAPI, workers_log_level: str = "warning") -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        settings = getattr(app.state, "settings", None) or Settings()
        self.server = uvicorn.Server(uvicorn_config(app, settings, "127.0.0.1", self.port, workers_log_level))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if httpx.get(self.url + "/healthz", timeout=1).status_code == 200:
                    return self
            except httpx.HTTPError:
                time.sleep(0.05)
        raise RuntimeError("server did not start")

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
