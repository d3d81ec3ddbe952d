"""The kb command as a user runs it: ingest, search, speakers, stats, briefing; one-line errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS


def kb(*args: str, data: Path, stdin: str | None = None, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "api.cli", *args], cwd=ROOT, capture_output=True, text=True, timeout=600, input=stdin,
        env={**os.environ, "KB_DATA_DIR": str(data), **env},
    )


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cli") / "kb-data"
    missing = folder.parent / "missing.txt"
    proc = kb("ingest", str(SEEDS), str(missing), "--format", "json", data=folder)
    assert proc.returncode == 1  # one input failed: the exit code says so, after everything else was ingested
    report = json.loads(proc.stdout)
    assert report["new"] == 5 and report["failed"] == 1
    assert f"error: {missing}: no such file or folder" in proc.stderr
    return folder


def test_search_json_puts_the_judges_passage_in_the_top_five(data: Path) -> None:
    proc = kb("search", "should judges have to sign off on ICE detainer requests", "--format", "json", "--limit", "5", data=data)
    assert proc.returncode == 0, proc.stderr
    results = json.loads(proc.stdout)["results"]
    hit = next(r for r in results if "judge" in r["text"] + r["context"])
    assert hit["document"]["title"].startswith("Tensions flare") and hit["document"]["publisher"] == "ABC News"


def test_search_and_briefing_keep_only_sure_attributions_when_asked(data: Path) -> None:
    query = ("search", "sanctuary cities police immigration", "--format", "json", "--limit", "30")
    everything = json.loads(kb(*query, data=data).stdout)["results"]
    assert any(r["confidence"] < 0.9 for r in everything)
    sure = json.loads(kb(*query, "--min-confidence", "0.9", data=data).stdout)["results"]
    assert sure and all(r["confidence"] >= 0.9 for r in sure)
    memo = json.loads(kb("briefing", "sanctuary cities", "--min-confidence", "0.9", "--format", "json", data=data).stdout)
    unsure = {r["id"] for r in everything if r["confidence"] < 0.9}
    cited = {q["quote_id"] for s in memo["speakers"] for q in s["quotes"]}
    assert cited and not cited & unsure


def test_speakers_lists_champagne_once_with_the_misspelling(data: Path) -> None:
    proc = kb("speakers", "Champagne", "--format", "jsonl", data=data)
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["name"] for r in rows] == ["Greg Champagne"]
    assert "Champage" in rows[0]["aliases"]
    table = kb("speakers", data=data).stdout
    assert table.count("Greg Champagne") == 1


def test_stats_briefing_and_stdin(data: Path) -> None:
    stats = json.loads(kb("stats", "--format", "json", data=data).stdout)
    assert stats["documents"] == 5 and stats["quotes"] > 40
    md = kb("briefing", "ICE detainers and the courts", data=data).stdout
    assert md.startswith("## Briefing: ICE detainers and the courts") and "**Sources**" in md
    text = 'Chief Ray Dunn said the unit "will be staffed by June."\n\nThe chief at the station on Monday. Joshua Lott/Reuters'
    record = json.dumps({"title": "Piped", "text": text})
    piped = kb("ingest", "-", "--publisher", "Gazette", "--format", "json", data=data, stdin=record + "\n")
    assert json.loads(piped.stdout)["new"] == 1
    after = json.loads(kb("stats", "--format", "json", data=data).stdout)
    assert after["rejected"].get("caption", 0) == stats["rejected"].get("caption", 0) + 1  # the caption, counted, not a quote
    assert "rejected caption" in kb("stats", data=data).stdout
    found = json.loads(kb("search", "staffed by June", "--speaker", "Ray Dunn", "--format", "json", data=data).stdout)["results"]
    assert found and found[0]["document"]["publisher"] == "Gazette"


def test_bad_input_is_one_line_never_a_traceback(data: Path, tmp_path: Path) -> None:
    for args, env, text in (
        (("search", "x", "--mode", "fuzzy"), {}, "--mode"),
        (("search", "x", "--since", "soon"), {}, "--since"),
        (("stats",), {"KB_MAX_RESULTS": "many"}, "KB_MAX_RESULTS"),
        (("ingest", str(tmp_path / "a.docx")), {}, "no such file"),
    ):
        proc = kb(*args, data=data, **env)
        assert proc.returncode != 0 and text in proc.stderr and "Traceback" not in proc.stderr, (args, proc.stderr)


def test_speaker_show_merge_and_split(data: Path, tmp_path: Path) -> None:
    import shutil

    copy = tmp_path / "kb-data"
    shutil.copytree(data, copy)  # corrections write; the module's folder stays as the other tests expect
    shown = kb("speaker", "show", "Champagne", data=copy)
    assert shown.returncode == 0, shown.stderr
    assert "Greg Champagne" in shown.stdout and "titles: Sheriff (" in shown.stdout and "names: " in shown.stdout
    people = [json.loads(line) for line in kb("speakers", "--format", "jsonl", data=copy).stdout.splitlines()]
    other = next(p for p in people if not p["is_organization"] and p["name"] != "Greg Champagne")
    merged = kb("speaker", "merge", "Greg Champagne", other["id"], "--format", "json", data=copy)
    assert merged.returncode == 0, merged.stderr
    assert json.loads(merged.stdout)["name"] == "Greg Champagne"
    split = kb("speaker", "split", "Greg Champagne", "--alias", other["name"], "--format", "json", data=copy)
    assert split.returncode == 0, split.stderr
    assert json.loads(split.stdout)["quote_count"] == other["quote_count"]
    wrong = kb("speaker", "split", "Greg Champagne", "--alias", "Nobody Atall", data=copy)
    assert wrong.returncode == 1 and wrong.stderr.startswith("error: no quote of Greg Champagne")


def test_a_store_damaged_after_opening_is_one_line_never_a_traceback(data: Path, tmp_path: Path) -> None:
    """The catalogue opens (its header and schema are sound) but the pages of its tables are garbage."""
    import shutil
    import sqlite3

    damaged = tmp_path / "kb-data"
    shutil.copytree(data, damaged)
    path = damaged / "catalogue.sqlite3"
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = db.execute("PRAGMA page_size").fetchone()[0]
        roots = [r[0] for r in db.execute("SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name IN"
                                          " ('speakers', 'row_counts', 'quotes', 'quotes_fts_data', 'chunks_fts_data')")]
    assert len(roots) == 5
    with path.open("r+b") as f:
        for page in roots:
            f.seek((page - 1) * page_size)
            f.write(b"\x0d" + b"\xff" * (page_size - 1))  # a leaf page whose cell count and offsets point nowhere
    for args in (("stats",), ("speakers",), ("briefing", "ICE detainers and the courts")):
        proc = kb(*args, data=damaged)
        lines = proc.stderr.strip().splitlines()
        assert proc.returncode == 1 and "Traceback" not in proc.stderr, (args, proc.stderr[-3000:])
        assert len(lines) == 1 and "damaged" in lines[0] and str(path) in lines[0], (args, proc.stderr[-3000:])
