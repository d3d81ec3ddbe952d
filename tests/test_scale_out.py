"""Beyond one process: the CLI beside a running server on the default install; PostgreSQL, a Chroma server, several APIs and workers."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
from conftest import API_KEY, ROOT, free_port
from test_bulk import article, write_jsonl

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
    finally:
        stop(server)
    alone = run(["stats", "--format", "json"], env)  # no server (its announcement, if left, names a dead process): the CLI opens the store
    assert alone.returncode == 0 and json.loads(alone.stdout) == stats and "going through" not in alone.stderr
