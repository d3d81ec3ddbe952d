"""Bulk ingestion: jobs over HTTP, one writer on the embedded store, kill -9 and resume, a Chroma server with two writers."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from conftest import API_KEY, ROOT, LiveServer, free_port, make_settings

from api.app import create_app
from ingest.pipeline import build_ingestor
from kb.errors import StoreLocked
from kb.factory import open_knowledge_base
from kb.search import SearchQuery

AUTH = {"Authorization": f"Bearer {API_KEY}"}
SPEAKERS = ["Ana Ortiz", "Ben Cole", "Cara Diaz", "Dev Patel", "Eli Moss", "Fay Lund"]


def article(n: int) -> dict:
    who = SPEAKERS[n % len(SPEAKERS)]
    return {
        "title": f"Council report {n}",
        "url": f"https://news.example/{n}?utm_source=feed",
        "published": f"2024-02-{1 + n % 28:02d}",
        "publisher": "Example News",
        "text": (
            f"Item {n}. Councillor {who} said the plan for district {n} \"will bring {n} new homes to the area within a year.\" "
            f"Residents said they were worried about traffic on street {n}. {who.split()[1]} added that funding was secure."
        ),
    }


def write_jsonl(path: Path, records: list[dict], bad_lines: dict[int, str] | None = None) -> Path:
    lines = [json.dumps(r) for r in records]
    for index, line in sorted((bad_lines or {}).items()):
        lines.insert(index, line)
    path.write_text("\n".join(lines) + "\n")
    return path


def kb_command(args: list[str], env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "api.cli", *args], cwd=ROOT, env={**os.environ, **env},
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def counts(data_dir: Path, embedder) -> dict[str, int]:  # type: ignore[no-untyped-def]
    kb = open_knowledge_base(make_settings(data_dir), embedder)
    try:
        return kb.stats()
    finally:
        kb.close()


def test_job_over_http_reports_progress_and_bad_lines_while_search_answers(seeded_settings, seeded_kb, extractor, tmp_path) -> None:  # type: ignore[no-untyped-def]
    app = create_app(seeded_settings, seeded_kb, build_ingestor(seeded_kb, seeded_settings, extractor))
    upload = write_jsonl(tmp_path / "batch.jsonl", [article(n) for n in range(40)], {5: "{broken json", 20: '{"title": "no text"}'})
    with LiveServer(app) as server, httpx.Client(base_url=server.url, timeout=60) as http:
        assert http.post("/v1/ingest/jobs", content=upload.read_bytes()).status_code == 401
        r = http.post("/v1/ingest/jobs", content=upload.read_bytes(), headers={**AUTH, "Content-Type": "application/x-ndjson"})
        assert r.status_code == 202
        job_url = r.json()["status_url"]
        assert r.headers["location"] == job_url
        search_during = http.get("/v1/search", params={"q": "guidance from the courts"})
        assert search_during.status_code == 200 and search_during.json()["results"]
        deadline = time.monotonic() + 300
        while (job := http.get(job_url).json())["status"] in ("queued", "running") and time.monotonic() < deadline:
            time.sleep(0.5)
        assert job["status"] == "done", job
        assert (job["new"], job["failed"], job["processed"]) == (40, 2, 42)
        assert [e["where"] for e in job["errors"]] == ["line:6", "line:21"]
        assert "invalid JSON" in job["errors"][0]["message"]
        found = http.get("/v1/search", params={"q": "the plan for district 17", "mode": "phrase", "speaker": SPEAKERS[17 % 6]}).json()["results"]
        assert found and found[0]["document"]["title"] == "Council report 17"
        assert http.get("/v1/ingest/jobs/job_missing").status_code == 404


def test_embedded_store_refuses_a_second_process_clearly(settings, embedder) -> None:  # type: ignore[no-untyped-def]
    first = open_knowledge_base(settings, embedder)
    try:
        with pytest.raises(StoreLocked) as info:
            open_knowledge_base(settings, embedder)
        assert "KB_CHROMA_URL" in str(info.value) and str(settings.data_dir) in str(info.value)
        proc = kb_command(["stats"], {"KB_DATA_DIR": str(settings.data_dir)})
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 1 and "in use by process" in err and "Traceback" not in err
    finally:
        first.close()
    reopened = open_knowledge_base(settings, embedder)  # the lock goes with the process that held it
    reopened.close()


def test_kill_9_mid_ingest_then_resume_equals_a_clean_run(tmp_path, embedder) -> None:  # type: ignore[no-untyped-def]
    source = write_jsonl(tmp_path / "many.jsonl", [article(n) for n in range(60)])
    killed_dir, clean_dir = tmp_path / "killed", tmp_path / "clean"
    proc = kb_command(["ingest", str(source)], {"KB_DATA_DIR": str(killed_dir)})
    catalogue = killed_dir / "catalogue.sqlite3"
    deadline = time.monotonic() + 180
    stored = 0
    while time.monotonic() < deadline and proc.poll() is None:
        if catalogue.exists():
            try:
                with sqlite3.connect(catalogue, timeout=1) as db:
                    stored = db.execute("SELECT count(*) FROM documents").fetchone()[0]
            except sqlite3.Error:
                stored = 0
            if stored >= 16:
                break
        time.sleep(0.05)
    assert proc.poll() is None, "ingest finished before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    resumed = kb_command(["ingest", str(source), "--format", "json"], {"KB_DATA_DIR": str(killed_dir)})
    out, err = resumed.communicate(timeout=300)
    assert resumed.returncode == 0, err
    report = json.loads(out)
    assert report["unchanged"] >= 16 and report["new"] + report["unchanged"] == 60
    clean = kb_command(["ingest", str(source)], {"KB_DATA_DIR": str(clean_dir)})
    assert clean.wait(timeout=300) == 0
    assert counts(killed_dir, embedder) == counts(clean_dir, embedder)


def test_two_writers_and_the_api_on_a_chroma_server(tmp_path, embedder) -> None:  # type: ignore[no-untyped-def]
    port = free_port()
    server = subprocess.Popen(
        [str(Path(sys.executable).parent / "chroma"), "run", "--path", str(tmp_path / "chroma-server"), "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(url + "/api/v2/heartbeat", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        env = {"KB_DATA_DIR": str(tmp_path / "shared-data"), "KB_CHROMA_URL": url}
        a = write_jsonl(tmp_path / "a.jsonl", [article(n) for n in range(0, 20)])
        b = write_jsonl(tmp_path / "b.jsonl", [article(n) for n in range(100, 120)])
        writers = [kb_command(["ingest", str(a)], env), kb_command(["ingest", str(b)], env)]
        for w in writers:
            _, err = w.communicate(timeout=300)
            assert w.returncode == 0, err
        settings = make_settings(tmp_path / "shared-data", chroma_url=url)
        kb = open_knowledge_base(settings, embedder)
        try:
            stats = kb.stats()
            assert stats["documents"] == 40 and stats["vectors"] == stats["chunks"] + stats["quotes"]
            with LiveServer(create_app(settings, kb)) as api:
                for n, who in ((7, SPEAKERS[7 % 6]), (113, SPEAKERS[113 % 6])):
                    hits = httpx.get(api.url + "/v1/search", params={"q": f"plan for district {n}", "mode": "phrase", "speaker": who}).json()["results"]
                    assert any(h["document"]["title"] == f"Council report {n}" for h in hits)
            assert kb.search_quotes(SearchQuery(q="traffic", mode="keyword", limit=50)).results
        finally:
            kb.close()
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_job_uploads_that_are_not_jsonl_or_too_big_are_refused_clearly(seeded_settings, seeded_kb, extractor) -> None:  # type: ignore[no-untyped-def]
    small = seeded_settings.model_copy(update={"max_request_bytes": 5_000})
    app = create_app(small, seeded_kb, build_ingestor(seeded_kb, small, extractor))
    with LiveServer(app) as server, httpx.Client(base_url=server.url, timeout=60, headers=AUTH) as http:
        assert http.post("/v1/ingest/jobs", content=b"").status_code == 422
        broken_gzip = http.post("/v1/ingest/jobs", content=b"\x1f\x8b\x08garbage")
        assert broken_gzip.status_code == 422 and "gzip" in broken_gzip.json()["error"]["message"]
        chunked = http.post("/v1/ingest/jobs", content=iter([b'{"text": "x"}\n' * 200] * 3))  # no Content-Length
        assert chunked.status_code == 413 and chunked.json()["error"]["code"] == "payload_too_large"
