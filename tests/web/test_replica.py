"""Reads from a real streaming replica, writes and a writer's own reads on the primary."""

from __future__ import annotations

import os
import re
import time
import uuid

import pytest

from renja.web.accounts.views import DEMO_PASSWORD
from tests.web.pg_cluster import (
    postgres_bin,
    primary_and_replica,
    set_replay,
    wait_until_replayed,
)
from tests.web.servers import Visitor, app_env, prepare, servers

pytestmark = [
    pytest.mark.skipif(not os.environ.get("DATABASE_URL", "").startswith("postgres"),
                       reason="the PostgreSQL run of the suite covers the replica"),
    pytest.mark.skipif(postgres_bin() is None, reason="no PostgreSQL server programs"),
]
PIN_SECONDS = 2


def test_pages_read_from_the_replica_and_a_writer_reads_what_they_wrote(tmp_path):
    with primary_and_replica() as (primary, replica):
        env = app_env(tmp_path, DATABASE_URL=primary, RENJA_DATABASE_REPLICA_URL=replica,
                      RENJA_REPLICA_PIN_SECONDS=str(PIN_SECONDS))
        prepare(env)
        with servers(env, 1) as (port,):
            planner, verifier = Visitor(), Visitor()
            for person, username in ((planner, "perencana_bkpsdm"),
                                     (verifier, "verifikator_bappeda")):
                status, _ = person.post(port, "/masuk/", {"username": username,
                                                          "password": DEMO_PASSWORD})
                assert status == 200
            _, plans = planner.get(port, "/renja/")
            match = re.search(r'href="/renja/(\d+)/"', plans)
            assert match
            page = f"/renja/{match.group(1)}/"
            wait_until_replayed(primary, replica)
            time.sleep(PIN_SECONDS + 0.2)  # the logins' pins to the primary have run out

            set_replay(replica, running=False)  # the replica falls behind from here
            text = f"Catatan uji replika {uuid.uuid4().hex[:6]}"
            status, seen = verifier.post(port, page + "catatan/", {"text": text}, page=page)
            assert (status, text in seen) == (200, True)  # the writer reads the primary
            status, stale = planner.get(port, page)
            assert (status, text in stale) == (200, False)  # the others read the replica

            set_replay(replica, running=True)
            wait_until_replayed(primary, replica)
            assert text in planner.get(port, page)[1]
