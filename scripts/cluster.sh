#!/usr/bin/env bash
# A whole kb deployment on one machine, for trying it out and for the tests:
# PostgreSQL (Debian's, run as the postgres user when we are root) + `chroma run` + N `kb serve` + M `kb worker`.
#
#   scripts/cluster.sh start DIR      APIS=2 WORKERS=2 BASE_PORT=8100 by default; prints the API URLs
#   scripts/cluster.sh stop DIR       stops everything it started, PostgreSQL last
#   scripts/cluster.sh env DIR        the KB_ settings of the running cluster (`eval "$(scripts/cluster.sh env DIR)"`)
#
# KB_API_KEYS and other KB_ variables in the environment are passed on to every kb process.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
CMD="${1:-}"
DIR="${2:-}"
[ -n "$CMD" ] && [ -n "$DIR" ] || { echo "usage: $0 start|stop|env DIR" >&2; exit 2; }
mkdir -p "$DIR"
DIR="$(cd "$DIR" && pwd)"

APIS="${APIS:-2}"
WORKERS="${WORKERS:-2}"
BASE_PORT="${BASE_PORT:-8100}"
PG_PORT="${PG_PORT:-$((BASE_PORT + 32))}"
CHROMA_PORT="${CHROMA_PORT:-$((BASE_PORT + 33))}"
if [ -x "$ROOT/.venv/bin/python" ]; then PY="${PY:-$ROOT/.venv/bin/python}"; else PY="${PY:-python3}"; fi
CHROMA="${CHROMA:-$(dirname "$PY")/chroma}"
[ -x "$CHROMA" ] || CHROMA="$(command -v chroma)"

as_postgres() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_bin() {
    command -v pg_config >/dev/null || { echo "PostgreSQL is not installed: apt-get install postgresql" >&2; exit 1; }
    echo "$(pg_config --bindir)/$1"
}

exited() {  # pid, what, log: true (and says why) when the process is gone
    kill -0 "$1" 2>/dev/null && return 1
    echo "$2 exited at start; the end of $3:" >&2
    tail -n 15 "$3" >&2
}

wait_for() {  # URL, what, seconds[, pid, log]: a process that exited is reported at once, not waited on
    for _ in $(seq 1 "$3"); do
        if "$PY" -c "import sys, httpx; sys.exit(httpx.get('$1', timeout=1).status_code != 200)" 2>/dev/null; then return 0; fi
        if [ -n "${4:-}" ] && exited "$4" "$2" "$5"; then return 1; fi
        sleep 1
    done
    echo "$2 did not come up at $1 (see $DIR/*.log)" >&2
    return 1
}

wait_worker() {  # N, seconds: the worker logs that it is ready, or its start failed and its log says why
    local pid
    pid="$(cat "$DIR/worker-$1.pid")"
    for _ in $(seq 1 "$2"); do
        if grep -q "kb worker ready" "$DIR/worker-$1.log" 2>/dev/null; then return 0; fi
        if exited "$pid" "kb worker $1" "$DIR/worker-$1.log"; then return 1; fi
        sleep 1
    done
    echo "kb worker $1 was not ready after $2 s (see $DIR/worker-$1.log)" >&2
    return 1
}

settings() {
    echo "export KB_DATABASE_URL=postgresql://postgres@127.0.0.1:$PG_PORT/kb"
    echo "export KB_CHROMA_URL=http://127.0.0.1:$CHROMA_PORT"
    echo "export KB_DATA_DIR=$DIR/data"
}

pg_home() {  # DIR/pg, or a folder of its own when the postgres user cannot reach DIR (a private temp folder)
    if [ -f "$DIR/pg.path" ]; then cat "$DIR/pg.path"; return; fi
    local pg="$DIR/pg"
    mkdir -p "$pg"
    if [ "$(id -u)" = 0 ]; then
        chown postgres:postgres "$pg"
        runuser -u postgres -- test -w "$pg" || { pg="$(mktemp -d /tmp/kb-cluster-pg-XXXXXX)"; chown postgres:postgres "$pg"; }
    fi
    echo "$pg" | tee "$DIR/pg.path"
}

start() {
    local pg
    pg="$(pg_home)"
    if [ ! -d "$pg/data" ]; then
        (cd / && as_postgres "$(pg_bin initdb)" -D "$pg/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$DIR/initdb.log")
    fi
    (cd / && as_postgres "$(pg_bin pg_ctl)" -D "$pg/data" -l "$pg/postgres.log" -w -t 60 \
        -o "-p $PG_PORT -k $pg -c listen_addresses=127.0.0.1" start >/dev/null)
    "$PY" - "$PG_PORT" <<'EOF'
import sys, psycopg
with psycopg.connect(f"postgresql://postgres@127.0.0.1:{sys.argv[1]}/postgres", autocommit=True) as conn:
    if not conn.execute("SELECT 1 FROM pg_database WHERE datname = 'kb'").fetchone():
        conn.execute("CREATE DATABASE kb")
EOF
    "$CHROMA" run --path "$DIR/chroma" --host 127.0.0.1 --port "$CHROMA_PORT" >"$DIR/chroma.log" 2>&1 &
    echo $! >"$DIR/chroma.pid"
    wait_for "http://127.0.0.1:$CHROMA_PORT/api/v2/heartbeat" "chroma" 60
    settings >"$DIR/kb.env"
    # shellcheck disable=SC1091
    source "$DIR/kb.env"
    mkdir -p "$KB_DATA_DIR"
    cd "$ROOT"
    for i in $(seq 1 "$APIS"); do
        "$PY" -m api.cli serve --port $((BASE_PORT + i - 1)) >"$DIR/serve-$i.log" 2>&1 &
        echo $! >"$DIR/serve-$i.pid"
    done
    for i in $(seq 1 "$WORKERS"); do
        "$PY" -m api.cli worker >"$DIR/worker-$i.log" 2>&1 &
        echo $! >"$DIR/worker-$i.pid"
    done
    for i in $(seq 1 "$APIS"); do
        wait_for "http://127.0.0.1:$((BASE_PORT + i - 1))/healthz" "kb serve $i" 180 "$(cat "$DIR/serve-$i.pid")" "$DIR/serve-$i.log"
        echo "http://127.0.0.1:$((BASE_PORT + i - 1))"
    done
    for i in $(seq 1 "$WORKERS"); do
        wait_worker "$i" 180
    done
}

stop() {
    local pidfile pid
    for pidfile in "$DIR"/worker-*.pid "$DIR"/serve-*.pid "$DIR"/chroma.pid; do
        [ -f "$pidfile" ] || continue
        pid="$(cat "$pidfile")"
        kill -TERM "$pid" 2>/dev/null || true
        for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
        kill -KILL "$pid" 2>/dev/null || true
        rm -f "$pidfile"
    done
    if [ -f "$DIR/pg.path" ]; then
        local pg
        pg="$(cat "$DIR/pg.path")"
        (cd / && as_postgres "$(pg_bin pg_ctl)" -D "$pg/data" -m fast -w stop >/dev/null 2>&1) || true
    fi
}

case "$CMD" in
    start) start ;;
    stop) stop ;;
    env) settings ;;
    *) echo "usage: $0 start|stop|env DIR" >&2; exit 2 ;;
esac
