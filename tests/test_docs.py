"""The README and docs as a user copies them: every `kb` command line they show names a real command and real options."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.cli import app

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
_BLOCK = re.compile(r"```bash\n(.*?)```", re.S)
_GROUPS = {"speaker"}  # commands with subcommands


def _kb_lines() -> list[tuple[str, list[str]]]:
    """(where, argv) for every kb invocation inside a ```bash block, comments dropped, `&&` chains split."""
    found = []
    for page in PAGES:
        for block in _BLOCK.findall(page.read_text(encoding="utf-8")):
            for line in block.replace("\\\n", " ").splitlines():
                code = line.split(" #", 1)[0]
                for part in re.split(r"&&|&|\||;", code):
                    words = shlex.split(part.replace("$(", " ").replace(")", " "))
                    while words and re.fullmatch(r"[A-Z_]+=\S*", words[0]):  # VAR=value before the command
                        words = words[1:]
                    if len(words) > 1 and (words[0] == "kb" or words[0].endswith("/kb")):
                        found.append((f"{page.name}: {line.strip()}", words[1:]))
    return found


LINES = _kb_lines()


def test_the_docs_show_kb_commands() -> None:
    assert len(LINES) >= 20, LINES  # the README's "Using it" section alone has more


@pytest.mark.parametrize(("where", "argv"), LINES, ids=[w for w, _ in LINES])
def test_each_documented_command_and_option_exists(where: str, argv: list[str]) -> None:
    command = argv[:2] if argv[0] in _GROUPS else argv[:1]
    shown = CliRunner().invoke(app, [*command, "--help"], terminal_width=200)
    assert shown.exit_code == 0, f"{where}: `kb {' '.join(command)}` is not a command\n{shown.output}"
    for option in (a.split("=", 1)[0] for a in argv if a.startswith("--")):
        assert re.search(rf"(?<![\w-]){re.escape(option)}(?![\w-])", shown.output), f"{where}: `kb {' '.join(command)}` has no {option}"
