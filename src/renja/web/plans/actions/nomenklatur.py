"""Accepting one row of a plan's move to a new nomenclature version: the row takes the new code
and name through the one write path, and the audit trail records the mapping accepted."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from renja.domain import Renja
from renja.errors import RenjaError
from renja.nomenklatur.migrate import LABELS, accept, propose
from renja.web.plans.actions.edit import change_plan
from renja.web.plans.models import AuditEntry, Plan


def accept_mapping(pk: int, user: Any, versi: str, path: str, kode_lama: str,
                   kode_baru: str, version: object) -> tuple[Plan, str, str]:
    """Move the row at ``path`` (which must still be ``kode_lama``) to version ``versi``;
    ``kode_baru`` is the candidate chosen for a removed code (else the proposal's). Returns the
    plan stored and (old code, new code)."""
    moved: dict[str, str] = {}

    def change(renja: Renja) -> None:
        proposal = next((p for p in propose(renja, versi) if p.path == path), None)
        if proposal is None or proposal.kode_lama != kode_lama:
            raise RenjaError(f"row {path} is no longer {kode_lama}; reload",
                             f"baris {path} bukan lagi {kode_lama}; muat ulang halaman")
        if not proposal.needs_review:
            raise RenjaError(f"{kode_lama} already follows {versi}",
                             f"{kode_lama} sudah mengikuti {versi}")
        old, new = accept(renja, proposal, kode_baru or None, target=versi)
        moved.update(old=old, new=new, jenis=LABELS[proposal.jenis], nama=proposal.nama_lama)

    with transaction.atomic():
        plan = change_plan(pk, user, change, version)
        AuditEntry.objects.create(
            plan=plan, action="renja.nomenklatur.pindah", user=user, table="tc33",
            kode=moved["new"], nama=moved["nama"][:300], field="kode", old=moved["old"],
            new=moved["new"], note=f"{moved['jenis']}, ke nomenklatur {versi}")
    return plan, moved["old"], moved["new"]
