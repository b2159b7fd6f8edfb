"""Whether this person may do this to this plan now: the one function pages, buttons, the API,
the CLI and the actions themselves ask.

An action is refused for the person's role, for the plan's agency or pemda, for the plan's state
in the cycle, for the schedule of its stage, or because the plan is set (penetapan) and locked.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone

from renja import words
from renja.web.accounts.members import membership
from renja.web.accounts.models import Membership, Role
from renja.web.plans.models import Jadwal, LaporanTriwulan, Plan
from renja.workflow import ACTIONS, STAGE_LABELS, WorkflowError, editable, next_state

BAPPEDA = (Role.VERIFIKATOR, Role.ADMIN)
PLAN_ACTIONS = ("edit", "comment", "reply", "resolve", *ACTIONS)


class ActionRefused(WorkflowError):
    """The user may not do this (role or scope), or the plan's state does not allow it."""

    code = "ditolak"


class NotFound(ActionRefused):
    """The object is outside the person's reach: for them it does not exist (404)."""

    code = "tidak_ada"


def locked(plan: Plan) -> bool:
    """A set plan (penetapan) is locked for good; a perubahan is a new plan."""
    return plan.tahapan == "penetapan" or plan.status == "ditetapkan"


def stage_open(plan: Plan, today: datetime.date | None = None) -> bool:
    """True when the schedule has no entry for the plan's stage, or today is inside it."""
    entry = Jadwal.objects.filter(pemda_id=plan.perangkat_daerah.pemda_id, tahun=plan.tahun,
                                  tahapan=plan.tahapan).first()
    if entry is None:
        return True
    today = today or timezone.localdate()
    return entry.mulai <= today <= entry.selesai


def refusal(user: Any, plan: Plan, action: str) -> ActionRefused | None:
    """Why ``user`` may not do ``action`` to ``plan`` now, or None when they may."""
    if action not in PLAN_ACTIONS:
        return ActionRefused(f"unknown action '{action}'", f"tindakan '{action}' tidak dikenal")
    member, refused = _member_in_scope(user, plan)
    if refused is not None or member is None:
        return refused
    if action == "edit":
        return _edit(member, plan)
    if action in ("comment", "resolve"):
        return _bappeda(member, plan, action)
    if action == "reply":
        return _unlocked(plan)
    return _transition(member, plan, action)


def importer(user: Any) -> Membership:
    """The membership of a person who may import plans (an agency's planner), or refused."""
    member = membership(user)
    if member is None or member.role != Role.PERENCANA or member.perangkat_daerah is None:
        raise ActionRefused("only an agency's planner imports plans",
                            "hanya perencana OPD yang dapat mengimpor Renja")
    return member


def require(user: Any, plan: Plan, action: str) -> None:
    """Raise :class:`ActionRefused` unless ``user`` may do ``action`` to ``plan`` now."""
    refused = refusal(user, plan, action)
    if refused is not None:
        raise refused


def may(user: Any, plan: Plan, action: str) -> bool:
    return refusal(user, plan, action) is None


def _member_in_scope(user: Any, plan: Plan) -> tuple[Membership | None, ActionRefused | None]:
    """The person's membership when the plan is within their pemda and agency, else why not."""
    member = membership(user)
    if member is None:
        return None, ActionRefused("log in first", "silakan masuk terlebih dahulu")
    return member, _scope(member, plan)


def _scope(member: Membership, plan: Plan) -> ActionRefused | None:
    agency = plan.perangkat_daerah
    if member.pemda_id != agency.pemda_id:
        return ActionRefused("this plan belongs to another pemda", "Renja ini milik pemda lain")
    if member.agency_bound and member.perangkat_daerah_id != agency.pk:
        return ActionRefused("this plan belongs to another agency",
                             "Renja ini milik perangkat daerah lain")
    return None


def _unlocked(plan: Plan) -> ActionRefused | None:
    if locked(plan):
        return ActionRefused("the plan is set (penetapan) and locked",
                             "Renja sudah ditetapkan dan dikunci; buka perubahan untuk mengubahnya")
    return None


def _edit(member: Membership, plan: Plan) -> ActionRefused | None:
    if member.role != Role.PERENCANA:
        return ActionRefused("only the agency's planner edits its plan",
                             "hanya perencana perangkat daerah yang dapat mengubah Renja")
    if _unlocked(plan) is not None:
        return _unlocked(plan)
    if not editable(plan.tahapan, plan.status):
        return ActionRefused(
            f"the plan is '{plan.status}'; only a draft or returned plan can be changed",
            f"Renja berstatus '{words.status(plan.status)}'; hanya Renja berstatus draf atau "
            f"dikembalikan yang dapat diubah")
    return _schedule(plan)


def _schedule(plan: Plan) -> ActionRefused | None:
    if not stage_open(plan):
        label = STAGE_LABELS.get(plan.tahapan, plan.tahapan)
        return ActionRefused(f"stage {plan.tahapan} is closed by the schedule",
                             f"tahapan {label} sudah ditutup menurut jadwal")
    return None


def _bappeda(member: Membership, plan: Plan, action: str) -> ActionRefused | None:
    if member.role not in BAPPEDA:
        if action == "resolve":
            return ActionRefused("only Bappeda resolves comments",
                                 "hanya Bappeda yang dapat menyelesaikan catatan")
        return ActionRefused("your role may not comment here",
                             "peran Anda tidak berhak memberi catatan di sini")
    return _unlocked(plan)


def _transition(member: Membership, plan: Plan, action: str) -> ActionRefused | None:
    spec = ACTIONS[action]
    if member.role not in spec.roles:
        return ActionRefused(f"your role may not {spec.name} a plan",
                             f"peran Anda tidak berhak: {spec.label.lower()}")
    try:
        next_state(action, plan.tahapan, plan.status)
    except WorkflowError as exc:
        return ActionRefused(exc.en, exc.id)
    if action in ("propose", "submit"):
        return _schedule(plan)
    return None


QUARTER_ACTIONS = ("realisasi_edit", "realisasi_submit", "realisasi_return", "realisasi_accept")


def quarter_status(plan: Plan, triwulan: int) -> str:
    found = LaporanTriwulan.objects.filter(plan=plan, triwulan=triwulan).first()
    return found.status if found is not None else "draf"


def quarter_refusal(user: Any, plan: Plan, action: str, triwulan: int,
                    today: datetime.date | None = None) -> ActionRefused | None:
    """Why ``user`` may not do ``action`` to ``plan``'s report of ``triwulan`` now: the
    agency's planner fills in and submits a quarter of a set plan while it is a draft or
    returned and its schedule (if any) is open; Bappeda's verifier returns or accepts a
    submitted one."""
    if action not in QUARTER_ACTIONS or not 1 <= triwulan <= 4:
        return ActionRefused(f"unknown action '{action}'", f"tindakan '{action}' tidak dikenal")
    member, refused = _member_in_scope(user, plan)
    if refused is not None or member is None:
        return refused
    if plan.status != "ditetapkan":
        return ActionRefused("realisation is reported for a set plan",
                             "realisasi diisi untuk Renja yang sudah ditetapkan")
    status = quarter_status(plan, triwulan)
    label = words.quarter_status(status)
    said = label[:1].lower() + label[1:]  # "diajukan ke Bappeda": the proper noun kept
    if action in ("realisasi_edit", "realisasi_submit"):
        if member.role != Role.PERENCANA:
            return ActionRefused("only the agency's planner reports realisation",
                                 "hanya perencana perangkat daerah yang mengisi realisasi")
        if status not in ("draf", "dikembalikan"):
            return ActionRefused(f"the report of quarter {triwulan} is {status}",
                                 f"laporan triwulan {triwulan} sudah {said}")
        return _quarter_open(plan, triwulan, today)
    if member.role != Role.VERIFIKATOR:
        return ActionRefused("only Bappeda's verifier reviews a quarter's report",
                             "hanya verifikator Bappeda yang memeriksa laporan triwulan")
    if status != "diajukan":
        return ActionRefused(f"the report of quarter {triwulan} is {status}, not submitted",
                             f"laporan triwulan {triwulan} berstatus {said}, belum diajukan")
    return None


def _quarter_open(plan: Plan, triwulan: int, today: datetime.date | None) -> ActionRefused | None:
    entry = Jadwal.objects.filter(pemda_id=plan.perangkat_daerah.pemda_id, tahun=plan.tahun,
                                  tahapan=f"triwulan_{triwulan}").first()
    today = today or timezone.localdate()
    if entry is not None and not entry.mulai <= today <= entry.selesai:
        return ActionRefused(f"quarter {triwulan} is closed by the schedule",
                             f"pengisian triwulan {triwulan} ditutup menurut jadwal "
                             f"({entry.mulai:%d-%m-%Y} s/d {entry.selesai:%d-%m-%Y})")
    return None
