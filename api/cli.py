"""The `kb` command line: a thin edge over the knowledge base and the ingest pipeline."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Optional

import typer

from kb.citations import single_spaced
from kb.errors import KBError
from kb.settings import Settings

app = typer.Typer(add_completion=False, no_args_is_help=True, help="kb: a knowledge base of who said what.")

Format = typer.Option("--format", "-f", help="table or json")


def _fail(message: str, code: int = 1) -> typer.Exit:
    typer.secho(f"error: {message}", fg=typer.colors.RED, err=True)
    return typer.Exit(code)


def _settings() -> Settings:
    """Settings from KB_ variables; a bad value is a one-line error naming the variable."""
    from pydantic import ValidationError

    try:
        return Settings()
    except ValidationError as e:
        first = e.errors()[0]
        name = "KB_" + str(first["loc"][0]).upper() if first.get("loc") else "a KB_ variable"
        raise _fail(f"{name}: {first['msg']}", 2) from e


def _open_kb(settings: Settings, queries_only: bool = False):  # type: ignore[no-untyped-def]
    """The store; `queries_only` (search, briefing) embeds with the torch-free query embedder."""
    from kb.factory import build_query_embedder, open_knowledge_base

    try:
        return open_knowledge_base(settings, build_query_embedder(settings) if queries_only else None)
    except KBError as e:
        raise _fail(str(e)) from e


def _remote(settings: Settings):  # type: ignore[no-untyped-def]
    """A client for the live `kb serve` that owns this data folder, if one does (the embedded store admits one process)."""
    from api.remote import RemoteKB, find_server

    url = find_server(settings)
    if url is None:
        return None
    typer.secho(f"the data folder is served by {url}; going through its API", err=True, fg=typer.colors.BLUE)
    return RemoteKB(url, settings)


def _ingest_through(remote, expanded: list[Path], kind: str | None, publisher: str | None, fmt: str) -> None:  # type: ignore[no-untyped-def]
    try:
        report = remote.ingest(_items(expanded), kind, publisher)
    except KBError as e:
        raise _fail(f"{e}. Re-run the same command to resume; stored documents are kept.") from e
    finally:
        remote.close()
    for e in report["errors"]:
        typer.secho(f"error: {e['where']}: {e['message']}", fg=typer.colors.RED, err=True)
    if fmt == "json":
        typer.echo(json.dumps(report, ensure_ascii=False))
    else:
        typer.echo(f"{report['new']} new, {report['updated']} updated, {report['unchanged']} unchanged, {report['failed']} failed"
                   f" ({report['quotes']} quotes, {report['chunks']} chunks)")
    if report["failed"]:
        raise typer.Exit(1)


def _check_format(fmt: str, allowed: tuple[str, ...]) -> None:
    if fmt not in allowed:
        raise _fail(f"--format must be one of {', '.join(allowed)}", 2)


def _items(paths: list[Path]) -> Iterator:
    from ingest.readers import iter_documents, iter_jsonl_lines

    for path in paths:
        if str(path) == "-":
            yield from iter_jsonl_lines(iter(sys.stdin), "<stdin>")
        else:
            yield from iter_documents([path])


def _expand_globs(paths: list[str]) -> list[Path]:
    out: list[Path] = []
    for p in paths:
        if any(ch in p for ch in "*?[") and p != "-":
            matches = sorted(Path().glob(p)) if not Path(p).is_absolute() else sorted(Path("/").glob(p.lstrip("/")))
            out.extend(matches or [Path(p)])
        else:
            out.append(Path(p))
    return out


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, folders (recursively), globs, JSONL(.gz) files, or - for JSONL on stdin.")],
    kind: Annotated[Optional[str], typer.Option(help="Kind for records that lack one: article, roundtable, statement.")] = None,
    publisher: Annotated[Optional[str], typer.Option(help="Publisher for records that lack one.")] = None,
    fmt: Annotated[str, Format] = "table",
) -> None:
    """Ingest documents: extract quotes and speakers, chunk, embed and store. Safe to repeat; a re-run resumes."""
    import signal
    import threading
    import time

    from api.progress import Progress, input_size
    from ingest.pipeline import build_ingestor

    _check_format(fmt, ("table", "json"))
    if kind and kind not in ("article", "roundtable", "statement"):
        raise _fail("--kind must be article, roundtable or statement", 2)
    settings = _settings()
    expanded = _expand_globs(paths)
    resume = "documents stored so far are kept: re-run the same command to resume"
    stop = threading.Event()

    def interrupt(_signum: int, _frame: object) -> None:
        if stop.is_set():
            raise KeyboardInterrupt  # a second Ctrl-C: quit now; `kb check --repair` mends a cut write
        stop.set()
        typer.secho("\nstopping after the document being written (Ctrl-C again to quit at once)", err=True)

    if (remote := _remote(settings)) is not None:
        _ingest_through(remote, expanded, kind, publisher, fmt)
        return
    kb = _open_kb(settings)
    progress = Progress(*input_size(expanded), every_s=settings.progress_seconds)
    previous = signal.signal(signal.SIGINT, interrupt)
    try:
        ingestor = build_ingestor(kb, settings)
        progress.started = time.monotonic()  # the models are loaded: the rate counts the work only
        report = ingestor.ingest(_items(expanded), kind=kind, publisher=publisher, on_record=progress, stop=stop)
    except KeyboardInterrupt:
        progress.close()
        raise _fail(f"interrupted; {resume}", 130) from None
    except (KBError, OSError) as e:
        progress.close()
        raise _fail(f"{e}. Stopped; {resume}.") from e
    finally:
        signal.signal(signal.SIGINT, previous)
        kb.close()
    progress.close()
    for where, message in report.errors:
        typer.secho(f"error: {where}: {message}", fg=typer.colors.RED, err=True)
    if fmt == "json":
        typer.echo(json.dumps(report.as_dict(), ensure_ascii=False))
    else:
        elapsed = time.monotonic() - progress.started
        typer.echo(
            f"{report.new} new, {report.updated} updated, {report.unchanged} unchanged, {report.failed} failed"
            f" ({report.quotes} quotes, {report.chunks} chunks) in {elapsed:.0f} s, {report.processed / max(elapsed, 1e-6):.2f} docs/s"
        )
    if report.stopped:
        typer.secho(f"stopped before the end: {resume}", err=True)
        raise typer.Exit(130)
    if report.failed:
        raise typer.Exit(1)


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="What to look for.")],
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, max=100)] = 10,
    speaker: Annotated[Optional[str], typer.Option(help="Speaker id or name (aliases match).")] = None,
    organization: Annotated[Optional[str], typer.Option()] = None,
    since: Annotated[Optional[str], typer.Option(help="YYYY-MM-DD")] = None,
    until: Annotated[Optional[str], typer.Option(help="YYYY-MM-DD")] = None,
    mode: Annotated[str, typer.Option(help="hybrid, semantic, keyword or phrase")] = "hybrid",
    kind: Annotated[Optional[list[str]], typer.Option(help="Quote kind (repeatable): direct, mixed, indirect, turn, statement, question.")] = None,
    doc_kind: Annotated[Optional[list[str]], typer.Option(help="Document kind (repeatable): article, roundtable, statement.")] = None,
    publisher: Annotated[Optional[list[str]], typer.Option(help="Publisher (repeatable).")] = None,
    document: Annotated[Optional[list[str]], typer.Option(help="Only quotes from this document id (repeatable).")] = None,
    passages: Annotated[bool, typer.Option("--passages", help="Search passages of text instead of quotes.")] = False,
    min_confidence: Annotated[Optional[float], typer.Option(min=0.0, max=1.0, help="Only quotes attributed at least this surely (0-1; 0.9: about 94% right).")] = None,
    fmt: Annotated[str, Format] = "table",
) -> None:
    """Search quotes (or passages) by meaning and keywords, with the same filters as GET /v1/search."""
    from api import schemas as s
    from ingest.dates import parse_date
    from kb.models import QUOTE_KINDS
    from kb.search import MODES, SearchQuery

    _check_format(fmt, ("table", "json"))
    if mode not in MODES:
        raise _fail(f"--mode must be one of {', '.join(MODES)}", 2)
    for option, values, allowed in (("--kind", kind, QUOTE_KINDS), ("--doc-kind", doc_kind, ("article", "roundtable", "statement"))):
        wrong = [v for v in values or [] if v not in allowed]
        if wrong:
            raise _fail(f"{option} {wrong[0]!r} is not one of {', '.join(allowed)}", 2)
    dates = {}
    for name, value in (("since", since), ("until", until)):
        if value and not (dates.setdefault(name, parse_date(value))):
            raise _fail(f"--{name} {value!r} is not a date (use YYYY-MM-DD)", 2)
    settings = _settings()
    if (remote := _remote(settings)) is not None:
        try:
            params = {"q": query, "mode": mode, "limit": limit}
            if not passages:
                params |= {"speaker": speaker, "organization": organization, "since": dates.get("since"), "until": dates.get("until"),
                           "kind": kind, "doc_kind": doc_kind, "publisher": publisher, "document": document, "min_confidence": min_confidence}
            out = remote.search(params, passages)
        except KBError as e:
            raise _fail(str(e)) from e
        finally:
            remote.close()
        _print_results(out, passages, fmt)
        return
    kb = _open_kb(settings, queries_only=True)
    try:
        q = SearchQuery(
            q=query, mode=mode, limit=limit, speaker=speaker, organization=organization, kinds=kind or None, doc_kinds=doc_kind or None,
            publishers=publisher or None, document_ids=document or None, since=dates.get("since"), until=dates.get("until"),
            min_confidence=min_confidence,
        )
        if passages:
            out = [s.PassageOut.of(h, None).model_dump(mode="json") for h in kb.search_passages(q).results]
        else:
            out = [s.SearchResultOut.of_hit(h, None).model_dump(mode="json") for h in kb.search_quotes(q).results]
    except KBError as e:
        raise _fail(str(e)) from e
    finally:
        kb.close()
    _print_results(out, passages, fmt)


def _print_results(out: list[dict], passages: bool, fmt: str) -> None:
    from kb.citations import balance_marks

    if fmt == "json":
        typer.echo(json.dumps({"results": out}, ensure_ascii=False, indent=2))
        return
    if not out:
        typer.echo("no results")
    for n, r in enumerate(out, start=1):
        doc = r["document"]
        where = ", ".join(filter(None, [doc["title"], doc["publisher"], doc["published"]]))
        if passages:
            typer.echo(f"{n}. [{r['score']:.3f}] {single_spaced(r['text'])[:300]}\n   {where}\n")
        else:
            sp = r["speaker"]
            who = ", ".join(filter(None, [sp["name"] or sp["description"], sp["title"], sp["organization"]]))
            typer.echo(f"{n}. [{r['score']:.3f}] \u201c{balance_marks(r['text'])}\u201d\n   \u2014 {who}\n   {where}\n   {r['source_link'] or ''}\n")


@app.command()
def quotes(
    paths: Annotated[list[str], typer.Argument(help="Files or folders to extract quotes from (nothing is stored).")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="jsonl or table")] = "jsonl",
) -> None:
    """Extract quotes and speakers without storing them."""
    from ingest.pipeline import build_extractor
    from ingest.readers import ReaderError

    _check_format(fmt, ("jsonl", "table"))
    extractor = build_extractor(_settings())
    failed = 0
    for item in _items(_expand_globs(paths)):
        if isinstance(item, ReaderError):
            typer.secho(f"error: {item}", fg=typer.colors.RED, err=True)
            failed += 1
            continue
        from ingest.kinds import infer_kind

        kind = item.kind or infer_kind(item.title, item.text, item.issuer)
        for q in extractor.extract(item.text, kind, item.title, item.issuer):
            _print_quote(item.source, q, fmt)
    if failed:
        raise typer.Exit(1)


def _print_quote(source: str, q, fmt: str) -> None:  # type: ignore[no-untyped-def]
    sp = q.speaker
    if fmt == "table":
        who = ", ".join(filter(None, [sp.name or sp.description, sp.title, sp.organization]))
        typer.echo(f"{q.start:>6}-{q.end:<6} {q.kind:<9} {who[:40]:<40} \u201c{single_spaced(q.text)[:90]}\u201d")
        return
    from kb.ids import speaker_id

    record = {
        "source": source, "text": q.text, "start": q.start, "end": q.end, "kind": q.kind,
        "cue": {"text": q.cue.text, "start": q.cue.start, "end": q.cue.end} if q.cue else None,
        "speaker": {
            "id": speaker_id(sp.name) if sp.name else None, "name": sp.name, "title": sp.title, "organization": sp.organization,
            "description": sp.description, "resolution": sp.resolution,
            "mention": {"text": sp.mention.text, "start": sp.mention.start, "end": sp.mention.end} if sp.mention else None,
        },
        "confidence": q.confidence,
        "reported_by": q.reported_by,
    }
    typer.echo(json.dumps(record, ensure_ascii=False))


@app.command()
def speakers(
    query: Annotated[Optional[str], typer.Argument(help="Part of a name or alias.")] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, max=10000)] = 100,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or jsonl")] = "table",
) -> None:
    """List canonical speakers with aliases, titles, organisations and quote counts."""
    from api.schemas import SpeakerOut

    _check_format(fmt, ("table", "jsonl"))
    settings = _settings()
    if (remote := _remote(settings)) is not None:
        try:
            rows = remote.speakers(query, limit)
        except KBError as e:
            raise _fail(str(e)) from e
        finally:
            remote.close()
    else:
        from kb.catalogue import open_catalogue

        try:
            catalogue = open_catalogue(settings)  # the catalogue alone answers: no vector store, no model
            try:
                rows = [SpeakerOut.of(sp).model_dump(mode="json") for sp in catalogue.list_speakers(query, limit, 0)]
            finally:
                catalogue.close()
        except KBError as e:
            raise _fail(str(e)) from e
    for sp in rows:
        if fmt == "jsonl":
            typer.echo(json.dumps(sp, ensure_ascii=False))
        else:
            extra = "; ".join(filter(None, [", ".join(sp["titles"][:2]), ", ".join(sp["organizations"][:2]),
                                            "aka " + ", ".join(sp["aliases"]) if sp["aliases"] else ""]))
            typer.echo(f"{sp['quote_count']:>5}  {sp['name']:<30} {extra}  [{sp['id']}]")


speaker_app = typer.Typer(no_args_is_help=True, help="One speaker's page, and corrections of identities: merge two entries, split an alias off.")
app.add_typer(speaker_app, name="speaker")


class _LocalSpeakers:
    """The speaker corrections against the store in this process, in the API's shapes (as RemoteKB answers)."""

    def __init__(self, kb) -> None:  # type: ignore[no-untyped-def]
        self.kb = kb

    def close(self) -> None:
        self.kb.close()

    def speaker_id(self, text: str) -> str:
        return _one_speaker(text, self.kb.catalogue.speaker_ids_matching(text))

    def speaker(self, speaker_id: str) -> dict:
        from api.schemas import SpeakerOut

        return SpeakerOut.of(self.kb.speaker(speaker_id)).model_dump(mode="json")

    def merge_speakers(self, keep: str, other: str) -> dict:
        from api.schemas import SpeakerOut

        return SpeakerOut.of(self.kb.merge_speakers(keep, other)).model_dump(mode="json")

    def split_speaker(self, speaker_id: str, alias: str) -> dict:
        from api.schemas import SpeakerOut

        return SpeakerOut.of(self.kb.split_speaker(speaker_id, alias)).model_dump(mode="json")


def _one_speaker(text: str, matches: list[str]) -> str:
    """An id, or a name that matches exactly one speaker."""
    if text in matches:
        return text
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise _fail(f"no speaker matches {text!r}")
    raise _fail(f"{text!r} matches {len(matches)} speakers; give an id (kb speakers {text!r} lists them)")


def _on_speakers(action, fmt: str) -> None:  # type: ignore[no-untyped-def]
    """Run against the live `kb serve` when one owns the data folder, else the store here; print the speaker."""
    _check_format(fmt, ("table", "json"))
    settings = _settings()
    target = _remote(settings) or _LocalSpeakers(_open_kb(settings))
    try:
        sp = action(target)
    except KBError as e:
        raise _fail(str(e)) from e
    finally:
        target.close()
    if fmt == "json":
        typer.echo(json.dumps(sp, ensure_ascii=False, indent=2))
        return
    kind = "organisation" if sp["is_organization"] else "person"
    typer.echo(f"{sp['name']}  [{sp['id']}]  {kind}, {sp['quote_count']} quotes, {sp['first_seen'] or '?'} to {sp['last_seen'] or '?'}")
    for label, field in (("names", "alias_counts"), ("titles", "title_counts"), ("organisations", "organization_counts")):
        if sp.get(field):
            typer.echo(f"  {label}: " + "; ".join(f"{c['value']} ({c['count']})" for c in sp[field]))


@speaker_app.command("show")
def speaker_show(
    speaker: Annotated[str, typer.Argument(help="A speaker id, or a name matching one speaker.")],
    fmt: Annotated[str, Format] = "table",
) -> None:
    """Every name, title and organisation a speaker's quotes carry, with counts."""
    _on_speakers(lambda t: t.speaker(t.speaker_id(speaker)), fmt)


@speaker_app.command("merge")
def speaker_merge(
    keep: Annotated[str, typer.Argument(help="The entry kept (id or name); its name stays.")],
    other: Annotated[str, typer.Argument(help="The entry merged into it (id or name).")],
    fmt: Annotated[str, Format] = "table",
) -> None:
    """Two entries are one person: merge them, now and after every re-ingest."""
    _on_speakers(lambda t: t.merge_speakers(t.speaker_id(keep), t.speaker_id(other)), fmt)


@speaker_app.command("split")
def speaker_split(
    speaker: Annotated[str, typer.Argument(help="The entry (id or name) holding two people.")],
    alias: Annotated[str, typer.Option("--alias", help="The name whose quotes become their own speaker.")],
    fmt: Annotated[str, Format] = "table",
) -> None:
    """A name in an entry is someone else: split it off, now and after every re-ingest."""
    _on_speakers(lambda t: t.split_speaker(t.speaker_id(speaker), alias), fmt)


@app.command()
def briefing(
    topic: Annotated[str, typer.Argument(help="The topic of the briefing.")],
    speaker: Annotated[Optional[list[str]], typer.Option(help="Only these speakers (repeatable).")] = None,
    per_speaker: Annotated[int, typer.Option(min=1, max=20)] = 3,
    max_speakers: Annotated[int, typer.Option(min=1, max=50)] = 10,
    since: Annotated[Optional[str], typer.Option(help="YYYY-MM-DD")] = None,
    until: Annotated[Optional[str], typer.Option(help="YYYY-MM-DD")] = None,
    min_confidence: Annotated[Optional[float], typer.Option(min=0.0, max=1.0, help="Only quotes attributed at least this surely (0-1).")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="markdown, json or docx (docx needs --output)")] = "markdown",
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write to this file instead of the screen.")] = None,
) -> None:
    """The best quotes on a topic grouped by speaker, each with all its sources, ready to paste into a memo."""
    from ingest.dates import parse_date
    from kb.briefing import briefing_dict_from_api, build_briefing, write_docx

    _check_format(fmt, ("markdown", "json", "docx"))
    if fmt == "docx" and output is None:
        raise _fail("--format docx writes a file: give --output BRIEFING.docx", 2)
    dates = {}
    for name, value in (("since", since), ("until", until)):
        if value and not (dates.setdefault(name, parse_date(value))):
            raise _fail(f"--{name} {value!r} is not a date (use YYYY-MM-DD)", 2)
    settings = _settings()
    remote = _remote(settings)
    try:
        if remote is not None:  # a running server holds the store: it builds the briefing
            body = {"topic": topic, "speakers": speaker, "since": dates.get("since"), "until": dates.get("until"),
                    "per_speaker": per_speaker, "max_speakers": max_speakers, "min_confidence": min_confidence}
            b = briefing_dict_from_api(remote.briefing({k: v for k, v in body.items() if v is not None}))
        else:
            kb = _open_kb(settings, queries_only=True)
            try:
                b = build_briefing(kb, topic, speaker, dates.get("since"), dates.get("until"), per_speaker=per_speaker,
                                   max_speakers=max_speakers, min_confidence=min_confidence).as_dict()
            finally:
                kb.close()
    except KBError as e:
        raise _fail(str(e)) from e
    finally:
        if remote is not None:
            remote.close()
    if fmt == "docx":
        assert output is not None
        write_docx(b, output)
        quotes = sum(len(g["quotes"]) for g in b["speakers"])  # type: ignore[attr-defined]
        typer.echo(f"wrote {output} ({quotes} quotes, {len(b['citations'])} citations)")  # type: ignore[arg-type]
        return
    text = json.dumps(b, ensure_ascii=False, indent=2) + "\n" if fmt == "json" else str(b["markdown"])
    if output:
        output.write_text(text, encoding="utf-8")
    else:
        typer.echo(text, nl=False)


@app.command()
def stats(fmt: Annotated[str, Format] = "table") -> None:
    """Counts of documents, chunks, quotes and speakers, and of the noise extraction left out, by kind."""
    _check_format(fmt, ("table", "json"))
    settings = _settings()
    remote = _remote(settings)
    source = remote if remote is not None else _open_kb(settings)  # a running server's API, or the store itself
    try:
        numbers = source.stats()
    except KBError as e:
        raise _fail(str(e)) from e
    finally:
        source.close()
    if fmt == "json":
        typer.echo(json.dumps(numbers))
    else:
        for name, value in numbers.items():
            if isinstance(value, dict):  # rejected noise, by kind
                for kind, n in value.items():
                    typer.echo(f"{name + ' ' + kind:<10} {n}")
            else:
                typer.echo(f"{name:<10} {value}")


@app.command()
def check(
    repair: Annotated[bool, typer.Option("--repair", help="Delete orphan vectors and re-embed missing ones.")] = False,
    fmt: Annotated[str, Format] = "table",
) -> None:
    """Check that the vector store and the catalogue agree (after a crash or a kill); --repair mends them."""
    _check_format(fmt, ("table", "json"))
    kb = _open_kb(_settings())
    try:
        report = kb.check(repair=repair)
    except KBError as e:
        raise _fail(str(e)) from e
    finally:
        kb.close()
    if fmt == "json":
        typer.echo(json.dumps(report.as_dict()))
    elif report.consistent:
        typer.echo("consistent: every chunk and quote has its vectors, and no vector lacks its chunk or quote")
    else:
        done = "repaired" if report.repaired else "run `kb check --repair` to mend"
        typer.echo(f"{report.orphan_vectors} orphan vectors, {report.missing_vectors} chunks or quotes without vectors "
                   f"({len(report.documents_to_reembed)} documents): {done}")
    if not report.consistent and not report.repaired:
        raise typer.Exit(1)


@app.command()
def backup(target: Annotated[Path, typer.Argument(help="A new, empty folder for the backup.")]) -> None:
    """Back up the catalogue consistently; safe while the server or an ingest runs."""
    from kb.backup import backup as run_backup

    try:
        manifest = run_backup(_settings(), target)
    except KBError as e:
        raise _fail(str(e)) from e
    counts = manifest["counts"]
    typer.echo(f"backed up {counts['documents']} documents, {counts['quotes']} quotes, {counts['speakers']} speakers to {target}")  # type: ignore[index]


@app.command()
def restore(source: Annotated[Path, typer.Argument(help="A folder written by `kb backup`.")]) -> None:
    """Restore a backup into an empty KB_DATA_DIR and rebuild the vectors."""
    from tqdm import tqdm

    from kb.backup import restore as run_restore

    bar = tqdm(desc="rebuilding vectors", unit="doc", file=sys.stderr, disable=None)

    def progress(done: int, total: int) -> None:
        bar.total = total
        bar.n = done
        bar.refresh()

    try:
        stats = run_restore(source, _settings(), on_progress=progress)
    except KBError as e:
        raise _fail(str(e)) from e
    finally:
        bar.close()
    typer.echo(f"restored {stats['documents']} documents, {stats['quotes']} quotes into {_settings().data_dir}")


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535)] = 8000,
) -> None:
    """Serve the HTTP API and the staff web page."""
    import uvicorn

    from api.app import create_app
    from api.server import uvicorn_config

    from kb.embedding import set_torch_threads

    from api.remote import announce
    from kb.factory import use_serving_query_embedder

    settings = _settings()
    set_torch_threads(settings.torch_threads or 1)  # one query a core: two-thread teams stall each other under load

    kb = _open_kb(settings)  # opened here so a locked or damaged store is a one-line error, not a traceback
    kb.embedder.embed(["warm-up"])  # load the model now, not on the first request
    use_serving_query_embedder(settings, kb)
    try:
        with announce(settings, host, port):  # other shells' kb commands find this server through the data folder
            uvicorn.Server(uvicorn_config(create_app(settings, kb), settings, host, port)).run()
    finally:
        kb.close()
    import gc

    gc.freeze()  # as for `kb worker`: the last collection over the model's heaps would hold a stopping server for seconds


@app.command()
def worker(
    once: Annotated[bool, typer.Option(help="Work off the jobs waiting now, then exit.")] = False,
) -> None:
    """Work off queued ingest jobs (KB_DATABASE_URL and KB_CHROMA_URL shared with the API); SIGTERM stops after the document being stored."""
    import logging
    import os
    import signal

    from ingest.jobs import JobWorker
    from ingest.pipeline import build_ingestor

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    settings = _settings()
    kb = _open_kb(settings)
    try:
        ingestor = build_ingestor(kb, settings)
        kb.embedder.embed(["warm-up"])  # load the model now, so "ready" means ready and the first job is not slower
        job_worker = JobWorker(kb.catalogue, lambda: ingestor, lease_s=settings.job_lease_seconds)

        def stop(signum: int, _frame: object) -> None:
            logging.getLogger("kb.worker").info("signal %d: stopping after the document being stored", signum)
            job_worker.stop.set()
            job_worker.wake.set()

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        logging.getLogger("kb.worker").info("kb worker ready (pid %d)", os.getpid())  # scripts/cluster.sh waits for this line
        if once:
            while not job_worker.stop.is_set() and job_worker.run_one():
                pass
        else:
            job_worker.run()
    except KBError as e:
        raise _fail(str(e)) from e
    finally:
        kb.close()
    logging.getLogger("kb.worker").info("stopped")
    # The interpreter's last garbage collection walks spaCy's and the model's heaps: seconds on a busy host, during
    # which systemd or a test waits on a worker that is done. Frozen objects are skipped (measured: 7 s -> 1 s).
    import gc

    gc.freeze()


def main() -> None:
    try:
        app()
    except KBError as e:  # every domain error is one line, whichever command raised it
        typer.secho(f"error: {e}", fg=typer.colors.RED, err=True)
        raise SystemExit(1) from None


if __name__ == "__main__":
    main()
