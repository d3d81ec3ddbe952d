"""A throw-away PostgreSQL server for the tests: Debian's binaries, run as the postgres user when we are root."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import uuid
from pathlib import Path

from api.server import free_port


def bindir() -> Path | None:
    """Where initdb and pg_ctl live (`pg_config --bindir`), or None when PostgreSQL is not installed."""
    pg_config = shutil.which("pg_config")
    if pg_config is None:
        return None
    found = Path(subprocess.run([pg_config, "--bindir"], capture_output=True, text=True, check=True).stdout.strip())
    return found if (found / "initdb").exists() and (found / "pg_ctl").exists() else None


def _as_postgres(cmd: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *cmd] if os.geteuid() == 0 else cmd


class PostgresServer:
    """`with PostgresServer() as pg:` runs a fresh cluster on a free loopback port; pg.new_database() gives a URL."""

    def __init__(self) -> None:
        found = bindir()
        if found is None:
            raise RuntimeError("PostgreSQL is not installed (no pg_config); `apt-get install postgresql`")
        self.bin = found
        self.port = free_port()
        self.dir = Path(tempfile.mkdtemp(prefix="kb-pg-"))
        self.data = self.dir / "data"
        self.user = "postgres" if os.geteuid() == 0 else os.environ.get("USER", "postgres")

    def __enter__(self) -> PostgresServer:
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres", "postgres")
        run = lambda *cmd: subprocess.run(_as_postgres([str(c) for c in cmd]), check=True, capture_output=True)  # noqa: E731
        run(self.bin / "initdb", "-D", self.data, "-U", self.user, "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8")
        options = f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        run(self.bin / "pg_ctl", "-D", self.data, "-o", options, "-l", self.dir / "log", "-w", "-t", "60", "start")
        return self

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://{self.user}@127.0.0.1:{self.port}/{database}"

    def new_database(self) -> str:
        """A new empty database on this server, so tests never see each other's rows."""
        import psycopg

        name = "kb_" + uuid.uuid4().hex[:12]
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name}")
        return self.url(name)

    def __exit__(self, *exc: object) -> None:
        subprocess.run(_as_postgres([str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop"]),
                       capture_output=True)
        shutil.rmtree(self.dir, ignore_errors=True)
