"""The head of the agency's signature on the plan they approve: who signs, where and when;
what they typed once is remembered on their membership for the next time."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from renja.domain import Penandatangan, Persetujuan
from renja.errors import RenjaError
from renja.text import clean_text
from renja.web.accounts.members import membership
from renja.web.accounts.models import Membership
from renja.web.plans.models import Plan

_PEMDA_KIND = re.compile(r"^(?:kabupaten|kota|provinsi)\s+", re.IGNORECASE)


@dataclass(frozen=True)
class Signer:
    """What the person typed on the approval form; empty fields fall back to their profile."""

    nama: str = ""
    jabatan: str = ""
    pangkat: str = ""
    nip: str = ""
    tempat: str = ""


def signature(plan: Plan, user: Any, given: Signer) -> Persetujuan:
    member = membership(user)
    jabatan = _clean(given.jabatan, 300) or (member.jabatan if member else "") or \
        f"Kepala {plan.perangkat_daerah.nama}"
    nama = _clean(given.nama, 150) or user.get_full_name() or user.username
    nip = _nip(given.nip) or (member.nip if member else "")
    pangkat = _clean(given.pangkat, 100) or (member.pangkat if member else "")
    tempat = _clean(given.tempat, 100) or _PEMDA_KIND.sub("", plan.perangkat_daerah.pemda.nama)
    return Persetujuan(tempat=tempat, tanggal=timezone.localdate(), penandatangan=Penandatangan(
        jabatan=jabatan, nama=nama, pangkat=pangkat or None, nip=nip or None))


def remember_signer(user: Any, signer: Penandatangan) -> None:
    """Keep the signer's jabatan, pangkat, NIP and name for their next approval."""
    Membership.objects.filter(user=user).update(
        jabatan=signer.jabatan or "", pangkat=signer.pangkat or "", nip=signer.nip or "")
    if signer.nama and signer.nama != user.get_full_name():
        user.first_name, user.last_name = signer.nama[:150], ""
        user.save(update_fields=["first_name", "last_name"])


def _clean(text: str, limit: int) -> str:
    return " ".join(clean_text(text or "").split())[:limit]


def _nip(text: str) -> str:
    """A civil servant's NIP: 18 digits, typed with or without spaces."""
    digits = re.sub(r"[\s.]", "", text or "")
    if digits and not re.fullmatch(r"\d{18}", digits):
        raise RenjaError(f"NIP '{_clean(text, 40)}' must be 18 digits",
                         f"NIP '{_clean(text, 40)}' harus 18 angka, mis. 19700312 199503 2 004")
    return digits
