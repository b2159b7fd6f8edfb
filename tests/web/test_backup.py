"""A backup restored into an empty database holds every plan, version and audit entry; a
pemda's export holds everything it owns, without passwords."""

from __future__ import annotations

import csv
import json
import sqlite3
import uuid

import psycopg
import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.db import connection

from renja.errors import RenjaError
from renja.web import backup
from renja.web.plans import actions
from renja.web.plans.models import AuditEntry, Plan, PlanVersion

TABLES = ("plans_plan", "plans_planversion", "plans_auditentry", "auth_user",
          "accounts_membership")


@pytest.fixture
def history(transactional_db):  # type: ignore[no-untyped-def]
    """The demo, with a snapshot, an edit and a submit committed (a backup sees only those)."""
    from django.conf import settings

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    if not Plan.objects.exists():
        call_command("renja_demo", verbosity=0)
    plan = Plan.objects.get(perangkat_daerah__singkatan="BKPSDM")
    planner = User.objects.get(username="perencana_bkpsdm")
    actions.snapshot(plan, "awal", planner)
    actions.change_plan(plan.pk, planner, lambda r: setattr(r.rencana.rows[0], "lokasi", "X"),
                        plan.version)
    actions.submit(Plan.objects.get(pk=plan.pk), User.objects.get(username="kepala_bkpsdm"))
    return plan


def counts_sqlite(path) -> dict[str, int]:  # type: ignore[no-untyped-def]
    with sqlite3.connect(path) as con:
        return {t: con.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in TABLES}


def counts_postgres(name: str) -> dict[str, int]:
    with psycopg.connect(dbname=name, host="127.0.0.1", user="postgres") as con:
        return {t: con.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in TABLES}


def expected() -> dict[str, int]:
    with connection.cursor() as cursor:
        found = {}
        for table in TABLES:
            cursor.execute(f"SELECT COUNT(*) FROM {table}")
            found[table] = cursor.fetchone()[0]
    return found


def test_a_backup_restored_into_an_empty_database_holds_everything(history, tmp_path):
    made = backup.backup(tmp_path / "renja.backup")
    want = expected()
    assert want["plans_planversion"] >= 2 and want["plans_auditentry"] >= 2
    db = dict(connection.settings_dict)
    if connection.vendor == "sqlite":
        db["NAME"] = str(tmp_path / "kosong.sqlite3")
        backup.restore(made, db)
        assert counts_sqlite(db["NAME"]) == want
        return
    db["NAME"] = f"renja_restore_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(dbname="postgres", host="127.0.0.1", user="postgres",
                         autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{db["NAME"]}"')
    try:
        backup.restore(made, db)
        assert counts_postgres(db["NAME"]) == want
        with psycopg.connect(dbname=db["NAME"], host="127.0.0.1", user="postgres") as con, \
                pytest.raises(psycopg.errors.RaiseException):
            con.execute("DELETE FROM plans_auditentry")  # the trigger came along
    finally:
        with psycopg.connect(dbname="postgres", host="127.0.0.1", user="postgres",
                             autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{db["NAME"]}"')


def test_a_restore_refuses_a_database_that_holds_plans(history, tmp_path):
    made = backup.backup(tmp_path / "renja.backup")
    with pytest.raises(RenjaError) as exc:
        backup.restore(made)
    assert exc.value.message("id") == ("basis data sudah berisi Renja; pulihkan ke basis data "
                                       "kosong")


def test_a_pemda_export_holds_its_plans_versions_and_audit_without_passwords(history, tmp_path):
    counts = backup.export_pemda("kabupaten-pasuruan", tmp_path / "ekspor")
    plans = Plan.objects.filter(perangkat_daerah__pemda__slug="kabupaten-pasuruan")
    assert counts == {
        "plans": plans.count(),
        "versions": PlanVersion.objects.filter(plan__in=plans).count(),
        "audit": AuditEntry.objects.filter(plan__in=plans).count()
        + AuditEntry.objects.filter(pemda__slug="kabupaten-pasuruan").count(),
        "comments": 0}
    folder = tmp_path / "ekspor"
    assert json.loads((folder / "renja" / str(history.pk) / "renja.json").read_text()) == \
        Plan.objects.get(pk=history.pk).data
    rows = list(csv.DictReader((folder / "audit.csv").open()))
    assert {r["tindakan"] for r in rows} >= {"renja.nilai.ubah", "renja.renja.submit"}
    everything = "".join(p.read_text() for p in folder.rglob("*.json"))
    assert "pbkdf2" not in everything and "md5$" not in everything
    assert "perencana_bkpsdm" in (folder / "pemda.json").read_text()


def test_the_backup_and_restore_commands_answer_in_one_line(history, tmp_path):
    from click.testing import CliRunner

    from renja.cli import cli

    made = CliRunner().invoke(cli, ["backup", str(tmp_path / "renja.backup")])
    assert (made.exit_code, made.output.strip()) == (0, str(tmp_path / "renja.backup"))
    refused = CliRunner().invoke(cli, ["restore", str(tmp_path / "renja.backup")])
    assert (refused.exit_code, refused.output.strip().splitlines()) == (2, [
        "Error: basis data sudah berisi Renja; pulihkan ke basis data kosong",
        "Petunjuk: --force mengganti seluruh isinya"])
    missing = CliRunner().invoke(cli, ["restore", str(tmp_path / "tidak-ada.backup")])
    assert (missing.exit_code, missing.output.strip()) == (
        2, "Error: tidak-ada.backup: berkas tidak ada")
