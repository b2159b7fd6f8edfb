"""`renja plan …`: the planning cycle from the command line, through the same actions."""

from __future__ import annotations

import os

import click


def _django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "renja.web.settings")
    import django

    django.setup()


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


def _user(username: str):  # type: ignore[no-untyped-def]
    from django.contrib.auth.models import User

    from renja.errors import RenjaError

    try:
        return User.objects.get(username=username)
    except User.DoesNotExist as exc:
        raise RenjaError(f"no user '{username}'", f"pengguna '{username}' tidak ada") from exc


@plan_group.command("act")
@click.argument("action", type=click.Choice(["submit", "return", "accept", "set",
                                             "perubahan"]))
@click.option("--plan", "plan_id", type=int, required=True, help="Plan id (see plan list).")
@click.option("--user", "username", required=True, help="Act as this user.")
@click.option("--note", default="", help="Note (required to return).")
@click.option("--override", is_flag=True, help="Accept although comments are open.")
@click.option("--nomor", default="", help="Regulation number (set).")
@click.option("--tanggal", default="", help="Regulation date YYYY-MM-DD (set).")
def act(action: str, plan_id: int, username: str, note: str, override: bool, nomor: str,
        tanggal: str) -> None:
    """Do ACTION on a plan as USER, with the same checks as the web app."""
    _django()
    from django.http import Http404

    from renja.errors import RenjaError
    from renja.web.plans.access import get_plan
    from renja.web.plans.actions import perform

    user = _user(username)
    try:
        plan = get_plan(user, plan_id)
    except Http404 as exc:
        raise RenjaError(f"plan {plan_id} not found for {username}",
                         f"Renja {plan_id} tidak ditemukan untuk {username}") from exc
    plan = perform(plan, user, action, note=note, override=override, nomor=nomor,
                   tanggal=tanggal, via="cli")
    click.echo(f"{plan.pk}\t{plan.tahapan}\t{plan.status}")
