#!/usr/bin/env bash
# Install kb, ingest the demo corpus in seeds/ into ./kb-data, and run a sample search.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/kb ingest seeds/
.venv/bin/kb stats
echo
echo '$ kb search "should judges have to sign off on ICE detainer requests" --limit 5'
.venv/bin/kb search "should judges have to sign off on ICE detainer requests" --limit 5
echo
echo "Next: .venv/bin/kb serve   (then open http://127.0.0.1:8000/ for the web page, /docs for the API)"
