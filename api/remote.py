"""The CLI's way to a running `kb serve`: the server announces its URL in the data folder it owns.

The embedded store admits one process, so while `kb serve` holds a data folder, `kb ingest`, `kb search`,
`kb speakers` and `kb stats` from another shell go through that server's HTTP API instead of failing.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

from ingest.readers import RawDocument, ReaderError
from kb.errors import InvalidInput, StoreUnavailable
from kb.settings import Settings

ANNOUNCEMENT = "server.json"


def _file(settings: Settings) -> Path:
    return settings.data_dir / ANNOUNCEMENT


@contextmanager
def announce(settings: Settings, host: str, port: int) -> Iterator[None]:
    """While the block runs, the data folder says which server owns it (only the embedded store needs this: with shared
    stores every process opens them itself, and several `kb serve` share one data folder)."""
    if settings.chroma_url or settings.database_url:
        yield
        return
    local = "127.0.0.1" if host in ("0.0.0.0", "::", "") else host  # noqa: S104 - reached from this machine
    path = _file(settings)
    path.parent.mkdir(parents=True, exist_ok=True)
    # a temporary file of its own: two servers starting at once had written one "server.tmp", and the second to move it
    # into place found it gone and died (scripts/cluster.sh then waited on it)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f"{path.stem}.", suffix=".tmp")
    with os.fdopen(fd, "w") as f:
        f.write(json.dumps({"url": f"http://{local}:{port}", "pid": os.getpid()}))
    Path(tmp).replace(path)
    try:
        yield
    finally:
        try:
            if json.loads(path.read_text()).get("pid") == os.getpid():
                path.unlink()
        except (OSError, ValueError):
            pass


def find_server(settings: Settings) -> str | None:
    """The URL of a live `kb serve` that owns this data folder, or None."""
    if settings.chroma_url or settings.database_url:  # shared stores: every process opens them itself
        return None
    try:
        info = json.loads(_file(settings).read_text())
        os.kill(int(info["pid"]), 0)
        url = str(info["url"])
        if httpx.get(url + "/healthz", timeout=5).status_code == 200:
            return url
    except (OSError, ValueError, KeyError, TypeError, httpx.HTTPError):
        return None
    return None


class RemoteKB:
    """The few calls the CLI makes, over the server's HTTP API, answering in the CLI's own shapes."""

    def __init__(self, url: str, settings: Settings) -> None:
        headers = {"X-API-Key": settings.api_keys[0]} if settings.api_keys else {}
        self.http = httpx.Client(base_url=url, headers=headers, timeout=120)
        self.url = url

    def close(self) -> None:
        self.http.close()

    def _get(self, path: str, params: dict[str, Any] | None = None) -> Any:
        try:
            r = self.http.get(path, params={k: v for k, v in (params or {}).items() if v is not None})
        except httpx.HTTPError as e:
            raise StoreUnavailable(f"the kb server at {self.url} did not answer: {e}") from e
        return _checked(r)

    def stats(self) -> dict[str, Any]:
        return dict(self._get("/v1/stats"))

    def search(self, params: dict[str, Any], passages: bool) -> list[dict[str, Any]]:
        return list(self._get("/v1/passages" if passages else "/v1/search", params)["results"])

    def speakers(self, query: str | None, limit: int) -> list[dict[str, Any]]:
        return list(self._get("/v1/speakers", {"q": query, "limit": min(limit, 100)})["results"])

    def _post(self, path: str, body: dict[str, Any]) -> Any:
        try:
            r = self.http.post(path, json=body)
        except httpx.HTTPError as e:
            raise StoreUnavailable(f"the kb server at {self.url} did not answer: {e}") from e
        return _checked(r)

    def briefing(self, body: dict[str, Any]) -> dict[str, Any]:
        return dict(self._post("/v1/briefings", body))

    def speaker_id(self, text: str) -> str:
        """An id as given, else the one speaker a name matches (the CLI says when none or several do)."""
        from api.cli import _one_speaker

        if text.startswith("spk_"):
            return text
        return _one_speaker(text, [s["id"] for s in self.speakers(text, 100)])

    def speaker(self, speaker_id: str) -> dict[str, Any]:
        return dict(self._get(f"/v1/speakers/{speaker_id}"))

    def merge_speakers(self, keep: str, other: str) -> dict[str, Any]:
        return dict(self._post("/v1/speakers/merge", {"keep": keep, "other": other}))

    def split_speaker(self, speaker_id: str, alias: str) -> dict[str, Any]:
        return dict(self._post(f"/v1/speakers/{speaker_id}/split", {"alias": alias}))

    def ingest(self, items: Iterable[RawDocument | ReaderError], kind: str | None, publisher: str | None) -> dict[str, Any]:
        """Send the documents as one job and wait for it; the report in `kb ingest --format json`'s shape."""
        lines, errors = [], []
        for item in items:
            if isinstance(item, ReaderError):
                errors.append({"where": item.where, "message": item.reason})
                continue
            record = {"text": item.text, "title": item.title or None, "url": item.url, "published": item.published,
                      "publisher": item.publisher, "kind": item.kind, "speaker": item.issuer}
            lines.append(json.dumps({k: v for k, v in record.items() if v is not None}, ensure_ascii=False))
        report: dict[str, Any] = {"new": 0, "updated": 0, "unchanged": 0, "failed": 0, "quotes": 0, "chunks": 0, "errors": []}
        if lines:
            before = self.stats()
            try:
                r = self.http.post("/v1/ingest/jobs", content="\n".join(lines).encode(), params={"kind": kind, "publisher": publisher}
                                   if kind or publisher else None, headers={"Content-Type": "application/x-ndjson"})
            except httpx.HTTPError as e:
                raise StoreUnavailable(f"the kb server at {self.url} did not answer: {e}") from e
            status_url = _checked(r)["status_url"]
            while (job := self._get(status_url))["status"] in ("queued", "running"):
                time.sleep(0.5)
            if job["status"] != "done":
                raise StoreUnavailable(f"the server's ingest job {job['id']} ended {job['status']}: {job['errors'][-1:]}")
            after = self.stats()  # quotes and chunks: the net change the job made (the job does not count them)
            report = {k: job[k] for k in ("new", "updated", "unchanged", "failed")} | {
                "quotes": after["quotes"] - before["quotes"], "chunks": after["chunks"] - before["chunks"], "errors": job["errors"]}
        report["failed"] += len(errors)
        report["errors"] = errors + report["errors"]
        return report


def _checked(r: httpx.Response) -> Any:
    if r.status_code >= 400:
        try:
            message = r.json()["error"]["message"]
        except (ValueError, KeyError, TypeError):
            message = r.text[:200]
        if r.status_code in (401, 403):
            raise InvalidInput(f"the kb server refused the request ({message}); set KB_API_KEYS to one of its keys")
        if r.status_code >= 500:
            raise StoreUnavailable(f"the kb server answered {r.status_code}: {message}")
        raise InvalidInput(message)
    return r.json()
