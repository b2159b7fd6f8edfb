"""State changes of a plan, one function each, shared by pages, API and CLI.

Each action checks who may do it (role and scope), asks the workflow whether the plan's state
allows it, then does it in one transaction: the new state, a snapshot of the plan, the
transition and the audit entry (``renja.renja.submit`` …).
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from renja.domain import Peraturan
from renja.errors import RenjaError
from renja.web.accounts.models import Role
from renja.web.plans.access import membership
from renja.web.plans.models import AuditEntry, Comment, Jadwal, Plan, PlanVersion, Transition
from renja.workflow import ACTIONS, STAGE_LABELS, WorkflowError, next_state


class ActionRefused(WorkflowError):
    """The user may not do this (role or scope), or the plan's state does not allow it."""


def _allowed(user: Any, plan: Plan, action: str) -> None:
    member = membership(user)
    spec = ACTIONS[action]
    if member is None or member.role not in spec.roles:
        raise ActionRefused(f"your role may not {spec.name} a plan",
                            f"peran Anda tidak berhak: {spec.label.lower()}")
    agency = plan.perangkat_daerah
    if member.agency_bound and member.perangkat_daerah_id != agency.pk:
        raise ActionRefused("this plan belongs to another agency",
                            "Renja ini milik perangkat daerah lain")
    if member.pemda_id != agency.pemda_id:
        raise ActionRefused("this plan belongs to another pemda", "Renja ini milik pemda lain")


def stage_open(plan: Plan, today: datetime.date | None = None) -> bool:
    """True when the schedule has no entry for the plan's stage, or today is inside it."""
    entry = Jadwal.objects.filter(pemda_id=plan.perangkat_daerah.pemda_id, tahun=plan.tahun,
                                  tahapan=plan.tahapan).first()
    if entry is None:
        return True
    today = today or timezone.localdate()
    return entry.mulai <= today <= entry.selesai


def snapshot(plan: Plan, label: str, user: Any) -> PlanVersion:
    number = (plan.versions.aggregate(n=Max("number"))["n"] or 0) + 1
    return PlanVersion.objects.create(plan=plan, number=number, label=label,
                                      tahapan=plan.tahapan, status=plan.status,
                                      data=plan.data, created_by=user)


def _move(plan: Plan, action: str, user: Any, note: str, via: str,
          extra: dict[str, Any] | None = None) -> Plan:
    _allowed(user, plan, action)
    tahapan, status = next_state(action, plan.tahapan, plan.status)
    with transaction.atomic():
        locked = Plan.objects.select_for_update().get(pk=plan.pk)
        if (locked.tahapan, locked.status) != (plan.tahapan, plan.status):
            raise ActionRefused("the plan changed state meanwhile; reload",
                                "status Renja berubah sementara itu; muat ulang")
        Transition.objects.create(plan=plan, action=action, from_tahapan=plan.tahapan,
                                  from_status=plan.status, to_tahapan=tahapan, to_status=status,
                                  user=user, note=note)
        AuditEntry.objects.create(plan=plan, action=ACTIONS[action].audit, user=user, via=via,
                                  field="status", old=f"{plan.tahapan}/{plan.status}",
                                  new=f"{tahapan}/{status}", note=note)
        plan.tahapan, plan.status = tahapan, status
        for key, value in (extra or {}).items():
            setattr(plan, key, value)
        plan.save()
        snapshot(plan, f"{ACTIONS[action].label}: {STAGE_LABELS[tahapan]} ({status})", user)
    return plan


def submit(plan: Plan, user: Any, note: str = "", via: str = "ui") -> Plan:
    if not stage_open(plan):
        raise ActionRefused(
            f"stage {plan.tahapan} is closed by the schedule",
            f"tahapan {STAGE_LABELS[plan.tahapan]} sudah ditutup menurut jadwal")
    return _move(plan, "submit", user, note, via)


def return_plan(plan: Plan, user: Any, note: str, via: str = "ui") -> Plan:
    if not note.strip():
        raise ActionRefused("say why the plan is returned",
                            "tuliskan alasan Renja dikembalikan")
    return _move(plan, "return", user, note, via)


def open_comments(plan: Plan) -> int:
    return plan.comments.filter(parent=None, resolved=False).count()


def accept(plan: Plan, user: Any, note: str = "", override: bool = False,
           via: str = "ui") -> Plan:
    waiting = open_comments(plan)
    if waiting and not (override and note.strip()):
        raise ActionRefused(
            f"{waiting} verification comment(s) are still open; resolve them, or accept anyway "
            f"with a note",
            f"masih ada {waiting} catatan verifikasi yang terbuka; selesaikan dulu, atau terima "
            f"dengan catatan alasan")
    return _move(plan, "accept", user, note, via)


def set_plan(plan: Plan, user: Any, nomor: str, tanggal: datetime.date, jenis: str = "",
             via: str = "ui") -> Plan:
    """Penetapan: lock the plan for good, record its regulation, publish it."""
    if not nomor.strip():
        raise ActionRefused("the regulation number is needed", "nomor peraturan harus diisi")
    renja = plan.renja()
    reg = renja.dasar_hukum or Peraturan()
    reg.nomor, reg.tahun, reg.tanggal_ditetapkan = nomor.strip(), tanggal.year, tanggal
    reg.jenis = reg.jenis or jenis or None
    renja.dasar_hukum = reg
    renja.tahapan = "penetapan"
    data = Plan.dump(renja)
    return _move(plan, "set", user, f"Nomor {nomor}, tanggal {tanggal.isoformat()}", via,
                 extra={"data": data, "published": True})


def open_perubahan(plan: Plan, user: Any, note: str = "", via: str = "ui") -> Plan:
    """A new revision (perubahan) copied from a set plan; the set one stays locked."""
    _allowed(user, plan, "perubahan")
    tahapan, status = next_state("perubahan", plan.tahapan, plan.status)
    with transaction.atomic():
        revisi = (Plan.objects.filter(perangkat_daerah=plan.perangkat_daerah, tahun=plan.tahun)
                  .aggregate(n=Max("revisi"))["n"] or 0) + 1
        renja = plan.renja()
        renja.tahapan = "perubahan"
        new = Plan.objects.create(perangkat_daerah=plan.perangkat_daerah, tahun=plan.tahun,
                                  revisi=revisi, tahapan=tahapan, status=status,
                                  data=Plan.dump(renja), updated_by=user,
                                  n_errors=plan.n_errors, n_warnings=plan.n_warnings)
        Transition.objects.create(plan=new, action="perubahan", from_tahapan=plan.tahapan,
                                  from_status=plan.status, to_tahapan=tahapan, to_status=status,
                                  user=user, note=note)
        AuditEntry.objects.create(plan=new, action=ACTIONS["perubahan"].audit, user=user,
                                  via=via, field="revisi", old=str(plan.revisi),
                                  new=str(revisi), note=note)
        snapshot(new, f"Perubahan {revisi} dibuka dari versi yang ditetapkan", user)
    return new


def comment(plan: Plan, user: Any, text: str, kode: str = "", field: str = "",
            table: str = "tc33", parent: Comment | None = None) -> Comment:
    member = membership(user)
    if not text.strip():
        raise ActionRefused("a comment needs text", "catatan tidak boleh kosong")
    may_open = member is not None and member.role in (Role.VERIFIKATOR, Role.ADMIN)
    may_reply = member is not None and (may_open or member.perangkat_daerah_id ==
                                        plan.perangkat_daerah_id)
    if (parent is None and not may_open) or (parent is not None and not may_reply):
        raise ActionRefused("your role may not comment here",
                            "peran Anda tidak berhak memberi catatan di sini")
    note = Comment.objects.create(plan=plan, author=user, text=text.strip(), kode=kode,
                                  field=field, table=table, parent=parent)
    AuditEntry.objects.create(plan=plan, action="renja.catatan.tambah" if parent is None
                              else "renja.catatan.balas", user=user, kode=kode, field=field,
                              new=text.strip()[:500])
    return note


def resolve(note: Comment, user: Any) -> Comment:
    member = membership(user)
    if member is None or member.role not in (Role.VERIFIKATOR, Role.ADMIN):
        raise ActionRefused("only Bappeda resolves comments",
                            "hanya Bappeda yang dapat menyelesaikan catatan")
    note.resolved = True
    note.save(update_fields=["resolved"])
    AuditEntry.objects.create(plan=note.plan, action="renja.catatan.selesai", user=user,
                              kode=note.kode, field=note.field, old="terbuka", new="selesai")
    return note


__all__ = ["ActionRefused", "RenjaError", "accept", "comment", "open_perubahan", "resolve",
           "return_plan", "set_plan", "snapshot", "stage_open", "submit"]


def perform(plan: Plan, user: Any, action: str, note: str = "", override: bool = False,
            nomor: str = "", tanggal: str = "", jenis: str = "", via: str = "ui") -> Plan:
    """Any action by name, as pages, the API and the CLI call it; returns the plan it leaves
    (a new one for ``perubahan``)."""
    if action == "submit":
        return submit(plan, user, note, via)
    if action == "return":
        return return_plan(plan, user, note, via)
    if action == "accept":
        return accept(plan, user, note, override, via)
    if action == "set":
        try:
            date = datetime.date.fromisoformat(tanggal)
        except ValueError as exc:
            raise ActionRefused("the date must be YYYY-MM-DD",
                                "tanggal penetapan harus diisi (tttt-bb-hh)") from exc
        return set_plan(plan, user, nomor, date, jenis, via)
    if action == "perubahan":
        return open_perubahan(plan, user, note, via)
    raise ActionRefused(f"unknown action '{action}'", f"tindakan '{action}' tidak dikenal")
