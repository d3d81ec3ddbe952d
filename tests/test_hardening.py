"""Hostile input, limits, security edges and faults: clear errors, nothing lost, nothing corrupted."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from conftest import (
    API_KEY,
    ROOT,
    SEEDS,
    LiveServer,
    free_port,
    ingest_paths,
    make_settings,
)

from api.app import create_app
from kb.backup import backup, restore
from kb.errors import StoreCorrupt, StoreUnavailable
from kb.factory import open_knowledge_base
from kb.search import SearchQuery


def hostile_corpus(folder: Path) -> dict[str, Path]:
    folder.mkdir()
    files = {
        "empty": folder / "empty.txt",
        "binary": folder / "binary.txt",
        "latin1": folder / "latin1.txt",
        "utf16": folder / "utf16.txt",
        "huge": folder / "huge.txt",
        "unbalanced": folder / "unbalanced.txt",
        "many_marks": folder / "marks.txt",
        "nested_html": folder / "nested.html",
        "bad_jsonl": folder / "records.jsonl",
        "nul": folder / "nul.md",
        "rtl_emoji": folder / "rtl.txt",
        "long_line": folder / "longline.txt",
    }
    files["empty"].write_bytes(b"")
    files["binary"].write_bytes(bytes(range(256)) * 64)
    files["latin1"].write_bytes("Caf\xe9 owner Jos\xe9 Pe\xf1a said the rent \"doubled in a single year.\"".encode("latin-1"))
    files["utf16"].write_text('Mayor Li Wen said the park "will open in spring."', encoding="utf-16")
    files["huge"].write_bytes(b"The senator said taxes would rise. " * 1_500_000)  # ~52 MB
    files["unbalanced"].write_text('He said "this never closes and goes on.\n\nShe said "another open mark.\n' * 50)
    files["many_marks"].write_text('Title\n\nThe clerk said "' + '" "'.join(["x"] * 5000) + '".\n')
    files["nested_html"].write_text("<html><body>" + "<div>" * 5000 + "<p>Deep text that the chief said was fine.</p>" + "</div>" * 5000 + "</body></html>")
    files["bad_jsonl"].write_text('{"title": "ok", "text": "The judge said the case would proceed."}\n{"title": oops}\n[1, 2]\n')
    files["nul"].write_bytes(b"---\ntitle: NUL\n---\nThe governor\x00 said the budget \"is balanced\" today.\n")
    files["rtl_emoji"].write_text('\u0642\u0627\u0644 \u0627\u0644\u0648\u0632\u064a\u0631 "\u0633\u0646\u0628\u0646\u064a" \U0001F600. The minister said "we will build schools \U0001F3EB" on Monday.')
    files["long_line"].write_text("The mayor said the plan would work and residents agreed with her " * 2_000)  # 130 KB, one line
    return files


def test_hostile_documents_get_clear_errors_or_are_ingested_and_the_store_stays_sound(kb, ingestor, tmp_path) -> None:  # type: ignore[no-untyped-def]
    files = hostile_corpus(tmp_path / "hostile")
    report = ingest_paths(ingestor, *files.values())
    errors: dict[str, str] = {}
    for where, message in report.errors:
        name = Path(where.split(":")[0]).name
        errors[name] = errors.get(name, "") + message + "; "
    assert "binary" in errors["binary.txt"]
    assert "no text" in errors["empty.txt"]
    assert "KB_MAX_DOCUMENT_BYTES" in errors["huge.txt"]
    assert "invalid JSON" in errors["records.jsonl"] and "a record must be a JSON object" in errors["records.jsonl"]
    ingested = report.new
    assert ingested == kb.stats()["documents"] >= 8
    stats = kb.stats()
    assert stats["vectors"] == stats["chunks"] + stats["quotes"]
    rent = kb.search_quotes(SearchQuery(q="rent doubled", mode="keyword")).results
    assert rent and rent[0].quote.speaker.name == "José Peña"  # cp1252 decoded correctly
    assert kb.search_quotes(SearchQuery(q="park will open in spring", mode="keyword")).results  # UTF-16 read
    assert kb.search_quotes(SearchQuery(q="build schools", mode="keyword")).results


def test_limits_have_clear_errors(seeded_settings, seeded_kb) -> None:  # type: ignore[no-untyped-def]
    settings = seeded_settings.model_copy(update={"max_request_bytes": 2_000})
    with LiveServer(create_app(settings, seeded_kb)) as server:
        big = httpx.post(server.url + "/v1/documents", json={"text": "x" * 5_000}, headers={"X-API-Key": API_KEY})
        assert big.status_code == 413 and "KB_MAX_REQUEST_BYTES" in big.json()["error"]["message"]
        long_q = httpx.get(server.url + "/v1/search", params={"q": "word " * 300})
        assert long_q.status_code == 422 and long_q.json()["error"]["code"] == "invalid_input"


def test_no_path_leaves_the_data_folder_cors_off_by_default_and_security_headers(http: httpx.Client, seeded_settings, seeded_kb) -> None:  # type: ignore[no-untyped-def]
    for path in ("/static/../../catalogue.sqlite3", "/static/%2e%2e/%2e%2e/pyproject.toml", "/documents/..%2f..%2fetc%2fpasswd"):
        r = http.get(path)
        assert r.status_code == 404 and "sqlite" not in r.text.lower() and "[project]" not in r.text
    r = http.get("/v1/search", params={"q": "courts"}, headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in r.headers
    assert r.headers["x-content-type-options"] == "nosniff" and r.headers["x-frame-options"] == "DENY"
    allowed = seeded_settings.model_copy(update={"cors_origins": ["https://staff.example"]})
    with LiveServer(create_app(allowed, seeded_kb)) as server:
        r = httpx.get(server.url + "/v1/search", params={"q": "courts"}, headers={"Origin": "https://staff.example"})
        assert r.headers["access-control-allow-origin"] == "https://staff.example"


def test_disk_full_is_a_clear_error_and_the_store_still_opens(settings, embedder, extractor, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from ingest.pipeline import build_ingestor

    kb = open_knowledge_base(settings, embedder)
    ingestor = build_ingestor(kb, settings, extractor)
    assert ingest_paths(ingestor, SEEDS / "statement-biden-border-security-negotiations-2024-01-26.md").new == 1
    before = kb.stats()
    db = kb.catalogue._conn()
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    db.execute(f"PRAGMA max_page_count = {pages + 1}")  # the catalogue's "disk" is now full
    with pytest.raises(StoreUnavailable) as info:  # no document causes a full disk: the run stops, a re-run resumes
        ingest_paths(ingestor, SEEDS / "abc-news-2017-04-03-sanctuary-cities-dhs-police.txt")
    assert "full" in str(info.value)
    kb.close()
    reopened = open_knowledge_base(settings, embedder)
    try:
        assert reopened.stats()["documents"] == before["documents"]
        assert reopened.search_quotes(SearchQuery(q="border", mode="keyword")).results
    finally:
        reopened.close()


def test_a_corrupted_catalogue_is_detected_at_start(settings, embedder) -> None:  # type: ignore[no-untyped-def]
    settings.data_dir.mkdir(parents=True)
    settings.catalogue_path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreCorrupt) as info:
        open_knowledge_base(settings, embedder)
    assert "damaged" in str(info.value)
    proc = subprocess.run([sys.executable, "-m", "api.cli", "stats"], cwd=ROOT, capture_output=True, text=True,
                          env={"KB_DATA_DIR": str(settings.data_dir), "PATH": "/usr/bin:/bin"}, timeout=120)
    assert proc.returncode == 1 and "damaged" in proc.stderr and "Traceback" not in proc.stderr
    # the embedded lock was released on failure: a second try fails the same way, not with "in use"
    with pytest.raises(StoreCorrupt):
        open_knowledge_base(settings, embedder)


def test_backup_while_serving_then_restore_gives_the_same_answers(http: httpx.Client, seeded_settings, tmp_path, embedder) -> None:  # type: ignore[no-untyped-def]
    queries = ["guidance from the courts", "border security", "root causes of migration"]
    expected = [[x["id"] for x in http.get("/v1/search", params={"q": q}).json()["results"]] for q in queries]
    manifest = backup(seeded_settings, tmp_path / "backup")  # the live server holds the store meanwhile
    assert manifest["counts"]["documents"] == 5  # type: ignore[index]
    target = make_settings(tmp_path / "restored")
    stats = restore(tmp_path / "backup", target, embedder)
    assert stats["documents"] == 5 and stats["vectors"] == stats["chunks"] + stats["quotes"]
    kb = open_knowledge_base(target, embedder)
    try:
        got = [[h.quote.id for h in kb.search_quotes(SearchQuery(q=q)).results] for q in queries]
    finally:
        kb.close()
    assert got == expected
    with pytest.raises(Exception, match="not empty"):
        restore(tmp_path / "backup", target, embedder)


def test_chroma_server_outage_gives_503_then_recovers(tmp_path, embedder) -> None:  # type: ignore[no-untyped-def]
    port = free_port()
    chroma = Path(sys.executable).parent / "chroma"

    def start() -> subprocess.Popen:
        proc = subprocess.Popen([str(chroma), "run", "--path", str(tmp_path / "cs"), "--port", str(port)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout=1).status_code == 200:
                    return proc
            except httpx.HTTPError:
                time.sleep(0.2)
        raise RuntimeError("chroma did not start")

    server = start()
    settings = make_settings(tmp_path / "data", chroma_url=f"http://127.0.0.1:{port}")
    kb = open_knowledge_base(settings, embedder)
    try:
        with LiveServer(create_app(settings, kb)) as api:
            assert httpx.get(api.url + "/v1/search", params={"q": "anything"}).status_code == 200
            server.terminate()
            server.wait(timeout=30)
            down = httpx.get(api.url + "/v1/search", params={"q": "anything"}, timeout=120)
            assert down.status_code == 503 and down.json()["error"]["code"] == "unavailable"
            assert down.headers["retry-after"] and "Traceback" not in down.text
            server = start()
            assert httpx.get(api.url + "/v1/search", params={"q": "anything"}, timeout=60).status_code == 200
    finally:
        kb.close()
        server.terminate()
        server.wait(timeout=30)


def test_kill_9_during_a_job_then_restart_finishes_it_like_a_clean_run(tmp_path, embedder) -> None:  # type: ignore[no-untyped-def]
    records = [{"title": f"Note {n}", "url": f"https://n.example/{n}", "text": f"Aide Kim Roe said item {n} \"is on track for March.\""} for n in range(80)]
    upload = "\n".join(json.dumps(r) for r in records).encode()
    data = tmp_path / "data"
    env = {"KB_DATA_DIR": str(data), "KB_API_KEYS": API_KEY, "PATH": "/usr/bin:/bin"}

    def serve() -> tuple[subprocess.Popen, str]:
        port = free_port()
        proc = subprocess.Popen([sys.executable, "-m", "api.cli", "serve", "--port", str(port)], cwd=ROOT, env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                if httpx.get(url + "/healthz", timeout=1).status_code == 200:
                    return proc, url
            except httpx.HTTPError:
                time.sleep(0.2)
        raise RuntimeError("server did not start")

    def wait_done(url: str, job_url: str) -> dict:
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            job = httpx.get(url + job_url).json()
            if job["status"] not in ("queued", "running"):
                return job
            time.sleep(0.3)
        raise AssertionError("job did not finish")

    proc, url = serve()
    job_url = httpx.post(url + "/v1/ingest/jobs", content=upload, headers={"X-API-Key": API_KEY}, timeout=60).json()["status_url"]
    deadline = time.monotonic() + 300
    while httpx.get(url + job_url).json()["processed"] < 16 and time.monotonic() < deadline:
        time.sleep(0.1)
    proc.kill()
    proc.wait()
    proc, url = serve()
    try:
        job = wait_done(url, job_url)  # the restarted server takes the job up again where its saved progress says
        assert job["status"] == "done" and job["processed"] == 80 and job["new"] + job["unchanged"] == 80 and job["failed"] == 0
        stats = httpx.get(url + "/v1/stats").json()
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    clean = make_settings(tmp_path / "clean")
    from ingest.pipeline import build_ingestor
    from ingest.readers import iter_jsonl_lines

    kb = open_knowledge_base(clean, embedder)
    try:
        build_ingestor(kb, clean).ingest(iter_jsonl_lines(iter(upload.decode().splitlines()), "clean"))
        assert kb.stats() == stats
    finally:
        kb.close()


def test_reads_can_require_a_key_on_the_api_and_the_page(seeded_settings, seeded_kb) -> None:  # type: ignore[no-untyped-def]
    keyed = seeded_settings.model_copy(update={"read_requires_key": True})
    with LiveServer(create_app(keyed, seeded_kb)) as server:
        for path in ("/v1/search?q=courts", "/?q=courts", "/v1/speakers"):
            assert httpx.get(server.url + path).status_code == 401, path
            assert httpx.get(server.url + path, headers={"X-API-Key": API_KEY}).status_code == 200, path
        assert httpx.get(server.url + "/healthz").status_code == 200
