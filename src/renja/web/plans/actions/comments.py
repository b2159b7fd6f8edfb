"""Verification comments: Bappeda opens them on a row or field, anyone of the plan replies,
Bappeda resolves them."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from renja.errors import RenjaError
from renja.text import clean_text
from renja.web.plans.models import AuditEntry, Comment, Plan
from renja.web.plans.permissions import require

TEXT_MAX = 5000


def comment(plan: Plan, user: Any, text: str, kode: str = "", field: str = "",
            table: str = "tc33", parent: Comment | None = None) -> Comment:
    text = clean_text(text).strip()
    if not text:
        raise RenjaError("a comment needs text", "catatan tidak boleh kosong")
    if len(text) > TEXT_MAX:
        raise RenjaError(f"a comment has at most {TEXT_MAX} characters",
                            f"catatan paling panjang {TEXT_MAX} karakter")
    require(user, plan, "comment" if parent is None else "reply")
    kode, field, table = (clean_text(v).strip()[:n] for v, n in ((kode, 30), (field, 50),
                                                                  (table, 20)))
    with transaction.atomic():
        note = Comment.objects.create(plan=plan, author=user, text=text, kode=kode,
                                      field=field, table=table, parent=parent)
        AuditEntry.objects.create(plan=plan, action="renja.catatan.tambah" if parent is None
                                  else "renja.catatan.balas", user=user, kode=kode,
                                  field=field, new=text[:500])
    return note


def resolve(note: Comment, user: Any) -> Comment:
    require(user, note.plan, "resolve")
    with transaction.atomic():
        note.resolved = True
        note.save(update_fields=["resolved"])
        AuditEntry.objects.create(plan=note.plan, action="renja.catatan.selesai", user=user,
                                  kode=note.kode, field=note.field, old="terbuka",
                                  new="selesai")
    return note
