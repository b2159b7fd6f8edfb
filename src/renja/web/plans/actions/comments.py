"""Verification comments: Bappeda opens them on a row or field, anyone of the plan replies,
Bappeda resolves them."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from renja.edit_tables import TABLES, cells, find_row
from renja.errors import RenjaError
from renja.rules.finding import TABLE_LABELS
from renja.text import clean_text
from renja.web.plans.actions import notify
from renja.web.plans.models import AuditEntry, Comment, Plan
from renja.web.plans.permissions import require
from renja.words import ROW_FIELDS

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
    if parent is None:
        _check_place(plan, kode, field, table)
    with transaction.atomic():
        note = Comment.objects.create(plan=plan, author=user, text=text, kode=kode,
                                      field=field, table=table, parent=parent)
        AuditEntry.objects.create(plan=plan, action="renja.catatan.tambah" if parent is None
                                  else "renja.catatan.balas", user=user, kode=kode,
                                  field=field, new=text[:500])
        notify.commented(note)
    return note


def _check_place(plan: Plan, kode: str, field: str, table: str) -> None:
    """A comment names a table of the plan, a row that table has, and one of that row's
    columns."""
    if table != "tc33":
        _check_table_place(plan, kode, field, table)
        return
    if kode:
        codes = {n.kode for n in plan.renja().rencana.walk() if n.kode}
        if kode not in codes:
            raise RenjaError(f"row {kode} is not in the plan",
                             f"baris {kode} tidak ada dalam Renja ini")
    if field and field not in ROW_FIELDS:
        raise RenjaError(f"'{field}' is not a column of T-C.33",
                         f"'{field}' bukan kolom T-C.33")


def _check_table_place(plan: Plan, kode: str, field: str, table: str) -> None:
    if table not in TABLES:
        raise RenjaError(f"unknown table '{table}'", f"tabel '{table}' tidak dikenal")
    if not kode:
        if field:
            raise RenjaError("a column needs its row", "kolom harus disertai barisnya")
        return
    renja = plan.renja()
    index = find_row(renja, table, kode)
    name = TABLE_LABELS[table]
    if index is None:
        raise RenjaError(f"{kode} is not a row of {name}", f"{kode} bukan baris {name}")
    if field and field not in {path for path, _ in cells(renja, table, index)}:
        raise RenjaError(f"'{field}' is not a column of {kode} in {name}",
                         f"'{field}' bukan kolom {kode} pada {name}")


def resolve(note: Comment, user: Any) -> Comment:
    require(user, note.plan, "resolve")
    with transaction.atomic():
        note.resolved = True
        note.save(update_fields=["resolved"])
        AuditEntry.objects.create(plan=note.plan, action="renja.catatan.selesai", user=user,
                                  kode=note.kode, field=note.field, old="terbuka",
                                  new="selesai")
    return note
