"""Issue 10's checks on a knowledge base built from the staff corpus: who the largest speakers are, whether any `Q`
turn is credited to someone other than a reporter, how many entries a few people have, and how many congressional
releases carry a quote credited to their member.

python3 ../shared/tools/make_staff_corpus.py /tmp/corpus.jsonl
KB_DATA_DIR=/tmp/full-kb .venv/bin/kb ingest /tmp/corpus.jsonl --format json
.venv/bin/python -m benchmarks.corpus_checks --kb-dir /tmp/full-kb

Reads the SQLite catalogue read-only; prints one JSON object.
"""

from __future__ import annotations

import argparse
import json
import re
import sqlite3
from pathlib import Path
from typing import Any

PEOPLE = ("Trump", "Schumer", "Nielsen")
_Q_PARAGRAPH = re.compile(r"(?m)^Q(?:[:.]|\s{2,}|\s(?=[A-Z]))")


def q_turns(db: sqlite3.Connection) -> dict[str, int]:
    """`Q` paragraphs of the White House records, and the quotes that start there credited to anyone but a reporter."""
    paragraphs = held = other = 0
    rows = db.execute("SELECT id, text FROM documents WHERE publisher = 'The White House'").fetchall()
    for doc_id, text in rows:
        starts = [m.start() for m in _Q_PARAGRAPH.finditer(text)]
        paragraphs += len(starts)
        quotes = db.execute(
            "SELECT start, kind, speaker_id, speaker_description FROM quotes WHERE document_id = ? AND kind IN ('question', 'turn')",
            (doc_id,),
        ).fetchall()
        by_start = {}
        for start, kind, speaker_id, description in quotes:
            by_start.setdefault(start, (kind, speaker_id, description))
        for q in starts:
            turn = next((by_start[s] for s in range(q, q + 8) if s in by_start), None)
            if turn is None:
                continue
            held += 1
            kind, speaker_id, description = turn
            other += not (kind == "question" and speaker_id is None and description == "a reporter")
    return {"q_paragraphs": paragraphs, "q_paragraphs_with_a_turn": held, "q_turns_credited_to_anyone_else": other}


def entries(db: sqlite3.Connection, surname: str) -> list[dict[str, Any]]:
    rows = db.execute(
        "SELECT s.name, s.id, count(q.id) FROM speakers s JOIN quotes q ON q.speaker_id = s.id "
        "WHERE s.name LIKE ? GROUP BY s.id ORDER BY count(q.id) DESC", (f"%{surname}%",),
    ).fetchall()
    return [{"name": n, "id": i, "quotes": c} for n, i, c in rows]


def sharing_a_surname(people: list[tuple[str, int]]) -> dict[str, list[str]]:
    """Entries among the largest that end in the same word, to read by eye: one person in two entries ("Trump",
    "Donald Trump") or relatives rightly apart ("George W. Bush", "Jeb Bush")."""
    groups: dict[str, list[str]] = {}
    for name, count in people:
        words = re.sub(r"\b(Jr|Sr|II|III)\.?$", "", name).split()
        if words:
            groups.setdefault(words[-1].lower(), []).append(f"{name} ({count})")
    return {k: v for k, v in groups.items() if len(v) > 1}


def releases(db: sqlite3.Connection) -> dict[str, Any]:
    """Congressional releases (kind statement, a member as publisher): with a quote credited to the member."""
    docs = db.execute("SELECT id, publisher FROM documents WHERE kind = 'statement' AND publisher != 'The White House'").fetchall()
    credited, without_quotes, untitled = 0, 0, 0
    for doc_id, member in docs:
        surname = (member or "").split()[-1].lower() if member else ""
        names = [n or "" for (n,) in db.execute("SELECT speaker_name FROM quotes WHERE document_id = ?", (doc_id,))]
        without_quotes += not names
        credited += any(surname and surname in n.lower().replace("-", "") or surname in n.lower() for n in names)
    for (title,) in db.execute("SELECT title FROM documents WHERE kind = 'statement' AND publisher != 'The White House'"):
        untitled += title in ("", "Untitled document")
    n = len(docs)
    return {"releases": n, "with_a_quote_credited_to_their_member": credited, "share": round(credited / n, 3) if n else None,
            "without_any_quote": without_quotes, "untitled": untitled}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kb-dir", type=Path, required=True)
    parser.add_argument("--top", type=int, default=50)
    args = parser.parse_args(argv)
    db = sqlite3.connect(f"file:{args.kb_dir / 'catalogue.sqlite3'}?mode=ro", uri=True)
    top = db.execute(
        "SELECT s.name, s.is_organization, count(q.id) FROM speakers s JOIN quotes q ON q.speaker_id = s.id "
        "GROUP BY s.id ORDER BY count(q.id) DESC LIMIT ?", (args.top,),
    ).fetchall()
    out = {
        "documents": db.execute("SELECT count(*) FROM documents").fetchone()[0],
        "quotes": db.execute("SELECT count(*) FROM quotes").fetchone()[0],
        "speakers": db.execute("SELECT count(*) FROM speakers").fetchone()[0],
        "top_speakers": [{"name": n, "organization": bool(o), "quotes": c} for n, o, c in top],
        "top_sharing_a_surname": sharing_a_surname([(n, c) for n, o, c in top if not o]),
        **q_turns(db),
        "entries": {name: entries(db, name) for name in PEOPLE},
        "congress": releases(db),
    }
    print(json.dumps(out, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
