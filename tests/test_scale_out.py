"""Beyond one process: the CLI beside a running server on the default install; PostgreSQL, a Chroma server, several APIs and workers."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from conftest import API_KEY, ROOT, free_port, make_settings
from test_bulk import article, write_jsonl

from ingest.pipeline import build_ingestor
from ingest.readers import iter_jsonl_lines
from kb.factory import open_knowledge_base

AUTH = {"X-API-Key": API_KEY}


def start(args: list[str], env: dict[str, str], log: Path | None = None) -> subprocess.Popen:
    out = open(log, "ab") if log else subprocess.DEVNULL  # noqa: SIM115 - closed with the process
    return subprocess.Popen([sys.executable, "-m", "api.cli", *args], cwd=ROOT, env={**os.environ, **env}, stdout=out, stderr=out)


def run(args: list[str], env: dict[str, str], timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "api.cli", *args], cwd=ROOT, env={**os.environ, **env}, capture_output=True,
                          text=True, timeout=timeout)


def serve(env: dict[str, str], log: Path | None = None) -> tuple[subprocess.Popen, str]:
    port = free_port()
    proc = start(["serve", "--port", str(port)], env, log)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            if httpx.get(url + "/healthz", timeout=1).status_code == 200:
                return proc, url
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError(f"kb serve did not start (exit {proc.poll()})")


def stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=60)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def test_while_kb_serve_runs_the_cli_works_on_the_same_data_folder(tmp_path: Path) -> None:
    env = {"KB_DATA_DIR": str(tmp_path / "data"), "KB_API_KEYS": API_KEY}
    server, url = serve(env)
    try:
        assert (tmp_path / "data" / "server.json").exists()
        before = run(["stats", "--format", "json"], env)
        assert before.returncode == 0, before.stderr
        assert json.loads(before.stdout)["documents"] == 0 and "going through its API" in before.stderr
        source = write_jsonl(tmp_path / "new.jsonl", [article(n) for n in range(6)], {3: "{broken"})
        ingested = run(["ingest", str(source), "--format", "json"], env)
        assert ingested.returncode == 1  # the broken line, reported; the six records are stored
        report = json.loads(ingested.stdout)
        assert (report["new"], report["failed"]) == (6, 1) and report["quotes"] > 0
        again = run(["ingest", str(source), "--format", "json"], env)
        assert json.loads(again.stdout)["unchanged"] == 6
        found = run(["search", "plan for district 4", "--mode", "phrase", "--format", "json"], env)
        assert found.returncode == 0, found.stderr
        assert json.loads(found.stdout)["results"][0]["document"]["title"] == "Council report 4"
        speakers = run(["speakers", "Ortiz", "--format", "jsonl"], env)
        assert speakers.returncode == 0 and "Ana Ortiz" in json.loads(speakers.stdout.splitlines()[0])["name"]
        stats = json.loads(run(["stats", "--format", "json"], env).stdout)
        assert stats == httpx.get(url + "/v1/stats").json() and stats["documents"] == 6
        brief = run(["briefing", "traffic plan for the district", "--format", "json"], env)
        assert brief.returncode == 0 and "going through its API" in brief.stderr, brief.stderr
        served_brief = json.loads(brief.stdout)
        assert served_brief["speakers"] and served_brief["citations"]
    finally:
        stop(server)
    alone = run(["stats", "--format", "json"], env)  # no server (its announcement, if left, names a dead process): the CLI opens the store
    assert alone.returncode == 0 and json.loads(alone.stdout) == stats and "going through" not in alone.stderr
    alone_brief = run(["briefing", "traffic plan for the district", "--format", "json"], env)
    assert alone_brief.returncode == 0 and json.loads(alone_brief.stdout) == served_brief  # the same briefing either way


@pytest.fixture
def cluster(tmp_path: Path, postgres: object) -> Iterator[tuple[Path, list[str], dict[str, str]]]:
    """scripts/cluster.sh: PostgreSQL + a Chroma server + 2 `kb serve` + 2 `kb worker`, stopped afterwards."""
    folder = tmp_path / "cluster"
    env = {**os.environ, "KB_API_KEYS": API_KEY, "KB_JOB_LEASE_SECONDS": "6", "PY": sys.executable, "APIS": "2", "WORKERS": "2",
           "BASE_PORT": str(free_port()), "PG_PORT": str(free_port()), "CHROMA_PORT": str(free_port())}
    started = subprocess.run(["bash", str(ROOT / "scripts" / "cluster.sh"), "start", str(folder)], env=env, capture_output=True,
                             text=True, timeout=600)
    try:
        assert started.returncode == 0, started.stderr + "".join(p.read_text() for p in folder.glob("*.log"))
        urls = started.stdout.split()
        settings = dict(line.removeprefix("export ").split("=", 1) for line in (folder / "kb.env").read_text().splitlines())
        yield folder, urls, settings
    finally:
        subprocess.run(["bash", str(ROOT / "scripts" / "cluster.sh"), "stop", str(folder)], env=env, timeout=300)
        pg_path = folder / "pg.path"
        if pg_path.exists():
            shutil.rmtree(pg_path.read_text().strip(), ignore_errors=True)


def _worker_pids(folder: Path) -> list[int]:
    return [int(p.read_text()) for p in sorted(folder.glob("worker-*.pid"))]


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def _logs(folder: Path) -> str:
    """The end of every worker's and API's log, for a failure message that says what happened."""
    return "\n".join(f"== {log.name}\n" + "\n".join(log.read_text(errors="replace").splitlines()[-15:])
                     for log in sorted(folder.glob("*.log")) if log.name.startswith(("worker", "serve")))


def _worker_holding(database_url: str, job_id: str, deadline: float, folder: Path) -> tuple[int, int]:
    """(pid of the worker running the job, records processed) once it has stored some of them."""
    import psycopg

    assert all(_alive(p) for p in _worker_pids(folder)), ("a worker died before the job", _logs(folder))
    while time.monotonic() < deadline:
        with psycopg.connect(database_url) as conn:
            owner, processed = conn.execute("SELECT owner, processed FROM jobs WHERE id = %s", (job_id,)).fetchone()  # type: ignore[misc]
        if processed >= 16 and owner.rpartition(":")[2].isdigit():
            return int(owner.rpartition(":")[2]), processed
        time.sleep(0.2)
    raise AssertionError(("the job made no progress", _logs(folder)))


def test_two_apis_two_workers_on_postgresql_and_chroma_survive_a_killed_worker(cluster, tmp_path, embedder, extractor) -> None:  # type: ignore[no-untyped-def]
    folder, (api_a, api_b), settings = cluster
    records = [article(n) for n in range(60)]
    upload = write_jsonl(tmp_path / "night.jsonl", records).read_bytes()
    created = httpx.post(api_a + "/v1/ingest/jobs", content=upload, headers=AUTH, timeout=60)
    assert created.status_code == 202
    job_url = created.json()["status_url"]
    pid, _ = _worker_holding(settings["KB_DATABASE_URL"], created.json()["id"], time.monotonic() + 240, folder)
    os.kill(pid, signal.SIGKILL)  # the other worker takes the job when the lease runs out
    others = [p for p in _worker_pids(folder) if p != pid]
    deadline = time.monotonic() + 300
    while (job := httpx.get(api_b + job_url, timeout=30).json())["status"] in ("queued", "running") and time.monotonic() < deadline:
        assert any(_alive(p) for p in others), ("no worker left to take the job over", job, _logs(folder))
        time.sleep(0.5)
    assert job["status"] == "done" and job["processed"] == 60 and job["new"] + job["unchanged"] == 60 and job["failed"] == 0, (job, _logs(folder))

    for url in (api_a, api_b):  # every document once, through either API
        for n in range(60):
            hits = httpx.get(url + "/v1/search", params={"q": f"traffic on street {n}", "mode": "phrase", "limit": 5}, timeout=30).json()
            assert [h["document"]["title"] for h in hits["results"]].count(f"Council report {n}") == 1, (url, n, hits)
    first = httpx.get(api_a + "/v1/search", params={"q": "traffic", "limit": 3}, timeout=30).json()
    second = httpx.get(api_b + "/v1/search", params={"q": "traffic", "limit": 3, "cursor": first["next_cursor"]}, timeout=30)
    assert second.status_code == 200, second.text  # a cursor from one API host pages on the other
    assert first["results"] and not {h["id"] for h in first["results"]} & {h["id"] for h in second.json()["results"]}
    stats = httpx.get(api_a + "/v1/stats", timeout=30).json()
    assert stats == httpx.get(api_b + "/v1/stats", timeout=30).json()
    cli = subprocess.run([sys.executable, "-m", "api.cli", "stats", "--format", "json"], cwd=ROOT, env={**os.environ, **settings},
                         capture_output=True, text=True, timeout=300)
    assert cli.returncode == 0 and json.loads(cli.stdout) == stats, cli.stderr

    single = make_settings(tmp_path / "single")  # the same file ingested by one process on the embedded default
    kb = open_knowledge_base(single, embedder)
    try:
        build_ingestor(kb, single, extractor).ingest(iter_jsonl_lines(iter(upload.decode().splitlines()), "line"))
        assert kb.stats() == stats
    finally:
        kb.close()


def test_a_stopped_worker_hands_its_job_back_and_the_next_one_finishes_it(kb, ingestor, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """What `kb worker` does on SIGTERM: finish the records in hand, save progress, put the job back on the queue."""
    import threading

    from ingest.jobs import JobWorker, enqueue

    upload = write_jsonl(tmp_path / "job.jsonl", [article(n) for n in range(40)]).read_bytes()
    job_id = enqueue(kb.catalogue, upload)
    first = JobWorker(kb.catalogue, lambda: ingestor, lease_s=30, owner="host:first")
    saved = first._save

    def save_then_stop(*args, **kwargs):  # type: ignore[no-untyped-def]
        ok = saved(*args, **kwargs)
        if args[3] > 0:  # the first batch is stored: the signal arrives now
            first.stop.set()
        return ok

    first._save = save_then_stop  # type: ignore[method-assign]
    worker_thread = threading.Thread(target=first.run_one)
    worker_thread.start()
    worker_thread.join(timeout=600)
    job = kb.catalogue.get_job(job_id)
    assert job is not None and job["status"] == "queued" and 0 < job["processed"] < 40, job
    assert job["processed"] == job["new"]  # what it stored is counted once, and the rest is left
    second = JobWorker(kb.catalogue, lambda: ingestor, lease_s=30, owner="host:second")
    assert second.run_one()
    job = kb.catalogue.get_job(job_id)
    assert job is not None and (job["status"], job["processed"], job["new"], job["unchanged"]) == ("done", 40, 40, 0), job
    assert kb.stats()["documents"] == 40


def test_servers_starting_together_each_announce_without_dying(tmp_path: Path) -> None:
    """Two `kb serve` started at once by scripts/cluster.sh had written one "server.tmp"; the second to move it into place
    found it gone and died, and the cluster waited on it. Each announcement now has a temporary file of its own."""
    import threading

    from api.remote import announce
    from kb.settings import Settings

    settings = Settings(data_dir=tmp_path / "data")
    start, errors, entered = threading.Barrier(8), [], []

    def serve(port: int) -> None:
        start.wait()
        try:
            with announce(settings, "127.0.0.1", port):
                entered.append(port)
        except OSError as e:  # what the loser of the race had raised
            errors.append(e)

    threads = [threading.Thread(target=serve, args=(8000 + i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors and sorted(entered) == [8000 + i for i in range(8)]
    assert not list((tmp_path / "data").glob("*.tmp"))  # no temporary file left behind
    # with shared stores every process opens them itself: nothing is announced, so nothing can race
    shared = Settings(data_dir=tmp_path / "shared", chroma_url="http://127.0.0.1:9", database_url="postgresql://kb@127.0.0.1:9/kb")
    with announce(shared, "127.0.0.1", 8100):
        assert not (tmp_path / "shared" / "server.json").exists()
