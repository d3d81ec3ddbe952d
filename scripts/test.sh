#!/usr/bin/env bash
# Install kb with its test tools, make sure Debian's chromium and PostgreSQL are there, run every test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
if [ ! -x /usr/bin/chromium ]; then
    if [ "$(id -u)" = 0 ]; then
        export DEBIAN_FRONTEND=noninteractive
        apt-get install -y -qq chromium >/dev/null || { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; }
    else
        sudo apt-get install -y -qq chromium >/dev/null
    fi
fi
# Debian's PostgreSQL server binaries, for the catalogue contract and multi-process tests (started per session).
if ! command -v pg_config >/dev/null || [ ! -x "$(pg_config --bindir)/initdb" ]; then
    if [ "$(id -u)" = 0 ]; then
        export DEBIAN_FRONTEND=noninteractive
        apt-get install -y -qq postgresql >/dev/null || { apt-get update -qq && apt-get install -y -qq postgresql >/dev/null; }
    else
        sudo apt-get install -y -qq postgresql >/dev/null
    fi
fi
exec .venv/bin/python -m pytest "$@"
