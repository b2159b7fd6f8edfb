"""The web app under concurrent load: gunicorn workers on PostgreSQL, a pemda of 40 agencies.

Run: .venv/bin/python benchmarks/web_load.py [--users 1,10,50,200,500] [--seconds 20]
          [--workers 2] [--threads 32] [--sync] [--database renja_bench | postgres://…]
          [--servers 2 --workers 1] [--redis URL | --redis '']

What it does, all on 127.0.0.1 and bounded in time:
1. (re)creates the benchmark database, migrates it and loads one generated pemda of 40
   agencies (the `renja_corpus` loader); every agency's plan is replaced by one of 150
   sub kegiatan (one plan size for every scenario); sessions are made for the planners and
   the pemda's verifier;
2. starts `gunicorn renja.web.wsgi` as in production: --workers processes of --threads
   threads (gthread), each process working on RENJA_MAX_WORKING requests at a time and
   answering the rest "sedang sibuk" (503) when no turn frees within RENJA_BUSY_WAIT
   (renja.web.busy); `--sync` runs the former one-request-per-process sync workers instead;
3. for each scenario and each number of concurrent users, runs that many client threads for
   --seconds, each pausing --think seconds between requests (like a person reading the
   page; `--think 0,0` sends them back to back, to find the ceiling), and prints what was
   asked (demand, req/s) against what was served (200s per second), p50/p95/p99 latency of
   the served requests, "busy" answers (503 with Retry-After), conflicts (409: another user
   saved the same plan first) and errors (anything else, time-outs after --timeout seconds
   included). A cell ends when its users' last requests are answered and the server is idle
   again (a request given up on cannot land in the next cell); the table prints the
   published figures of the earlier run beside the new ones (benchmarks/web_load_before.json).

Scenarios: opening the editor of the 150-row plan (the whole plan page); saving a row, timed
as a person does it: opening the row's form, then saving its lokasi and a belanja amount (so
the sums above it change), both sent as the browser's htmx sends them (each user saves a sub
kegiatan of their own agency's plan: 40 plans, so from 50 users on some users share a plan);
running the checks (findings API of the 150-row plan); the verifier's overview of 40 agencies.
The servers share Redis (`--redis`) as production does (docs/deployment.md).
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
TIMEOUT = 30.0
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
    from renja.web.plans.models import Plan, summary_fields

    call_command("migrate", verbosity=0)
    start = time.perf_counter()
    load_pemda(PEMDA[0], 40, 2025, seed=1)
    plans = list(Plan.objects.select_related("perangkat_daerah").order_by("pk"))
    big = plans[0]
    pd = big.perangkat_daerah
    for n, each in enumerate(plans):
        agency = each.perangkat_daerah
        # the seed that gives exactly 150 rows (a bidang with fewer sub kegiatan in the
        # nomenclature than that plans the first agency's bidang)
        for seed in range(1000 * n, 1000 * n + 60):
            bidang = agency.bidang if seed < 1000 * n + 30 else pd.bidang
            renja = generate(Spec(pemda=PEMDA[0], agency=agency.nama,
                                  singkatan=agency.singkatan, bidang=bidang, tahun=2025,
                                  sub_kegiatan=150, seed=seed))
            leaves = sum(1 for _, node, _ in paths(renja) if node.level == "sub_kegiatan")
            if leaves == 150:
                break
        assert leaves == 150, (agency.nama, leaves)
        data = Plan.dump(renja)
        Plan.objects.filter(pk=each.pk).update(data=data, **summary_fields(data))
    print(f"loaded 40 agencies of 150 sub kegiatan each in {time.perf_counter() - start:.1f}s")

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


def start_server(workers: int, threads: int, sync: bool,
                 port: int = PORT) -> subprocess.Popen[bytes]:
    kind = ["--worker-class", "sync"] if sync else ["--worker-class", "gthread", "--threads",
                                                    str(threads)]
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "renja.web.wsgi:application", "--workers",
         str(workers), *kind, "--bind", f"{HOST}:{port}", "--timeout", "120", "--backlog",
         "2048", "--log-level", "warning"], env=os.environ, cwd=ROOT)
    wait_until_up(server, port)
    return server


def wait_until_up(server: subprocess.Popen[bytes], port: int) -> None:
    for _ in range(100):
        if server.poll() is not None:
            break
        try:
            conn = http.client.HTTPConnection(HOST, port, timeout=5)
            conn.request("GET", "/publik/", headers={"Host": HOST})
            if conn.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit(f"the server on port {port} did not start")


NGINX = """worker_processes 1;
error_log {dir}/error.log warn;
pid {dir}/nginx.pid;
events {{ worker_connections 8192; }}
http {{
    access_log off;
    client_body_temp_path {dir}/body; proxy_temp_path {dir}/proxy;
    fastcgi_temp_path {dir}/fastcgi; uwsgi_temp_path {dir}/uwsgi; scgi_temp_path {dir}/scgi;
    # plan affinity: a plan's row forms and saves go to one app server, whose memory holds
    # the plan as last saved; every other request goes to any of them
    map "$request_method $uri" $renja_key {{
        "~^POST /renja/(?<plan>\\d+)/" $plan;
        "~^GET /renja/(?<plan>\\d+)/baris/" $plan;
        default $request_id;
    }}
    upstream renja {{
        hash $renja_key consistent;
{servers}
        keepalive 64;
    }}
    server {{
        listen {host}:{port} backlog=4096;
        location / {{
            proxy_pass http://renja;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $host;
            proxy_set_header X-Request-Start "t=${{msec}}";
            proxy_read_timeout 120s;
        }}
    }}
}}
"""


def start_servers(count: int, workers: int, threads: int,
                  sync: bool) -> list[subprocess.Popen[bytes]]:
    """``count`` gunicorn instances on ports of their own behind nginx on PORT (loopback)."""
    import shutil
    import tempfile

    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(nginx).exists():
        raise SystemExit("--servers needs nginx (apt-get install nginx-light)")
    ports = [free_port() for _ in range(count)]
    started = [start_server(workers, threads, sync, port) for port in ports]
    where = Path(tempfile.mkdtemp(prefix="renja-nginx-"))
    (where / "nginx.conf").write_text(NGINX.format(
        dir=where, host=HOST, port=PORT,
        servers="\n".join(f"        server {HOST}:{p};" for p in ports)))
    proxy = subprocess.Popen([nginx, "-p", str(where), "-c", str(where / "nginx.conf"),
                              "-g", "daemon off;"])
    wait_until_up(proxy, PORT)
    return [*started, proxy]


def request(method: str, path: str, session: Session | None,
            body: dict[str, str] | None = None, htmx: bool = False) -> tuple[int, str]:
    conn = http.client.HTTPConnection(HOST, PORT, timeout=TIMEOUT)
    headers = {"Host": HOST, **({"HX-Request": "true"} if htmx else {})}
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
    asked: int = 0
    errors: int = 0
    busy: int = 0
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
        start = time.perf_counter()  # the round trip: open the row's form, then save it
        status, form = request("GET", f"/renja/{plan}/baris/{path}/", planner, htmx=True)
        if status != 200:
            return status, time.perf_counter() - start
        found = VERSION.search(form)
        version = found.group(1) if found else "0"
        status, _ = request("POST", f"/renja/{plan}/baris/{path}/simpan/", planner,
                            {"version": version, "lokasi": f"Kecamatan {user}-{i}",
                             "belanja_barang_jasa_n": str(1_000_000 + 1_000 * user + i)},
                            htmx=True)  # as the browser sends it (htmx)
        return status, time.perf_counter() - start

    def checks(user: int, i: int) -> tuple[int, float]:
        return timed("GET", f"/api/plans/{fx.big_plan}/findings", fx.planner)

    def overview(user: int, i: int) -> tuple[int, float]:
        return timed("GET", "/verifikasi/", fx.verifier)

    return {"editor (150 rows)": editor, "save a row (form+save)": save,
            "checks (API)": checks, "overview (40 agencies)": overview}


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
            except OSError:  # refused, reset, or timed out: the person gave up
                status, took = 0, 0.0
            with outcome.lock:
                outcome.asked += 1
                if status == 200:
                    outcome.latencies.append(took)
                elif status == 409:
                    outcome.conflicts += 1
                elif status in (429, 503):
                    outcome.busy += 1
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


def drain(limit: float = 120.0) -> float:
    """Wait until the server answers a cheap page quickly again: nothing of the last cell is
    still queued. Returns the seconds it took."""
    start = time.perf_counter()
    while time.perf_counter() - start < limit:
        try:
            status, took = timed("GET", "/masuk/", None)
        except OSError:
            status, took = 0, 1.0
        if status == 200 and took < 0.1:
            return time.perf_counter() - start
        time.sleep(0.5)
    return time.perf_counter() - start


def before(name: str, users: int) -> dict[str, float] | None:
    """The published figures of the earlier run for this cell, if any."""
    import json

    path = Path(__file__).with_name("web_load_before.json")
    if not path.exists():
        return None
    found = json.loads(path.read_text()).get(name.split(" (")[0], {}).get(str(users))
    return dict(found) if found else None


def percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def database_url(given: str) -> str:
    """``renja_bench`` (a name on the local PostgreSQL) or a full URL."""
    if "://" in given:
        return given
    return f"postgres://postgres@127.0.0.1:5432/{given}"


def main() -> None:
    global TIMEOUT
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--users", default="1,10,50,200,500")
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--think", default="1,3",
                        help="seconds each user pauses between requests, min,max (0,0: none)")
    parser.add_argument("--workers", type=int, default=2,
                        help="gunicorn processes per server")
    parser.add_argument("--servers", type=int, default=1,
                        help="gunicorn instances; more than one: behind nginx on one address, "
                             "each plan's row forms and saves going to one of them")
    parser.add_argument("--threads", type=int, default=32)
    parser.add_argument("--sync", action="store_true",
                        help="one-request-at-a-time sync workers (no 'sedang sibuk')")
    parser.add_argument("--timeout", type=float, default=TIMEOUT,
                        help="seconds a user waits for an answer before giving up")
    parser.add_argument("--database", default="renja_bench",
                        help="a database name on 127.0.0.1:5432, or a postgres:// URL")
    parser.add_argument("--only", help="run the scenarios whose name starts with this")
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/0",
                        help="RENJA_REDIS_URL of the servers (shared cache, as in production); "
                             "'' for none")
    args = parser.parse_args()
    TIMEOUT = args.timeout
    low, high = (float(x) for x in args.think.split(","))
    think = (low, high)
    url = database_url(args.database)
    if args.redis:
        os.environ.update({"RENJA_REDIS_URL": args.redis,
                           "RENJA_REDIS_PREFIX": f"renja-bench-{secrets.token_hex(4)}"})
    recreate_database(url)
    fixture = prepare(url)
    processes = [start_server(args.workers, args.threads, args.sync)] if args.servers == 1 \
        else start_servers(args.servers, args.workers, args.threads, args.sync)
    try:
        kind = "sync workers" if args.sync else f"gthread workers x {args.threads} threads"
        servers = "" if args.servers == 1 else \
            f"{args.servers} instances behind nginx (plan affinity for forms and saves) of "
        print(f"gunicorn, {servers}{args.workers} {kind}, PostgreSQL, "
              f"{'Redis' if args.redis else 'no Redis'}; {os.cpu_count()} CPUs "
              f"shared by server, database and load threads; {args.seconds:.0f}s per cell, "
              f"users pause {low:g}-{high:g}s between requests, give up after "
              f"{args.timeout:g}s")
        print(f"{'scenario':<24}{'users':>6}{'asked/s':>8}{'served/s':>9}{'p50 ms':>8}"
              f"{'p95 ms':>8}{'p99 ms':>8}{'busy':>6}{'409':>6}{'errors':>7}"
              f"{'| before: p95':>14}{'errors':>7}{'drain s':>8}")
        for name, step in scenarios(fixture).items():
            if args.only and not name.startswith(args.only):
                continue
            for user in range(len(fixture.plans)):  # warm the workers: every plan once
                step(user, 0)
            for users in [int(u) for u in args.users.split(",")]:
                outcome, took = load(step, users, args.seconds, think)
                drained = drain()
                done = outcome.latencies
                old = before(name, users)
                earlier = (f"{old['p95']:>14.0f}{old['errors']:>7.0f}" if old
                           else f"{'-':>14}{'-':>7}")
                print(f"{name:<24}{users:>6}{outcome.asked / took:>8.1f}"
                      f"{len(done) / took:>9.1f}"
                      f"{percentile(done, 50) * 1000:>8.0f}{percentile(done, 95) * 1000:>8.0f}"
                      f"{percentile(done, 99) * 1000:>8.0f}{outcome.busy:>6}"
                      f"{outcome.conflicts:>6}{outcome.errors:>7}{earlier}{drained:>8.1f}",
                      flush=True)
    finally:
        for process in reversed(processes):
            process.terminate()
            process.wait(timeout=30)


if __name__ == "__main__":
    main()
