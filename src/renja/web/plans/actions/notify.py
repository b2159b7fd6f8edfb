"""Telling people what happened to a plan of theirs: a notification for each person concerned
(never the one who did it), and an e-mail too when the server has mail set up (RENJA_MAIL).

Who is told: the head of the agency when a draft is proposed; the planners when it is returned
(by the head or by Bappeda), accepted, set, commented on or opened for perubahan; Bappeda's
verifiers when a plan is submitted or set; the author of a comment when someone replies.
"""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from renja import words
from renja.web.accounts.models import Membership, Role
from renja.web.plans.models import Comment, Notification, Plan

log = logging.getLogger(__name__)

PLANNER, HEAD, VERIFIER = str(Role.PERENCANA), str(Role.KEPALA), str(Role.VERIFIKATOR)
AGENCY = (PLANNER, HEAD)
TOLD: dict[str, tuple[str, ...]] = {
    "propose": (HEAD,),
    "decline": (PLANNER,),
    "submit": (PLANNER, VERIFIER),
    "return": (PLANNER, HEAD),
    "accept": (PLANNER, HEAD),
    "set": (PLANNER, HEAD, VERIFIER),
    "perubahan": (PLANNER, HEAD),
    "comment": (PLANNER, HEAD),
}


def recipients(plan: Plan, roles: tuple[str, ...], actor: Any) -> list[Any]:
    """The active people of the plan's agency (planner, head) or pemda (Bappeda) in ``roles``,
    without the one who acted."""
    agency_roles = [r for r in roles if r in AGENCY]
    pemda_roles = [r for r in roles if r not in AGENCY]
    members = Membership.objects.filter(
        Q(perangkat_daerah_id=plan.perangkat_daerah_id, role__in=agency_roles)
        | Q(pemda_id=plan.perangkat_daerah.pemda_id, role__in=pemda_roles),
        user__is_active=True).exclude(user=actor).select_related("user")
    return [m.user for m in members]


def step_taken(plan: Plan, action: str, actor: Any, note: str = "") -> int:
    """Tell the people concerned that ``action`` moved ``plan``; the number told."""
    name = _name(actor)
    title = _title(plan)
    texts = {
        "propose": f"{name} mengajukan {title} untuk Anda setujui",
        "decline": f"{name} mengembalikan {title} ke perencana",
        "submit": f"{name} menyetujui {title} dan mengajukannya ke Bappeda",
        "return": f"{name} mengembalikan {title}",
        "accept": f"{name} menerima {title}; tahapan kini {words.stage(plan.tahapan)}",
        "set": f"{title} ditetapkan",
        "perubahan": f"Perubahan {plan.revisi} {title} dibuka",
    }
    text = texts[action] + (f": {note}" if note else "")
    anchor = "alasan-kembali" if action in ("return", "decline") else "siklus"
    return _send(plan, actor, f"renja.renja.{action}", text, anchor,
                 recipients(plan, TOLD[action], actor))


def commented(note: Comment) -> int:
    """A new comment tells the agency; a reply tells the comment's author."""
    plan, actor = note.plan, note.author
    kode = note.kode or (note.parent.kode if note.parent else "")
    where = f" pada {kode}" if kode else ""
    text = f"{_name(actor)} {'membalas catatan' if note.parent else 'memberi catatan'}" \
           f"{where} di {_title(plan)}: {note.text}"
    if note.parent is None:
        people = recipients(plan, TOLD["comment"], actor)
    else:
        people = [note.parent.author] if note.parent.author_id != actor.pk else []
    kind = "renja.catatan.balas" if note.parent else "renja.catatan.tambah"
    return _send(plan, actor, kind, text, "catatan", people)


def quarter_step(plan: Plan, triwulan: int, action: str, actor: Any, note: str = "") -> int:
    """A quarter's report submitted tells Bappeda's verifiers; returned or accepted, the
    planners."""
    roman = ("I", "II", "III", "IV")[triwulan - 1]
    what = f"laporan realisasi triwulan {roman} {_title(plan)}"
    text, roles = {
        "realisasi_submit": (f"{_name(actor)} mengajukan {what}", (VERIFIER,)),
        "realisasi_return": (f"{_name(actor)} mengembalikan {what}", (PLANNER,)),
        "realisasi_accept": (f"{_name(actor)} menerima {what}", (PLANNER,)),
    }[action]
    text += f": {note}" if note else ""
    kind = {"realisasi_submit": "renja.realisasi.ajukan",
            "realisasi_return": "renja.realisasi.kembalikan",
            "realisasi_accept": "renja.realisasi.terima"}[action]
    return _send(plan, actor, kind, text, f"triwulan-{triwulan}",
                 recipients(plan, roles, actor), f"/renja/{plan.pk}/realisasi/?tw={triwulan}")


def mark_read(user: Any, notification: Notification) -> Notification:
    if notification.recipient_id != user.pk:
        raise PermissionError("not yours")
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return notification


def mark_all_read(user: Any) -> int:
    return Notification.objects.filter(recipient=user, read_at=None).update(
        read_at=timezone.now())


def _send(plan: Plan, actor: Any, kind: str, text: str, anchor: str, people: list[Any],
          page: str = "") -> int:
    text = text[:500]
    Notification.objects.bulk_create([
        Notification(recipient=person, plan=plan, actor=actor, kind=kind, text=text,
                     anchor=anchor, page=page) for person in people])
    mailed = [p.email for p in people if p.email]
    if settings.RENJA_MAIL and mailed:
        link = f"{settings.RENJA_BASE_URL}{page or f'/renja/{plan.pk}/'}#{anchor}"
        transaction.on_commit(lambda: _mail(text, link, mailed))
    return len(people)


def _mail(text: str, link: str, to: list[str]) -> None:
    """One message per person; a mail server that fails is logged, never the user's problem."""
    for address in to:
        try:
            send_mail(f"[renja] {text[:120]}", f"{text}\n\nBuka: {link}\n",
                      settings.DEFAULT_FROM_EMAIL, [address])
        except OSError as exc:
            log.warning("mail to %s failed: %s", address, exc)


def _name(user: Any) -> str:
    return user.get_full_name() or user.username


def _title(plan: Plan) -> str:
    agency = plan.perangkat_daerah
    return f"Renja {agency.singkatan or agency.nama} {plan.tahun}"
