#!/usr/bin/env bash
# Install kb with its test tools, make sure Debian's chromium is there for the browser tests, run every test.
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
exec .venv/bin/python -m pytest "$@"
