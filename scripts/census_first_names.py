"""Write kb/data/census_first_names.tsv from the US Census Bureau's 1990 first-name frequency files.

The files (dist.female.first, dist.male.first: a name, its frequency in per cent of that sex, a cumulative
frequency, a rank) are a US government work in the public domain; the `names` package (0.3.0, MIT) ships them.
Run: python scripts/census_first_names.py DIR_WITH_THE_TWO_FILES  (e.g. an unpacked names-0.3.0/names)
"""

from __future__ import annotations

import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "kb" / "data" / "census_first_names.tsv"


def read(path: Path) -> dict[str, str]:
    """Name (lower case) -> its frequency in per cent, as the file writes it."""
    return {line.split()[0].lower(): line.split()[1] for line in path.read_text().splitlines() if line.strip()}


def main(folder: str) -> None:
    female, male = read(Path(folder) / "dist.female.first"), read(Path(folder) / "dist.male.first")
    lines = ["# US Census Bureau, 1990 name frequency files (public domain): first name, per cent of women, per cent of men;",
             "# an empty column: not among the names of that sex the files list. Written by scripts/census_first_names.py.",
             "name\tfemale\tmale"]
    lines += [f"{n}\t{female.get(n, '')}\t{male.get(n, '')}" for n in sorted(set(female) | set(male))]
    OUT.write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
