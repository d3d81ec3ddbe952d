"""ASGI middleware of the API: bounded request bodies, security headers and CORS."""

import hashlib
import json
import logging
import re
import time
import uuid
from datetime import datetime, timezone

from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.errors import error_response
from api.security import presented_key
from kb.ratelimit import Rate, RateLimiter

MAX_HEAD_BYTES = 16 * 1024  # request line plus headers; h11's own default
from kb.settings import Settings


class BodyLimit:
    """Reads the request body up to the limit before the app sees it, so a chunked upload without
    Content-Length is bounded too; past the limit the client gets the usual 413 error body."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.limit:  # refused before a byte of the body is read
            await self._refuse(scope, receive, send)
            return
        messages: list[Message] = []
        size = 0
        while True:
            message = await receive()
            messages.append(message)
            size += len(message.get("body", b""))
            if size > self.limit:
                await self._refuse(scope, receive, send)
                return
            if message["type"] != "http.request" or not message.get("more_body", False):
                break
        replay = iter(messages)

        async def replayed() -> Message:
            return next(replay, None) or await receive()

        await self.app(scope, replayed, send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = error_response(413, "payload_too_large", f"request body is larger than {self.limit:,} bytes (KB_MAX_REQUEST_BYTES)")
        await response(scope, receive, send)


class HeadLimit:
    """A request line or header block past the limit is a 400 in the error shape, however it arrived (h11 only
    bounds a head that arrives in pieces; the server's protocol class answers those the same way)."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            size = len(scope.get("raw_path") or b"") + len(scope.get("query_string") or b"")
            size += sum(len(k) + len(v) + 4 for k, v in scope["headers"])
            if size > self.limit:
                message = f"the request line or headers are malformed or larger than {self.limit:,} bytes"
                await error_response(400, "bad_request", message)(scope, receive, send)
                return
        await self.app(scope, receive, send)


REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")
access_log = logging.getLogger("kb.access")


def _limiters(settings: Settings) -> tuple[RateLimiter | None, RateLimiter | None]:
    keyed = RateLimiter(Rate.parse(settings.rate_limit)) if settings.rate_limit else None
    anonymous = RateLimiter(Rate.parse(settings.rate_limit_anonymous)) if settings.rate_limit_anonymous else None
    return keyed, anonymous


class Operations:
    """Request ids (accepted or made, echoed, logged), per-key rate limits, and one JSON access-log line a request.

    Plain ASGI rather than `@app.middleware("http")`: that wrapper runs every request through an extra task and
    memory stream, a measurable share of a 20 ms search under concurrent load."""

    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        self.keyed, self.anonymous = _limiters(settings)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        request_id = request.headers.get("x-request-id", "")
        if not REQUEST_ID.match(request_id):
            request_id = uuid.uuid4().hex
        started = time.perf_counter()
        key = presented_key(request)
        client = scope.get("client")
        who = "key:" + hashlib.sha256(key.encode()).hexdigest()[:12] if key else "ip:" + (client[0] if client else "-")
        limiter = self.keyed if key else self.anonymous
        decision = limiter.take(who) if limiter is not None and scope["path"].startswith("/v1/") else None
        status = 500  # what the client gets if the app fails before answering

        async def sending(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = MutableHeaders(scope=message)
                headers["X-Request-ID"] = request_id
                if decision is not None:
                    headers["RateLimit-Limit"] = str(decision.limit)
                    headers["RateLimit-Remaining"] = str(decision.remaining)
                    headers["RateLimit-Reset"] = str(decision.reset_s)
            await send(message)

        try:
            if decision is not None and not decision.allowed:
                assert limiter is not None
                refusal = error_response(
                    429, "too_many_requests", f"more than {decision.limit} requests in {limiter.rate.period_s} s; retry in {decision.reset_s} s",
                    headers={"Retry-After": str(decision.reset_s)},
                )
                await refusal(scope, receive, sending)
            else:
                await self.app(scope, receive, sending)
        finally:
            access_log.info(json.dumps({
                "time": datetime.now(timezone.utc).isoformat(timespec="milliseconds"), "request_id": request_id,
                "method": scope["method"], "path": scope["path"], "status": status,
                "ms": round((time.perf_counter() - started) * 1000, 1), "client": client[0] if client else None,
                "who": who.split(":")[0] if key else "anonymous",
            }))


class SecurityHeaders:
    """nosniff, no referrer and no framing on every response (an app's own value of these wins)."""

    HEADERS = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer", "X-Frame-Options": "DENY"}

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def sending(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in self.HEADERS.items():
                    headers.setdefault(name, value)
            await send(message)

        await self.app(scope, receive, sending)


def install_middleware(app: FastAPI, settings: Settings) -> None:
    # Each add wraps the ones before: security headers innermost, then operations, the limits, CORS outermost.
    app.add_middleware(SecurityHeaders)
    app.add_middleware(Operations, settings=settings)
    app.add_middleware(BodyLimit, limit=settings.max_request_bytes)
    app.add_middleware(HeadLimit, limit=MAX_HEAD_BYTES)
    if settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=settings.cors_origins, allow_methods=["GET", "POST"], allow_headers=["*"])
