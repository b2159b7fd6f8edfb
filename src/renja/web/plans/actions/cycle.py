"""Steps of the planning cycle: submit, return, accept, set (penetapan), perubahan.

Each step locks the plan's row, re-checks the person and the plan's state on the locked row,
then writes the new state, bumps the version (so an edit begun before the step is refused),
records the transition and the audit entry and takes a snapshot: all or nothing.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone

from renja.domain import Peraturan, Renja
from renja.errors import RenjaError
from renja.text import clean_text
from renja.web.plans.actions import notify
from renja.web.plans.actions.rows import lock_plan
from renja.web.plans.actions.signing import Signer, remember_signer, signature
from renja.web.plans.models import AuditEntry, Plan, PlanVersion, Transition
from renja.web.plans.permissions import ActionRefused, require
from renja.workflow import ACTIONS, STAGE_LABELS, next_state

NOTE_MAX = 5000


def snapshot(plan: Plan, label: str, user: Any) -> PlanVersion:
    number = (plan.versions.aggregate(n=Max("number"))["n"] or 0) + 1
    return PlanVersion.objects.create(plan=plan, number=number, label=label[:200],
                                      tahapan=plan.tahapan, status=plan.status,
                                      data=plan.data, created_by=user)


def _note(text: str) -> str:
    return clean_text(text).strip()[:NOTE_MAX]


def _move(pk: int, action: str, user: Any, note: str, via: str,
          check: Callable[[Plan], None] | None = None,
          change: Callable[[Renja], None] | None = None, published: bool | None = None) -> Plan:
    note = _note(note)
    with transaction.atomic():
        plan = lock_plan(pk)
        require(user, plan, action)
        if check is not None:
            check(plan)
        tahapan, status = next_state(action, plan.tahapan, plan.status)
        fields: dict[str, Any] = {"tahapan": tahapan, "status": status,
                                  "version": F("version") + 1, "updated_at": timezone.now()}
        if change is not None:
            renja = plan.renja()
            change(renja)
            fields["data"] = Plan.dump(renja)
        if published is not None:
            fields["published"] = published
        Transition.objects.create(plan=plan, action=action, from_tahapan=plan.tahapan,
                                  from_status=plan.status, to_tahapan=tahapan, to_status=status,
                                  user=user, note=note)
        AuditEntry.objects.create(plan=plan, action=ACTIONS[action].audit, user=user, via=via,
                                  field="status", old=f"{plan.tahapan}/{plan.status}",
                                  new=f"{tahapan}/{status}", note=note)
        Plan.objects.filter(pk=plan.pk).update(**fields)
        plan.refresh_from_db()
        snapshot(plan, f"{ACTIONS[action].label}: {STAGE_LABELS[tahapan]} ({status})", user)
        notify.step_taken(plan, action, user, note if action in ("return", "decline") else "")
    return plan


def propose(plan: Plan, user: Any, note: str = "", via: str = "ui") -> Plan:
    """The planner hands the draft to the head of the agency for approval."""
    return _move(plan.pk, "propose", user, note, via)


def decline(plan: Plan, user: Any, note: str, via: str = "ui") -> Plan:
    """The head of the agency sends the draft back to the planner, saying why."""
    if not note.strip():
        raise RenjaError("say why the plan goes back to the planner",
                         "tuliskan alasan Renja dikembalikan ke perencana")
    return _move(plan.pk, "decline", user, note, via)


def submit(plan: Plan, user: Any, note: str = "", via: str = "ui",
           signer: Signer | None = None) -> Plan:
    """The head of the agency approves the plan, signing it, and submits it to Bappeda."""
    signed = signature(plan, user, signer or Signer())

    def sign(renja: Renja) -> None:
        renja.persetujuan = signed

    with transaction.atomic():
        moved = _move(plan.pk, "submit", user, note, via, change=sign)
        remember_signer(user, signed.penandatangan)
    return moved


def return_plan(plan: Plan, user: Any, note: str, via: str = "ui") -> Plan:
    if not note.strip():
        raise RenjaError("say why the plan is returned",
                            "tuliskan alasan Renja dikembalikan")
    return _move(plan.pk, "return", user, note, via)


def open_comments(plan: Plan) -> int:
    return plan.comments.filter(parent=None, resolved=False).count()


def accept(plan: Plan, user: Any, note: str = "", override: bool = False,
           via: str = "ui") -> Plan:
    def no_open_comments(locked: Plan) -> None:
        waiting = open_comments(locked)
        if waiting and not (override and note.strip()):
            raise RenjaError(
                f"{waiting} verification comment(s) are still open; resolve them, or accept "
                f"anyway with a note",
                f"masih ada {waiting} catatan verifikasi yang terbuka; selesaikan dulu, atau "
                f"terima dengan catatan alasan")
        _errors_need_a_note(locked, note, "diterima")

    return _move(plan.pk, "accept", user, note, via, check=no_open_comments)


def _errors_need_a_note(plan: Plan, note: str, done: str) -> None:
    """A plan with errors found by the checks is accepted or set only with a note saying why."""
    if plan.n_errors and not note.strip():
        raise RenjaError(
            f"the plan still has {plan.n_errors} error(s) found by the checks; say in a note why "
            f"it is {done} anyway",
            f"Renja ini masih memiliki {plan.n_errors} galat pemeriksaan; tuliskan catatan "
            f"mengapa tetap {done}")


def set_plan(plan: Plan, user: Any, nomor: str, tanggal: datetime.date, jenis: str = "",
             via: str = "ui", note: str = "") -> Plan:
    """Penetapan: lock the plan for good, record its regulation, publish it."""
    nomor = _note(nomor)[:100]
    if not nomor:
        raise RenjaError("the regulation number is needed", "nomor peraturan harus diisi")

    def record(renja: Renja) -> None:
        reg = renja.dasar_hukum or Peraturan()
        reg.nomor, reg.tahun, reg.tanggal_ditetapkan = nomor, tanggal.year, tanggal
        reg.jenis = reg.jenis or _note(jenis)[:100] or None
        renja.dasar_hukum = reg
        renja.tahapan = "penetapan"

    said = f"Nomor {nomor}, tanggal {tanggal.isoformat()}" + (f". {note}" if note.strip() else "")
    return _move(plan.pk, "set", user, said, via, change=record, published=True,
                 check=lambda locked: _errors_need_a_note(locked, note, "ditetapkan"))


def open_perubahan(plan: Plan, user: Any, note: str = "", via: str = "ui") -> Plan:
    """A new revision (perubahan) copied from a set plan; the set one stays locked."""
    note = _note(note)
    with transaction.atomic():
        source = lock_plan(plan.pk)
        require(user, source, "perubahan")
        tahapan, status = next_state("perubahan", source.tahapan, source.status)
        revisi = (Plan.objects.filter(perangkat_daerah=source.perangkat_daerah,
                                      tahun=source.tahun)
                  .aggregate(n=Max("revisi"))["n"] or 0) + 1
        renja = source.renja()
        renja.tahapan = "perubahan"
        new = Plan.objects.create(perangkat_daerah=source.perangkat_daerah, tahun=source.tahun,
                                  revisi=revisi, tahapan=tahapan, status=status,
                                  data=Plan.dump(renja), updated_by=user,
                                  n_errors=source.n_errors, n_warnings=source.n_warnings)
        Transition.objects.create(plan=new, action="perubahan", from_tahapan=source.tahapan,
                                  from_status=source.status, to_tahapan=tahapan,
                                  to_status=status, user=user, note=note)
        AuditEntry.objects.create(plan=new, action=ACTIONS["perubahan"].audit, user=user,
                                  via=via, field="revisi", old=str(source.revisi),
                                  new=str(revisi), note=note)
        snapshot(new, f"Perubahan {revisi} dibuka dari versi yang ditetapkan", user)
        notify.step_taken(new, "perubahan", user)
    return new


def perform(plan: Plan, user: Any, action: str, note: str = "", override: bool = False,
            nomor: str = "", tanggal: str = "", jenis: str = "", via: str = "ui",
            signer: Signer | None = None) -> Plan:
    """Any action by name, as pages, the API and the CLI call it; returns the plan it leaves
    (a new one for ``perubahan``)."""
    if action == "propose":
        return propose(plan, user, note, via)
    if action == "decline":
        return decline(plan, user, note, via)
    if action == "submit":
        return submit(plan, user, note, via, signer)
    if action == "return":
        return return_plan(plan, user, note, via)
    if action == "accept":
        return accept(plan, user, note, override, via)
    if action == "set":
        try:
            date = datetime.date.fromisoformat(tanggal)
        except ValueError as exc:
            raise RenjaError("the date must be YYYY-MM-DD",
                                "tanggal penetapan harus diisi (tttt-bb-hh)") from exc
        return set_plan(plan, user, nomor, date, jenis, via, note)
    if action == "perubahan":
        return open_perubahan(plan, user, note, via)
    raise ActionRefused(f"unknown action '{action[:30]}'",
                        f"tindakan '{action[:30]}' tidak dikenal")
