"""An agency's Renstra (T-C.27): read from a workbook or JSON, and edited row by row. The
agency's planner (or the admin pemda) writes; every value changed goes to the pemda's audit
trail; the findings of the agency's plans in the period are counted again."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils import timezone

from renja.domain.renstra import PERIOD_YEARS, Renstra, RenstraRow
from renja.domain.target import Target, format_target, parse_target
from renja.errors import RenjaError
from renja.io.renstra import read_renstra_file
from renja.numbers import format_rupiah, parse_rupiah
from renja.rules import run_checks
from renja.text import clean_text
from renja.web.accounts.members import membership
from renja.web.accounts.models import Membership, PerangkatDaerah, Role
from renja.web.plans.models import AgencyRenstra, AuditEntry, Plan
from renja.web.plans.permissions import ActionRefused, NotFound

WRITERS = (Role.PERENCANA, Role.ADMIN)


class StaleRenstra(RenjaError):
    """Someone saved the Renstra after this person opened it (409)."""

    code = "versi"

    def __init__(self) -> None:
        super().__init__("the Renstra was changed by someone else after you opened it",
                         "Renstra ini sudah diubah orang lain setelah Anda membukanya; "
                         "perubahan Anda belum disimpan. Nilai yang Anda ketik masih ada: "
                         "muat ulang halaman untuk melihat perubahan itu, lalu ulangi.")


def writer_for(user: Any, agency: PerangkatDaerah) -> Membership:
    """The person's membership if they may write this agency's Renstra: its planner, or the
    admin of its pemda; else refused."""
    member = membership(user)
    if member is None or member.pemda_id != agency.pemda_id:
        raise NotFound("no such agency in your pemda",
                       "perangkat daerah tidak ditemukan di pemda Anda")
    if member.role not in WRITERS or (member.agency_bound and
                                      member.perangkat_daerah_id != agency.pk):
        raise ActionRefused("only the agency's planner or the admin pemda may change its "
                            "Renstra",
                            "hanya perencana perangkat daerah ini atau admin pemda yang dapat "
                            "mengubah Renstra-nya")
    return member


def import_renstra(user: Any, agency: PerangkatDaerah, path: Path,
                   tahun_awal: int | None = None) -> tuple[AgencyRenstra, bool]:
    """Read ``path`` and store it as the agency's Renstra for its period (replacing the one of
    the same period); (the record, whether it is new). Nothing is stored if anything is
    wrong."""
    member = writer_for(user, agency)
    found = read_renstra_file(path, tahun_awal, agency.nama, member.pemda.nama)
    with transaction.atomic():
        record = AgencyRenstra.objects.select_for_update().filter(
            perangkat_daerah=agency, tahun_awal=found.tahun_awal).first()
        created = record is None
        data = found.model_dump(mode="json", exclude_none=True)
        now = timezone.now()
        if record is None:
            record = AgencyRenstra.objects.create(perangkat_daerah=agency,
                                                  tahun_awal=found.tahun_awal, data=data,
                                                  updated_at=now, updated_by=user)
        else:
            record.data, record.version = data, record.version + 1
            record.updated_at, record.updated_by = now, user
            record.save()
        AuditEntry.objects.create(
            pemda=member.pemda, action="renja.renstra.impor", user=user, at=now, via="import",
            table="tc27", nama=f"Renstra {agency.nama} {found.tahun_awal}–{found.tahun_akhir}",
            field="berkas", new=path.name[:500])
        recount(record, found)
    return record, created


FIELDS_K = ("kondisi_awal", *[f"target_{i}" for i in range(1, PERIOD_YEARS + 1)],
            "kondisi_akhir")
FIELDS_RP = (*[f"pagu_{i}" for i in range(1, PERIOD_YEARS + 1)], "pagu_akhir")


def save_row(pk: int, user: Any, index: int, values: dict[str, str], version: object
             ) -> AgencyRenstra:
    """Store what was typed for row ``index``: its unit, lokasi, money per year and at the
    end (``pagu_1`` … ``pagu_akhir``), and per indicator ``i`` its targets
    (``i:kondisi_awal``, ``i:target_1`` … ``i:kondisi_akhir``). All or nothing."""
    with transaction.atomic():
        try:
            record = AgencyRenstra.objects.select_for_update().select_related(
                "perangkat_daerah__pemda").get(pk=pk)
        except AgencyRenstra.DoesNotExist as exc:
            raise NotFound("no such Renstra", "Renstra tidak ditemukan") from exc
        member = writer_for(user, record.perangkat_daerah)
        if str(version) != str(record.version):
            raise StaleRenstra()
        renstra = record.renstra()
        if not 0 <= index < len(renstra.rows):
            raise NotFound("no such row", "baris tidak ditemukan")
        row = renstra.rows[index]
        changes = _apply(row, values, renstra.tahun)
        if not changes:
            return record
        now = timezone.now()
        record.data = renstra.model_dump(mode="json", exclude_none=True)
        record.version += 1
        record.updated_at, record.updated_by = now, user
        record.save()
        AuditEntry.objects.bulk_create([
            AuditEntry(pemda=member.pemda, action="renja.renstra.ubah", user=user, at=now,
                       table="tc27", kode=row.kode or "", nama=row.nama[:300], field=field,
                       old=old, new=new) for field, old, new in changes])
        recount(record, renstra)
    return record


def _apply(row: RenstraRow, values: dict[str, str], years: list[int]
           ) -> list[tuple[str, str, str]]:
    """Change ``row`` as typed; the changes (field, old, new); RenjaError naming the field."""
    changes: list[tuple[str, str, str]] = []
    for field in ("unit", "lokasi"):
        if field in values:
            text = clean_text(values[field]).strip()[:300] or None
            if text != getattr(row, field):
                changes.append((field, getattr(row, field) or "", text or ""))
                setattr(row, field, text)
    pagu = list(row.pagu)
    for i, field in enumerate(FIELDS_RP):
        if field not in values:
            continue
        old = pagu[i] if i < PERIOD_YEARS else row.pagu_akhir
        new = _money(values[field], _money_label(field, years))
        if new == old:
            continue
        changes.append((field, format_rupiah(old), format_rupiah(new)))
        if i < PERIOD_YEARS:
            pagu[i] = new
        else:
            row.pagu_akhir = new
    row.pagu = pagu
    indicators = list(row.indikator)
    for n, ind in enumerate(indicators):
        targets = list(ind.target)
        for field in FIELDS_K:
            key = f"{n}:{field}"
            if key not in values:
                continue
            label = _k_label(field, years)
            new_target = _target(values[key], ind.satuan, f"{ind.nama[:60]}: {label}")
            old_target = _get(ind, targets, field)
            if _shown(new_target) == _shown(old_target):
                continue
            changes.append((f"{ind.nama[:60]} · {label}", _shown(old_target),
                            _shown(new_target)))
            if field.startswith("target_"):
                targets[int(field[-1]) - 1] = new_target
            else:
                setattr(ind, field, new_target)
        ind.target = targets
    row.indikator = indicators
    return changes


def _get(ind: Any, targets: list[Target | None], field: str) -> Target | None:
    if field.startswith("target_"):
        return targets[int(field[-1]) - 1]
    found: Target | None = getattr(ind, field)
    return found


def _shown(target: Target | None) -> str:
    return format_target(target) if target is not None else ""


def _k_label(field: str, years: list[int]) -> str:
    if field.startswith("target_"):
        return f"target {years[int(field[-1]) - 1]}"
    return field.replace("_", " ")


def _money_label(field: str, years: list[int]) -> str:
    return "Rp akhir periode" if field == "pagu_akhir" else f"Rp {years[int(field[-1]) - 1]}"


def _money(text: str, label: str) -> int | None:
    text = text.strip()
    if not text:
        return None
    try:
        return parse_rupiah(text)
    except RenjaError as exc:
        raise RenjaError(f"{label}: {exc.message('en')}", f"{label}: {exc.message('id')}"
                         ) from exc


def _target(text: str, satuan: str | None, label: str) -> Target | None:
    text = " ".join(text.split())
    if not text:
        return None
    if satuan and text.replace(".", "").replace(",", "").isdigit():
        text = f"{text} {satuan}"
    try:
        return parse_target(text)
    except RenjaError as exc:
        raise RenjaError(f"{label}: {exc.message('en')}", f"{label}: {exc.message('id')}"
                         ) from exc


def recount(record: AgencyRenstra, renstra: Renstra) -> None:
    """The agency's plans in the Renstra's period counted again against it (their findings
    are cached per Renstra version, so only the stored counts need refreshing)."""
    plans = Plan.objects.filter(perangkat_daerah_id=record.perangkat_daerah_id,
                                tahun__gte=record.tahun_awal, tahun__lte=record.tahun_akhir)
    for plan in plans:
        if plan.renstra_record() != record:
            continue  # a later Renstra covers this year
        findings = run_checks(plan.renja(), renstra=renstra)
        Plan.objects.filter(pk=plan.pk).update(
            n_errors=sum(1 for f in findings if f.severity == "error"),
            n_warnings=sum(1 for f in findings if f.severity == "warning"))

