"""`renja plan …`: the planning cycle from the command line, through the same actions.

Django and the web app are imported inside the commands on purpose: the other `renja`
commands (import, check, render) must start without loading them.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import click

from renja.errors import RenjaError


def _django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "renja.web.settings")
    try:
        import django

        django.setup()
    except Exception as exc:  # settings missing, database unreachable: one line, not a trace
        raise RenjaError(f"the web app's settings cannot be loaded: {exc}",
                         f"pengaturan aplikasi web tidak dapat dimuat: {exc}",
                         hint="set RENJA_SECRET_KEY and DATABASE_URL, or RENJA_DEMO=1",
                         hint_id="isi RENJA_SECRET_KEY dan DATABASE_URL, atau RENJA_DEMO=1") \
            from exc


@click.group("plan")
def plan_group() -> None:
    """Plans stored in the web app's database: list them, move them through the cycle."""


@plan_group.command("list")
@click.option("--user", "username", required=True, help="Act as this user.")
def list_plans(username: str) -> None:
    """The plans USER may read: id, agency, year, stage, status."""
    _django()
    from renja.web.plans.access import visible_plans

    for plan in visible_plans(_user(username)):
        click.echo(f"{plan.pk}\t{plan.perangkat_daerah}\t{plan.tahun}\t{plan.tahapan}\t"
                   f"{plan.status}")


def _plan_of(username: str, plan_id: int) -> tuple[Any, Any]:
    """The user and the plan they may read, or one line saying it is not there for them."""
    from django.http import Http404

    from renja.web.plans.access import get_plan

    user = _user(username)
    try:
        return user, get_plan(user, plan_id)
    except Http404 as exc:
        raise RenjaError(f"plan {plan_id} not found for {username}",
                         f"Renja {plan_id} tidak ditemukan untuk {username}") from exc


def _user(username: str) -> Any:
    from django.contrib.auth.models import User

    try:
        return User.objects.get(username=username)
    except User.DoesNotExist as exc:
        raise RenjaError(f"no user '{username}'", f"pengguna '{username}' tidak ada") from exc


@plan_group.command("act")
@click.argument("action", type=click.Choice(["propose", "decline", "submit", "return",
                                             "accept", "set", "perubahan"]))
@click.option("--plan", "plan_id", type=int, required=True, help="Plan id (see plan list).")
@click.option("--user", "username", required=True, help="Act as this user.")
@click.option("--note", default="", help="Note (required to return).")
@click.option("--override", is_flag=True, help="Accept although comments are open.")
@click.option("--nomor", default="", help="Regulation number (set).")
@click.option("--tanggal", default="", help="Regulation date YYYY-MM-DD (set).")
@click.option("--nip", default="", help="The signer's NIP (submit, by the head of the agency).")
@click.option("--pangkat", default="", help="The signer's pangkat (submit).")
def act(action: str, plan_id: int, username: str, note: str, override: bool, nomor: str,
        tanggal: str, nip: str, pangkat: str) -> None:
    """Do ACTION on a plan as USER, with the same checks as the web app.

    The planner proposes a draft to the head of the agency (propose), who submits it to
    Bappeda, signing it (submit), or declines it back to the planner (decline)."""
    _django()
    from renja.web.outcome import attempt
    from renja.web.plans.actions import Signer, perform

    user, plan = _plan_of(username, plan_id)
    result, failed = attempt(lambda: perform(plan, user, action, note=note, override=override,
                                             nomor=nomor, tanggal=tanggal, via="cli",
                                             signer=Signer(nip=nip, pangkat=pangkat)))
    if failed is not None:
        raise RenjaError(failed.message, failed.message)
    assert result is not None
    click.echo(f"{result.pk}\t{result.tahapan}\t{result.status}")


@plan_group.command("realisasi")
@click.argument("file", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@click.option("--plan", "plan_id", type=int, required=True, help="Plan id (see plan list).")
@click.option("--user", "username", required=True, help="Act as this user (the planner).")
def realisasi_import(file: Path, plan_id: int, username: str) -> None:
    """Store the quarterly realisation in FILE (renja's template, a plain sheet or JSON) for
    the quarters USER may fill in now, as the web app's upload does."""
    _django()
    from renja.web.outcome import attempt
    from renja.web.plans.actions import realisasi

    user, plan = _plan_of(username, plan_id)
    version = realisasi.current(plan)[1]
    result, failed = attempt(lambda: realisasi.import_file(plan.pk, user, file, version,
                                                           via="cli"))
    if failed is not None:
        raise RenjaError(failed.message, failed.message)
    assert result is not None
    click.echo(f"{result[2]}\t{result[1]}")


@click.command("backup")
@click.argument("target", type=click.Path(dir_okay=False, path_type=Path))
def backup_command(target: Path) -> None:
    """Copy the whole database (every pemda, plan, version, audit entry, user) to TARGET.

    SQLite: the online backup API; PostgreSQL: pg_dump (custom format)."""
    _django()
    from renja.web.backup import backup

    click.echo(f"{backup(target)}")


@click.command("restore")
@click.argument("source", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Replace a database that already holds plans.")
def restore_command(source: Path, force: bool) -> None:
    """Put a backup made by `renja backup` into the configured database (empty unless
    --force)."""
    _django()
    from django.core.management import call_command

    from renja.web.backup import restore

    restore(source, force=force)
    call_command("migrate", verbosity=0)  # a backup of an older renja gets today's tables
    click.echo(f"{source}")


@click.command("pemda-export")
@click.argument("slug")
@click.option("-o", "--output", type=click.Path(file_okay=False, path_type=Path),
              required=True, help="Folder to write into.")
def pemda_export_command(slug: str, output: Path) -> None:
    """Everything pemda SLUG owns as files: plans with every version (renja/1 JSON), audit
    trail (CSV), comments, agencies, ceilings, schedule, ranwal, users (no passwords)."""
    _django()
    from renja.web.backup import export_pemda

    counts = export_pemda(slug, output)
    click.echo(", ".join(f"{k} {v}" for k, v in counts.items()))


DATA_COMMANDS = (backup_command, restore_command, pemda_export_command)
