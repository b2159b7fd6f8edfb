"""The app as separate server processes, as in production: several gunicorn instances on one
database (SQLite file, or a fresh PostgreSQL database when the suite runs on PostgreSQL) and,
when asked, one Redis; a small cookie-keeping HTTP client for them."""

from __future__ import annotations

import http.cookiejar
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

HOST = "127.0.0.1"
REDIS_URL = "redis://127.0.0.1:6379/0"
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


def app_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    """The environment of a server process: this suite's database kind, demo users."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("RENJA_", "DATABASE_URL"))}
    env |= {"RENJA_DEMO": "1", "RENJA_INSECURE_COOKIES": "1", "RENJA_DATA_DIR": str(tmp_path),
            "RENJA_SECRET_KEY": "s" * 50, "DJANGO_SETTINGS_MODULE": "renja.web.settings",
            "RENJA_ALLOWED_HOSTS": HOST}
    return env | extra


@contextmanager
def database(tmp_path: Path, **extra: str) -> Iterator[dict[str, str]]:
    """An environment whose database is migrated with the demo loaded; on PostgreSQL a new
    database, dropped afterwards."""
    env = app_env(tmp_path, **extra)
    url = os.environ.get("DATABASE_URL", "")
    name = f"renja_proc_{uuid.uuid4().hex[:10]}"
    if url:
        env["DATABASE_URL"] = _with_name(url, name)
        _admin(url, f'CREATE DATABASE "{name}"')
    try:
        prepare(env)
        yield env
    finally:
        if url:
            _admin(url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def prepare(env: dict[str, str]) -> None:
    """Migrate the database ``env`` names and load the demo into it."""
    for command in (["migrate", "--verbosity", "0"], ["renja_demo"]):
        subprocess.run([sys.executable, "-m", "django", *command], env=env, check=True,
                       capture_output=True)


def _with_name(url: str, name: str) -> str:
    return urllib.parse.urlparse(url)._replace(path="/" + name).geturl()


def _admin(url: str, sql: str) -> None:
    import psycopg

    with psycopg.connect(_with_name(url, "postgres"), autocommit=True) as conn:
        conn.execute(sql)  # type: ignore[arg-type]


@contextmanager
def servers(env: dict[str, str], count: int, workers: int = 1) -> Iterator[list[int]]:
    """``count`` gunicorn instances of the app, each on its own port; their ports."""
    ports = [free_port() for _ in range(count)]
    started = [subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "renja.web.wsgi:application", "--workers",
         str(workers), "--bind", f"{HOST}:{port}", "--log-level", "warning"], env=env,
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) for port in ports]
    try:
        for port, process in zip(ports, started, strict=True):
            _wait_for(port, process)
        yield ports
    finally:
        for process in started:
            process.terminate()
        for process in started:
            process.wait(timeout=20)


def _wait_for(port: int, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(process.stderr.read().decode() if process.stderr else "exited")
        try:
            with urllib.request.urlopen(f"http://{HOST}:{port}/masuk/", timeout=5):
                return
        except (OSError, urllib.error.URLError):
            time.sleep(0.2)
    raise RuntimeError(f"the server on port {port} did not start")


class Visitor:
    """One person's browser, reduced to cookies and forms: any server of the app."""

    def __init__(self) -> None:
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def get(self, port: int, path: str) -> tuple[int, str]:
        return self._open(urllib.request.Request(f"http://{HOST}:{port}{path}"))

    def post(self, port: int, path: str, form: dict[str, str],
             page: str | None = None) -> tuple[int, str]:
        """Post ``form`` as the form of ``page`` (default: ``path``) would, with its token."""
        status, html = self.get(port, page or path)
        token = CSRF.search(html)
        assert token, f"no form on {page or path} ({status})"
        body = urllib.parse.urlencode(form | {"csrfmiddlewaretoken": token.group(1)}).encode()
        return self._open(urllib.request.Request(
            f"http://{HOST}:{port}{path}", data=body,
            headers={"Referer": f"http://{HOST}:{port}{page or path}"}))

    def _open(self, request: urllib.request.Request) -> tuple[int, str]:
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as refused:
            return refused.code, refused.read().decode()
