"""The web app under concurrent load: gunicorn workers on PostgreSQL, a pemda of 40 agencies.

Run: .venv/bin/python benchmarks/web_load.py [--users 1,10,50,200] [--seconds 10]
          [--workers 4] [--database postgres://postgres@127.0.0.1:5432/renja_bench]

What it does, all on 127.0.0.1 and bounded in time:
1. (re)creates the benchmark database, migrates it and loads one generated pemda of 40
   agencies (the `renja_corpus` loader); the first agency's plan is replaced by one of 150
   sub kegiatan; sessions are made for its planners and the pemda's verifier;
2. starts `gunicorn renja.web.wsgi` with --workers sync workers;
3. for each scenario and each number of concurrent users, runs that many client threads for
   --seconds, each pausing --think seconds between requests (like a person reading the
   page; `--think 0,0` sends them back to back, to find the ceiling), and prints p50/p95/p99
   latency, requests/second and the error count (any answer other than the expected status;
   409 "changed by someone else" when two users save the same plan is counted apart).

Scenarios: opening the editor of the 150-row plan (the whole plan page); saving a row
(each user saves a sub kegiatan of their own agency's plan: 40 plans, so from 50 users on
some users share a plan); running the checks (findings API of the 150-row plan); the
verifier's overview of 40 agencies.
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import re
import secrets
import subprocess
import sys
import threading
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
HOST = "127.0.0.1"


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


PORT = free_port()
VERSION = re.compile(r'name="version" value="(\d+)"')


@dataclass
class Session:
    cookie: str
    csrf: str


@dataclass
class Fixture:
    big_plan: int
    planner: Session
    verifier: Session
    plans: list[tuple[int, str, Session]] = field(default_factory=list)
    """(plan id, path of a sub kegiatan row, its agency planner) for every agency."""


def recreate_database(url: str) -> None:
    import psycopg

    parts = urllib.parse.urlparse(url)
    name = parts.path.lstrip("/")
    admin = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def prepare(url: str) -> Fixture:
    """Migrate, load the pemda and a 150-row plan, make sessions (in this process)."""
    import django

    os.environ.update({"DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "renja.web.settings",
                       # one key for these sessions and the server that reads them
                       "RENJA_SECRET_KEY": secrets.token_hex(32), "RENJA_ALLOWED_HOSTS": HOST,
                       "RENJA_DATA_DIR": str(ROOT / "var" / "bench"),
                       "RENJA_SSL_REDIRECT": "0"})  # plain HTTP on the loopback
    django.setup()
    from django.contrib.auth.models import User
    from django.core.management import call_command

    from renja.demo.corpus import PEMDA
    from renja.demo.generate import Spec, generate
    from renja.edit import paths
    from renja.web.management.commands.renja_corpus import load_pemda
    from renja.web.plans.models import Plan

    call_command("migrate", verbosity=0)
    start = time.perf_counter()
    load_pemda(PEMDA[0], 40, 2025, seed=1)
    plans = list(Plan.objects.select_related("perangkat_daerah").order_by("pk"))
    big = plans[0]
    pd = big.perangkat_daerah
    renja = generate(Spec(pemda=PEMDA[0], agency=pd.nama, singkatan=pd.singkatan,
                          bidang=pd.bidang, tahun=2025, sub_kegiatan=150, seed=99))
    Plan.objects.filter(pk=big.pk).update(data=Plan.dump(renja))
    leaves = sum(1 for _, node, _ in paths(renja) if node.level == "sub_kegiatan")
    assert leaves == 150, leaves
    print(f"loaded 40 agencies in {time.perf_counter() - start:.1f}s")

    def session(username: str) -> Session:
        from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
        from django.contrib.sessions.backends.db import SessionStore

        user = User.objects.get(username=username)
        store = SessionStore()
        store[SESSION_KEY] = str(user.pk)
        store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        store[HASH_SESSION_KEY] = user.get_session_auth_hash()
        store.create()
        csrf = secrets.token_hex(16)
        return Session(f"sessionid={store.session_key}; csrftoken={csrf}", csrf)

    slug = pd.pemda.slug
    fixture = Fixture(big.pk, session(f"perencana_{slug}_{pd.singkatan.lower()}"),
                      session(f"verifikator_{slug}"))
    for plan in Plan.objects.select_related("perangkat_daerah").order_by("pk"):
        leaf = next(p for p, node, _ in paths(plan.renja()) if node.level == "sub_kegiatan")
        agency = plan.perangkat_daerah.singkatan.lower()
        fixture.plans.append((plan.pk, leaf, session(f"perencana_{slug}_{agency}")))
    return fixture


def start_server(workers: int) -> subprocess.Popen[bytes]:
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "renja.web.wsgi:application", "--workers",
         str(workers), "--bind", f"{HOST}:{PORT}", "--timeout", "120", "--backlog", "2048",
         "--log-level", "warning"], env=os.environ, cwd=ROOT)
    for _ in range(100):
        if server.poll() is not None:
            break
        try:
            if request("GET", "/publik/", None)[0] == 200:
                return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("gunicorn did not start")


def request(method: str, path: str, session: Session | None,
            body: dict[str, str] | None = None) -> tuple[int, str]:
    conn = http.client.HTTPConnection(HOST, PORT, timeout=60)
    headers = {"Host": HOST}
    if session:
        headers["Cookie"] = session.cookie
        headers["X-CSRFToken"] = session.csrf
    data = None
    if body is not None:
        data = urllib.parse.urlencode(body)
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    try:
        conn.request(method, path, body=data, headers=headers)
        response = conn.getresponse()
        return response.status, response.read().decode("utf-8", "replace")
    finally:
        conn.close()


@dataclass
class Outcome:
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    conflicts: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)


Step = Callable[[int, int], tuple[int, float]]
"""(user number, iteration) → (status, seconds of the measured request)."""


def timed(method: str, path: str, session: Session | None,
          body: dict[str, str] | None = None) -> tuple[int, float]:
    start = time.perf_counter()
    status, _ = request(method, path, session, body)
    return status, time.perf_counter() - start


def scenarios(fx: Fixture) -> dict[str, Step]:
    status, page = request("GET", f"/renja/{fx.big_plan}/", fx.planner)
    rows = page.count(f"/renja/{fx.big_plan}/baris/")
    assert status == 200 and rows >= 150, (status, rows)  # the page really holds 150 rows

    def editor(user: int, i: int) -> tuple[int, float]:
        return timed("GET", f"/renja/{fx.big_plan}/", fx.planner)

    def save(user: int, i: int) -> tuple[int, float]:
        plan, path, planner = fx.plans[user % len(fx.plans)]
        _, form = request("GET", f"/renja/{plan}/baris/{path}/", planner)
        found = VERSION.search(form)
        version = found.group(1) if found else "0"
        return timed("POST", f"/renja/{plan}/baris/{path}/simpan/", planner,
                     {"version": version, "lokasi": f"Kecamatan {user}-{i}"})

    def checks(user: int, i: int) -> tuple[int, float]:
        return timed("GET", f"/api/plans/{fx.big_plan}/findings", fx.planner)

    def overview(user: int, i: int) -> tuple[int, float]:
        return timed("GET", "/verifikasi/", fx.verifier)

    return {"editor (150 rows)": editor, "save a row": save, "checks (API)": checks,
            "overview (40 agencies)": overview}


def load(step: Step, users: int, seconds: float, think: tuple[float, float],
         ) -> tuple[Outcome, float]:
    """``users`` threads for ``seconds``, each pausing ``think`` (min, max) between requests."""
    outcome = Outcome()
    deadline = time.perf_counter() + seconds

    def user_loop(user: int) -> None:
        pause = random.Random(user)
        time.sleep(pause.uniform(0, think[1]))  # users do not all arrive in the same instant
        i = 0
        while time.perf_counter() < deadline:
            try:
                status, took = step(user, i)
            except OSError:
                status, took = 0, 0.0
            with outcome.lock:
                if status == 200:
                    outcome.latencies.append(took)
                elif status == 409:
                    outcome.conflicts += 1
                else:
                    outcome.errors += 1
            i += 1
            time.sleep(pause.uniform(*think))

    threads = [threading.Thread(target=user_loop, args=(u,)) for u in range(users)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcome, time.perf_counter() - start


def percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--users", default="1,10,50,200")
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--think", default="1,3",
                        help="seconds each user pauses between requests, min,max (0,0: none)")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--database", default="postgres://postgres@127.0.0.1:5432/renja_bench")
    parser.add_argument("--only", help="run the scenarios whose name starts with this")
    args = parser.parse_args()
    low, high = (float(x) for x in args.think.split(","))
    think = (low, high)
    recreate_database(args.database)
    fixture = prepare(args.database)
    server = start_server(args.workers)
    try:
        print(f"gunicorn, {args.workers} sync workers, PostgreSQL; {os.cpu_count()} CPUs "
              f"shared by server, database and load threads; {args.seconds:.0f}s per cell, "
              f"users pause {low:g}-{high:g}s between requests")
        print(f"{'scenario':<24}{'users':>6}{'requests':>9}{'req/s':>8}{'p50 ms':>8}"
              f"{'p95 ms':>8}{'p99 ms':>8}{'errors':>7}{'409':>6}")
        for name, step in scenarios(fixture).items():
            if args.only and not name.startswith(args.only):
                continue
            step(0, 0)  # warm the workers
            for users in [int(u) for u in args.users.split(",")]:
                outcome, took = load(step, users, args.seconds, think)
                done = outcome.latencies
                print(f"{name:<24}{users:>6}{len(done):>9}{len(done) / took:>8.1f}"
                      f"{percentile(done, 50) * 1000:>8.0f}{percentile(done, 95) * 1000:>8.0f}"
                      f"{percentile(done, 99) * 1000:>8.0f}{outcome.errors:>7}"
                      f"{outcome.conflicts:>6}", flush=True)
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
