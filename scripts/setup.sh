#!/usr/bin/env bash
# Create .venv and install kb: torch's CPU build first (DEVELOPERS.md), then kb with the extras named in $1.
set -euo pipefail
cd "$(dirname "$0")/.."
extras="${1:-}"
if ! .venv/bin/python -m pip --version >/dev/null 2>&1; then
    rm -rf .venv  # none yet, or half made by an interrupted run
    python3 -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
# torch first: anything else asking for torch would otherwise pull a multi-GB CUDA build.
.venv/bin/python -m pip install --quiet --disable-pip-version-check "torch==2.13.0"
if [ -n "$extras" ]; then
    .venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".[$extras]"
else
    .venv/bin/python -m pip install --quiet --disable-pip-version-check -e .
fi
