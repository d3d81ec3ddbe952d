"""Where a search spends its time: cProfile of every server thread while GET /v1/search runs over real HTTP.

python -m benchmarks.profile_search --store /tmp/kb-bench-search --queries 100 --filter speaker --sort tottime

Uses a store built by `benchmarks.search` (the same queries and filters). The server (uvicorn, in this
process) is started after the profiler hook, so its event loop and worker threads are all profiled;
the client's own time is left out by printing only kb/, api/ and library frames below the handler.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import random
import threading
import sys
import time
from pathlib import Path

import httpx

from benchmarks.search import filter_params, queries_for, speaker_refs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", type=Path, default=Path("/tmp/kb-bench-search"))
    parser.add_argument("--torch-threads", type=int, default=1, help="as `kb serve` (KB_TORCH_THREADS, default 1 there)")
    parser.add_argument("--queries", type=int, default=100)
    parser.add_argument("--mode", default="hybrid")
    parser.add_argument("--filter", default="none", choices=["none", "speaker", "organization", "dates"])
    parser.add_argument("--sort", default="cumulative")
    parser.add_argument("--lines", type=int, default=40)
    parser.add_argument("--cpu", action="store_true", help="each thread's CPU time, not wall time: waits for the GIL, I/O and other "
                        "processes do not count, so figures taken on a busy machine compare")
    parser.add_argument("--clients", type=int, default=1, help="concurrent clients (their threads are profiled too: httpx frames)")
    args = parser.parse_args(argv)

    from api.app import create_app
    from api.server import LiveServer
    from kb.factory import open_knowledge_base, use_serving_query_embedder
    from kb.settings import Settings

    from kb.embedding import set_torch_threads

    set_torch_threads(args.torch_threads)
    settings = Settings(data_dir=args.store)
    kb = open_knowledge_base(settings)
    fast = use_serving_query_embedder(settings, kb)  # as `kb serve` does
    if fast is not None and not fast.wait_ready(300):
        print(f"queries on {fast.status}", file=sys.stderr)
    queries = queries_for(kb.stats()["quotes"], args.queries)
    rng = random.Random(11)
    profiles: list[cProfile.Profile] = []

    def start(*_: object) -> None:  # first event of each new thread: give it its own profiler
        profile = cProfile.Profile(time.thread_time) if args.cpu else cProfile.Profile()
        profiles.append(profile)
        profile.enable()

    threading.setprofile(start)
    with LiveServer(create_app(settings, kb)) as server:
        if args.clients == 1:  # the server's threads under load start later: keep profiling new threads then
            threading.setprofile(None)  # type: ignore[arg-type]
        params = [{"q": q, "mode": args.mode, "limit": 10, **filter_params(args.filter, speaker_refs(), rng)} for q in queries]
        httpx.get(server.url + "/v1/search", params={"q": "warm up"})
        for p in profiles:
            p.clear()

        def ask(share: list[dict[str, str]]) -> None:
            with httpx.Client(base_url=server.url, timeout=60) as http:
                for one in share:
                    r = http.get("/v1/search", params=one)
                    assert r.status_code == 200, r.text

        t0 = time.perf_counter()
        clients = [threading.Thread(target=ask, args=(params[n :: args.clients],)) for n in range(args.clients)]
        for c in clients:
            c.start()
        for c in clients:
            c.join()
        elapsed = time.perf_counter() - t0
        threading.setprofile(None)  # type: ignore[arg-type]
    kb.close()
    print(f"{len(queries)} searches, {1000 * elapsed / len(queries):.1f} ms each over HTTP (profiled, so slower than unprofiled)")
    stats = pstats.Stats(*profiles)
    stats.sort_stats(args.sort).print_stats(args.lines)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
