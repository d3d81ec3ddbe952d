"""A typed client generated with openapi-python-client from the live schema runs the whole briefing workflow."""

from __future__ import annotations

import importlib
import io
import json
import subprocess
import sys
import time
from pathlib import Path

import httpx
from conftest import API_KEY, LiveServer

ROOT = Path(__file__).resolve().parent.parent


def _generate(server: LiveServer, where: Path) -> None:
    (where / "openapi.json").write_text(httpx.get(server.url + "/openapi.json").text)
    (where / "config.yml").write_text("post_hooks: []\n")  # no formatter run: offline and quick
    cli = Path(sys.executable).with_name("openapi-python-client")
    subprocess.run([str(cli), "generate", "--path", "openapi.json", "--meta", "none", "--output-path", "kbgen", "--config", "config.yml"],
                   cwd=where, check=True, capture_output=True, timeout=300)


def test_generated_client_runs_the_briefing_workflow(live_server: LiveServer, tmp_path: Path) -> None:
    _generate(live_server, tmp_path)
    sys.path.insert(0, str(tmp_path))
    try:
        kbgen = importlib.import_module("kbgen")
        api = importlib.import_module("kbgen.api")
        models = importlib.import_module("kbgen.models")
        types = importlib.import_module("kbgen.types")
        search = importlib.import_module("kbgen.api.search")
        documents = importlib.import_module("kbgen.api.documents")
        speakers = importlib.import_module("kbgen.api.speakers")
        briefings = importlib.import_module("kbgen.api.briefings")
        assert api and search
        client = kbgen.AuthenticatedClient(base_url=live_server.url, token=API_KEY)
        _workflow(client, models, types, importlib.import_module, documents, speakers, briefings)
    finally:
        sys.path.remove(str(tmp_path))
        for name in [m for m in sys.modules if m == "kbgen" or m.startswith("kbgen.")]:
            del sys.modules[name]


def _workflow(client, models, types, load, documents, speakers, briefings) -> None:  # type: ignore[no-untyped-def]  # noqa: PLR0913
    search_quotes = load("kbgen.api.search.search_quotes")
    page1 = search_quotes.sync(client=client, q="immigration enforcement", limit=3, kind=[models.QuoteKind.DIRECT, models.QuoteKind.TURN])
    assert isinstance(page1, models.SearchOut) and page1.results and page1.next_cursor
    assert all(r.kind in (models.QuoteKind.DIRECT, models.QuoteKind.TURN) for r in page1.results)
    page2 = search_quotes.sync(client=client, q="immigration enforcement", limit=3, kind=[models.QuoteKind.DIRECT, models.QuoteKind.TURN],
                               cursor=page1.next_cursor)
    assert {r.id for r in page1.results}.isdisjoint({r.id for r in page2.results})
    wrong = search_quotes.sync_detailed(client=client, q="courts", limit=3, cursor=page1.next_cursor)
    assert wrong.status_code == 400 and isinstance(wrong.parsed, models.ErrorOut)

    hit = search_quotes.sync(client=client, q="guidance from the courts", speaker="Champagne").results[0]
    speaker = load("kbgen.api.speakers.get_speaker").sync(client=client, speaker_id=hit.speaker.id)
    assert speaker.name == "Greg Champagne" and speaker.first_seen.isoformat() == "2017-04-03"
    timeline = load("kbgen.api.speakers.list_speaker_quotes").sync(client=client, speaker_id=speaker.id, limit=2)
    assert len(timeline.results) == 2 and timeline.next_cursor
    doc = load("kbgen.api.documents.get_document").sync(client=client, document_id=hit.document.id)
    assert doc.text[hit.start : hit.end] == hit.text

    body = models.BriefingRequest(topic="ICE detainer requests and the courts", per_speaker=2)
    brief = load("kbgen.api.briefings.create_briefing").sync(client=client, body=body)
    assert isinstance(brief, models.BriefingOut) and brief.citations
    markdown = load("kbgen.api.briefings.create_briefing_markdown").sync(client=client, body=body)
    assert isinstance(markdown, str) and markdown.startswith("## Briefing:")

    created = load("kbgen.api.documents.create_document").sync(client=client, body=models.DocumentCreateRequest(
        title="Council vote", text='Councillor Ada Obi said the vote "was a victory for every renter in this city."', publisher="City Times"))
    assert isinstance(created, models.DocumentCreatedOut) and created.status == models.IngestStatus.NEW

    create_job = load("kbgen.api.documents.create_ingest_job")
    records = models.CreateIngestJobJsonBody(records=[
        models.DocumentCreateRequest(title="Ferry", text='Mayor Lin Park said "the ferry will run all winter."', publisher="Harbor News")])
    upload = models.CreateIngestJobFilesBody(file=types.File(payload=io.BytesIO(json.dumps(
        {"title": "Library", "text": 'Librarian Sam Roe said "the library stays open late."'}).encode()), file_name="batch.jsonl"))
    for job_body in (records, upload):
        job = create_job.sync(client=client, body=job_body)
        assert isinstance(job, models.JobCreatedOut), job
        get_job = load("kbgen.api.documents.get_ingest_job")
        deadline = time.monotonic() + 120
        while (state := get_job.sync(client=client, job_id=job.id)).status not in (models.JobStatus.DONE, models.JobStatus.FAILED):
            assert time.monotonic() < deadline
            time.sleep(0.5)
        assert state.status == models.JobStatus.DONE and state.new == 1, state
