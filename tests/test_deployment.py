"""docs/deployment.md as an operator runs it: its Procfile started with its settings against PostgreSQL, then its commands.

Only what cannot be copied is changed: the database URL points at the test's PostgreSQL, the Chroma port (8001) and
the web `$PORT` are free ports, and `.venv` is the virtual environment running the tests.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from conftest import ROOT, free_port
from test_bulk import article, write_jsonl
from typer.testing import CliRunner

from api.cli import app
from ingest.pipeline import build_ingestor
from ingest.readers import iter_documents
from kb.factory import open_knowledge_base
from kb.settings import Settings

DOC = (ROOT / "docs" / "deployment.md").read_text(encoding="utf-8")
VENV_BIN = Path(sys.executable).parent


def _block_after(heading: str, lang: str = "") -> str:
    """The first fenced block after a line containing `heading`."""
    match = re.search(re.escape(heading) + r".*?\n```" + lang + r"\n(.*?)```", DOC, re.DOTALL)
    assert match, f"docs/deployment.md has no ```{lang} block after {heading!r}"
    return match.group(1)


def _procfile() -> dict[str, str]:
    return dict(line.split(": ", 1) for line in _block_after("## Procfile").strip().splitlines())


def _env_file() -> dict[str, str]:
    return dict(line.split("=", 1) for line in _block_after("`/etc/kb/kb.env`", "ini").strip().splitlines())


def _unit_commands() -> list[str]:
    return re.findall(r"^ExecStart=(.*)$", DOC, re.MULTILINE)


def test_the_documented_settings_and_unit_commands_are_real() -> None:
    settings = _env_file()
    assert {"KB_DATABASE_URL", "KB_CHROMA_URL", "KB_API_KEYS", "KB_CURSOR_SECRET"} <= set(settings)
    fields = {f"KB_{name.upper()}" for name in Settings.model_fields}
    assert set(settings) <= fields, set(settings) - fields
    Settings(**{k.removeprefix("KB_").lower(): v for k, v in settings.items() if k != "KB_API_KEYS"},
             api_keys=settings["KB_API_KEYS"].split(","))  # every value as written passes validation
    kb_lines = [c for c in [*_unit_commands(), *_procfile().values()] if "/kb " in c]
    assert len(kb_lines) >= 4, kb_lines  # the API and worker units, and the Procfile's web and worker
    for line in kb_lines:
        argv = shlex.split(line.split("/kb ", 1)[1].replace("%i", "8000").replace("$PORT", "8000"))
        shown = CliRunner().invoke(app, [argv[0], "--help"], terminal_width=200)
        assert shown.exit_code == 0, f"{line}: {shown.output}"
        for option in (a for a in argv if a.startswith("--")):
            assert option in shown.output, f"{line}: `kb {argv[0]}` has no {option}"


def _log(folder: Path) -> str:
    return "\n".join(f"--- {p.name}\n{p.read_text(errors='replace')[-3000:]}" for p in sorted(folder.glob("*.log")))


def _wait(check, what: str, folder: Path, seconds: float) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if check():
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"{what} not within {seconds:.0f} s; the processes' logs:\n{_log(folder)}")


@pytest.fixture
def procfile(tmp_path: Path, postgres) -> Iterator[tuple[Path, dict[str, str], str]]:  # type: ignore[no-untyped-def]
    """The Procfile's processes, each run by a shell from a folder holding `.venv`, as honcho or foreman would."""
    if not (VENV_BIN / "kb").exists() or not (VENV_BIN / "chroma").exists():
        pytest.skip("the tests do not run in the project's virtual environment")
    folder = tmp_path / "deploy"
    folder.mkdir()
    (folder / ".venv").symlink_to(VENV_BIN.parent)
    chroma_port, web_port = free_port(), free_port()
    env = {**os.environ, **_env_file(), "PYTHONPATH": str(ROOT), "KB_DATA_DIR": str(folder / "cache"),
           "KB_DATABASE_URL": postgres.new_database(), "KB_CHROMA_URL": f"http://127.0.0.1:{chroma_port}"}
    procs: dict[str, subprocess.Popen] = {}
    try:
        for name, command in _procfile().items():
            command = command.replace("--port 8001", f"--port {chroma_port}")
            with open(folder / f"{name}.log", "wb") as out:
                procs[name] = subprocess.Popen(["bash", "-c", "exec " + command], cwd=folder, env={**env, "PORT": str(web_port)},
                                               stdout=out, stderr=out, start_new_session=True)
            if name == "chroma":  # the others connect to it at start
                _wait(lambda: httpx.get(f"{env['KB_CHROMA_URL']}/api/v2/heartbeat", timeout=1).status_code == 200, "chroma", folder, 60)
        url = f"http://127.0.0.1:{web_port}"
        _wait(lambda: httpx.get(url + "/healthz", timeout=1).status_code == 200, "kb serve", folder, 180)
        _wait(lambda: "kb worker ready" in (folder / "worker.log").read_text(errors="replace"), "kb worker", folder, 180)
        yield folder, env, url
        for name in ("worker", "web"):  # as systemd stops them: SIGTERM, and a clean exit (uvicorn re-raises the signal it handled)
            procs[name].send_signal(signal.SIGTERM)
            assert procs[name].wait(timeout=60) in (0, -signal.SIGTERM), _log(folder)
        assert "Finished server process" in (folder / "web.log").read_text() and procs["worker"].returncode == 0, _log(folder)
    finally:
        for proc in procs.values():
            if proc.poll() is None:
                proc.terminate()
                try:
                    proc.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()


def test_the_procfile_with_the_documented_settings_ingests_and_searches(procfile, tmp_path, embedder, extractor) -> None:  # type: ignore[no-untyped-def]
    folder, env, url = procfile
    write_jsonl(folder / "feed.jsonl", [article(n) for n in range(6)])
    lines = _block_after("## On one machine", "bash").replace("\\\n", " ").splitlines()
    upload = next(line for line in lines if line.startswith("gzip -c feed.jsonl")).replace("http://127.0.0.1:8100", url)
    sent = subprocess.run(["bash", "-c", upload], cwd=folder, env=env, capture_output=True, text=True, timeout=60)
    assert sent.returncode == 0 and json.loads(sent.stdout)["status"] in ("queued", "running", "done"), (sent.stdout, sent.stderr)
    job_url = url + json.loads(sent.stdout)["status_url"]
    _wait(lambda: httpx.get(job_url, timeout=5).json()["status"] == "done", "the job done", folder, 180)
    assert httpx.get(job_url, timeout=5).json()["new"] == 6

    hits = httpx.get(url + "/v1/search", params={"q": "new homes in district 4", "limit": 3}, timeout=60).json()["results"]
    assert hits and hits[0]["document"]["title"] == "Council report 4", hits
    kb = [str(folder / ".venv" / "bin" / "kb")]
    found = subprocess.run([*kb, "search", "traffic on street 2", "--mode", "keyword", "--format", "json"], cwd=folder, env=env,
                           capture_output=True, text=True, timeout=120)
    assert found.returncode == 0 and json.loads(found.stdout)["results"][0]["document"]["title"] == "Council report 2", found.stderr
    stats = subprocess.run([*kb, "stats", "--format", "json"], cwd=folder, env=env, capture_output=True, text=True, timeout=120)
    assert stats.returncode == 0, stats.stderr
    on_postgres = json.loads(stats.stdout)
    assert on_postgres == httpx.get(url + "/v1/stats", timeout=30).json() and on_postgres["documents"] == 6

    single = Settings(data_dir=tmp_path / "sqlite")  # the same feed on the embedded default: `kb stats` says the same
    alone = open_knowledge_base(single, embedder)
    try:
        build_ingestor(alone, single, extractor).ingest(iter_documents([folder / "feed.jsonl"]))
    finally:
        alone.close()
    embedded = subprocess.run([*kb, "stats", "--format", "json"], cwd=folder, capture_output=True, text=True, timeout=120,
                              env={**os.environ, "PYTHONPATH": str(ROOT), "KB_DATA_DIR": str(single.data_dir)})
    assert embedded.returncode == 0 and json.loads(embedded.stdout) == on_postgres, (embedded.stdout, embedded.stderr)
