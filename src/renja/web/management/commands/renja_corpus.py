"""Fill the database with generated pemda: 40 agencies each with a plan, users per role.

For load tests and demos at scale: ``--pemda 1`` is one pemda (40 agencies), ``--pemda 20``
a province. Idempotent per pemda: a pemda already present is left as it is.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import User
from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction
from django.utils.text import slugify

from renja.demo.corpus import PEMDA, agencies, pemda_plans
from renja.web.accounts.models import Membership, Pemda, PerangkatDaerah, Role
from renja.web.accounts.views import DEMO_PASSWORD
from renja.web.plans.models import Plan


class Command(BaseCommand):
    help = "Load generated pemda (40 agencies each, one plan per agency) and their users."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--pemda", type=int, default=1, choices=range(1, len(PEMDA) + 1),
                            metavar=f"1..{len(PEMDA)}")
        parser.add_argument("--agencies", type=int, default=40)
        parser.add_argument("--tahun", type=int, default=2025)
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, *args: object, **options: Any) -> None:
        for number, nama in enumerate(PEMDA[:options["pemda"]], start=1):
            created = load_pemda(nama, options["agencies"], options["tahun"],
                                 options["seed"] + number - 1)
            self.stdout.write(f"{nama}: {'dimuat' if created else 'sudah ada'}")
        self.stdout.write(f"Kata sandi setiap pengguna: {DEMO_PASSWORD}")


@transaction.atomic
def load_pemda(nama: str, count: int, tahun: int, seed: int) -> bool:
    """Create pemda ``nama`` with ``count`` agencies and plans; False if it already exists."""
    slug = slugify(nama)
    if Pemda.objects.filter(slug=slug).exists():
        return False
    jenis = "kota" if nama.startswith("Kota") else "kabupaten"
    pemda = Pemda.objects.create(nama=nama, slug=slug, jenis=jenis, provinsi="Provinsi Contoh")
    PerangkatDaerah.objects.bulk_create([
        PerangkatDaerah(pemda=pemda, nama=name, singkatan=short, bidang=bidang)
        for name, short, bidang in agencies(count)])
    by_name = {pd.nama: pd for pd in pemda.perangkat_daerah.all()}
    for renja in pemda_plans(nama, count, tahun=tahun, seed=seed):
        Plan.create_from(renja, perangkat_daerah=by_name[renja.perangkat_daerah.nama],
                         tahapan="rancangan")
    password = make_password(DEMO_PASSWORD)  # hashed once: hashing is slow on purpose
    _user(f"verifikator_{slug}", password, Role.VERIFIKATOR, pemda, None)
    _user(f"admin_{slug}", password, Role.ADMIN, pemda, None)
    for pd in by_name.values():
        _user(f"perencana_{slug}_{pd.singkatan.lower()}", password, Role.PERENCANA, pemda, pd)
    return True


def _user(username: str, password: str, role: Any, pemda: Pemda,
          agency: PerangkatDaerah | None) -> None:
    user = User.objects.create(username=username[:150], password=password)
    Membership.objects.create(user=user, role=role, pemda=pemda, perangkat_daerah=agency)
