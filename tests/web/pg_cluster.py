"""A PostgreSQL primary and its streaming replica made for one test: two clusters of this
machine's PostgreSQL on free ports, the replica copied with ``pg_basebackup -R``."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg

from tests.web.servers import HOST, free_port


def postgres_bin() -> Path | None:
    """The folder of this machine's PostgreSQL server programs, if it has them."""
    pg_config = shutil.which("pg_config")
    if pg_config:
        found = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True)
        folder = Path(found.stdout.strip())
        if (folder / "initdb").exists():
            return folder
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    return versions[-1].parent if versions else None


def _as_owner(command: list[str]) -> list[str]:
    # PostgreSQL refuses to run as root: as root, run its programs as the postgres user
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


def _run(command: list[str]) -> None:
    subprocess.run(_as_owner(command), check=True, capture_output=True)


@contextmanager
def primary_and_replica() -> Iterator[tuple[str, str]]:
    """URLs of database ``renja`` on a new primary and on its streaming replica."""
    bin_dir = postgres_bin()
    assert bin_dir is not None, "no PostgreSQL server programs on this machine"
    base = Path(tempfile.mkdtemp(prefix="renja-pg-"))
    if os.geteuid() == 0:
        shutil.chown(base, "postgres", "postgres")
    primary, replica = base / "primary", base / "replica"
    ports = free_port(), free_port()
    started: list[Path] = []
    try:
        _run([str(bin_dir / "initdb"), "-D", str(primary), "-A", "trust", "-U", "postgres",
              "--no-sync"])
        for folder, port in ((primary, ports[0]),):
            _start(bin_dir, folder, port, base, started)
        _run([str(bin_dir / "pg_basebackup"), "-h", HOST, "-p", str(ports[0]), "-U",
              "postgres", "-D", str(replica), "-R", "-X", "stream"])
        _start(bin_dir, replica, ports[1], base, started)
        with psycopg.connect(f"postgresql://postgres@{HOST}:{ports[0]}/postgres",
                             autocommit=True) as conn:
            conn.execute('CREATE DATABASE "renja"')
        yield (f"postgres://postgres@{HOST}:{ports[0]}/renja",
               f"postgres://postgres@{HOST}:{ports[1]}/renja")
    finally:
        for folder in reversed(started):
            subprocess.run(_as_owner([str(bin_dir / "pg_ctl"), "-D", str(folder), "-m",
                                      "immediate", "stop"]), capture_output=True)
        shutil.rmtree(base, ignore_errors=True)


def _start(bin_dir: Path, folder: Path, port: int, base: Path, started: list[Path]) -> None:
    options = (f"-p {port} -c listen_addresses={HOST} -c unix_socket_directories={base} "
               "-c fsync=off -c wal_level=replica -c max_wal_senders=4 -c hot_standby=on")
    _run([str(bin_dir / "pg_ctl"), "-D", str(folder), "-l", str(base / f"{folder.name}.log"),
          "-o", options, "-w", "start"])
    started.append(folder)


def wait_until_replayed(primary: str, replica: str, timeout: float = 30) -> None:
    """Until the replica has replayed everything the primary has written so far."""
    with psycopg.connect(primary, autocommit=True) as conn:
        row = conn.execute("SELECT pg_current_wal_lsn()").fetchone()
    assert row is not None
    target = row[0]
    deadline = time.monotonic() + timeout
    with psycopg.connect(replica, autocommit=True) as conn:
        while time.monotonic() < deadline:
            done = conn.execute("SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn",
                                (target,)).fetchone()
            if done and done[0]:
                return
            time.sleep(0.1)
    raise AssertionError("the replica did not catch up")


def set_replay(replica: str, running: bool) -> None:
    """Pause or resume the replica's replay of the primary's changes."""
    with psycopg.connect(replica, autocommit=True) as conn:
        conn.execute("SELECT pg_wal_replay_resume()" if running else "SELECT pg_wal_replay_pause()")
