"""A Renja stored as its canonical JSON (renja/1), with a version for optimistic locking."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models, transaction
from django.db.models import F, QuerySet
from django.db.models.functions import Cast
from django.utils import timezone

from renja.calc.capaian import DEFAULT_BANDS, Band, parse_bands
from renja.clean import without_controls
from renja.diff import diff
from renja.domain import Renja, parse_target
from renja.domain.renstra import PERIOD_YEARS, Renstra
from renja.review import RanwalItem as RanwalLine
from renja.rules import run_checks
from renja.rules.incremental import check_plan, recheck
from renja.text import clean_data, json_has_controls
from renja.web.accounts.models import PerangkatDaerah
from renja.web.plans import checked
from renja.web.plans.json_update import json_text


class StaleVersion(Exception):
    """Someone saved the plan since this edit began."""

    def __init__(self, plan: Plan) -> None:
        super().__init__(f"plan {plan.pk} changed")
        self.plan = plan


class PlanLocked(Exception):
    """A write reached a set (penetapan) plan: refused here too, whatever the caller checked."""

    def __init__(self, plan: Plan) -> None:
        super().__init__(f"plan {plan.pk} is set and locked")
        self.plan = plan


class Plan(models.Model):
    perangkat_daerah = models.ForeignKey(PerangkatDaerah, on_delete=models.CASCADE,
                                         related_name="plans")
    tahun = models.PositiveIntegerField()
    revisi = models.PositiveIntegerField(default=0, help_text="0, or the perubahan number")
    tahapan = models.CharField(max_length=30, default="rancangan_awal")
    status = models.CharField(max_length=20, default="draf")
    published = models.BooleanField(default=False)
    n_errors = models.PositiveIntegerField(default=0)
    n_warnings = models.PositiveIntegerField(default=0)
    data = models.JSONField(help_text="The plan in the renja/1 format")
    total_pagu_n = models.BigIntegerField(null=True, blank=True)
    """T-C.33's total pagu of the year, from ``data``: lists read it without the JSON."""
    is_contoh = models.BooleanField(default=False)
    """Synthetic demo data (``data["contoh"]``), for lists that do not read the JSON."""
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(default=timezone.now)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, blank=True, related_name="+")

    class Meta:
        ordering = ["perangkat_daerah__nama", "-tahun"]
        constraints = [models.UniqueConstraint(fields=["perangkat_daerah", "tahun", "revisi"],
                                               name="plan_unique_revision")]

    def __str__(self) -> str:
        suffix = f" (perubahan {self.revisi})" if self.revisi else ""
        return f"Renja {self.perangkat_daerah} {self.tahun}{suffix}"

    def renja(self) -> Renja:
        """The plan's data parsed: a new copy for each call. Where the JSON was not read with
        the row, it is read as text and parsed in one pass (pydantic's JSON parser), never
        turned into Python data first."""
        if "data" in self.get_deferred_fields():
            text = Plan.objects.filter(pk=self.pk).values_list(
                Cast("data", models.TextField()), flat=True).get()
            return Renja.model_validate_json(text)
        return Renja.model_validate(self.data)

    def renstra_record(self, data: bool = True) -> AgencyRenstra | None:
        """The agency's Renstra whose period holds this plan's year (without ``data``: its
        JSON read only when asked for)."""
        return renstra_covering(self.perangkat_daerah_id, self.tahun, data)

    @property
    def locked(self) -> bool:
        """A set plan (penetapan) is locked for good; a perubahan is a new plan."""
        return self.tahapan == "penetapan" or self.status == "ditetapkan"

    @classmethod
    def create_from(cls, renja: Renja, **fields: object) -> Plan:
        """A new plan holding ``renja``, with its findings counted."""
        agency = fields.get("perangkat_daerah")
        record = renstra_covering(agency.pk, renja.tahun) if isinstance(
            agency, PerangkatDaerah) else None
        findings = run_checks(renja, renstra=record.renstra() if record else None)
        return cls.objects.create(
            data=cls.dump(renja), tahun=renja.tahun,
            n_errors=sum(1 for f in findings if f.severity == "error"),
            n_warnings=sum(1 for f in findings if f.severity == "warning"), **fields)

    def save(self, *args: Any, **kwargs: Any) -> None:
        if "data" not in self.get_deferred_fields():
            self.total_pagu_n, self.is_contoh = summary(self.data)
            fields = kwargs.get("update_fields")
            if fields is not None and "data" in fields:
                kwargs["update_fields"] = {*fields, "total_pagu_n", "is_contoh"}
        super().save(*args, **kwargs)

    @property
    def contoh(self) -> bool:
        """Synthetic demo data, not a real agency's plan: from the ``contoh_flag`` a list
        annotates (see :func:`with_contoh`), else from the plan's data."""
        flag = getattr(self, "contoh_flag", None)
        if flag is not None:
            return flag in (True, 1, "1", "true", "True")
        deferred = self.get_deferred_fields()
        if "data" in deferred:
            return "is_contoh" not in deferred and self.is_contoh
        return bool(isinstance(self.data, dict) and self.data.get("contoh"))

    @staticmethod
    def dump(renja: Renja) -> dict[str, object]:
        """The renja/1 JSON of ``renja`` as Python data (what ``renja export`` writes), without
        the control characters that no document format or PostgreSQL text can hold."""
        data: dict[str, object] = clean_data(  # type: ignore[assignment]
            renja.model_dump(mode="json", exclude_none=True))
        return data

    def store(self, renja: Renja, user: object, expected_version: int, via: str = "ui",
              before: Renja | None = None) -> None:
        """Save ``renja`` if nobody saved since ``expected_version``; else :class:`StaleVersion`.

        Persistence only: who may write and when is decided by the actions
        (:mod:`renja.web.plans.actions`), which call this inside their transaction. A set plan
        is refused here too (:class:`PlanLocked`).

        ``before``: the plan as stored, parsed, that ``renja`` was changed from (read again when
        not given): rules that read nothing the change touched are not run again, nor, when
        ``renja`` is a :func:`renja.edit_copy.row_copy` of it, the per-row rules on the rows it
        did not touch (:func:`renja.rules.incremental.recheck`).

        ``renja`` is kept as the saved plan's parsed data for pages to show: do not change it
        after storing it.

        Every changed value is written to the audit trail (who, when, old → new, via what).
        """
        if self.locked:
            raise PlanLocked(self)
        before = before if before is not None else checked.read_only(self)
        text = renja.model_dump_json(exclude_none=True)
        data: dict[str, Any] | None = None
        if json_has_controls(text):
            renja, data = without_controls(renja)
        with transaction.atomic(savepoint=False):  # inside an action's transaction: its own
            now = timezone.now()
            renstra, stamp = checked.renstra_of(self)
            previous = checked.checks(self, stamp)
            result = recheck(previous, before, renja) if previous is not None else \
                check_plan(renja, renstra=renstra)
            errors = sum(1 for f in result.findings if f.severity == "error")
            warnings = sum(1 for f in result.findings if f.severity == "warning")
            total = renja.rencana.total.pagu_n if renja.rencana.total else None
            changed = Plan.objects.filter(pk=self.pk, version=expected_version).exclude(
                tahapan="penetapan").exclude(status="ditetapkan").update(
                data=json_text(text) if data is None else data,
                version=expected_version + 1, updated_at=now, updated_by=user,
                n_errors=errors, n_warnings=warnings, total_pagu_n=total,
                is_contoh=renja.contoh)
            if not changed:
                self.refresh_from_db()
                if self.locked:
                    raise PlanLocked(self)
                raise StaleVersion(self)
            AuditEntry.objects.bulk_create([
                AuditEntry(plan=self, action="renja.nilai.ubah", user=user, at=now, via=via,
                           table=c.table, kode=c.kode or "", nama=c.nama[:300],
                           field=c.field or c.kind, old=c.old or "", new=c.new or "")
                for c in diff(before, renja)])
        if data is None:
            self.__dict__.pop("data", None)  # read again if asked for
        else:
            self.data = data
        self.version, self.updated_at, self.updated_by = expected_version + 1, now, user
        self.n_errors, self.n_warnings = errors, warnings
        self.total_pagu_n, self.is_contoh = total, renja.contoh
        checked.remember(self, result.findings, renja, stamp=stamp, checked=result)


class PendingImport(models.Model):
    """An uploaded file read and checked, waiting for the user to confirm or cancel."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="+")
    perangkat_daerah = models.ForeignKey(PerangkatDaerah, on_delete=models.CASCADE,
                                         related_name="+")
    file_name = models.CharField(max_length=300)
    data = models.JSONField()
    report = models.JSONField(default=list)
    created_at = models.DateTimeField(default=timezone.now)


class PlanVersion(models.Model):
    """A snapshot of the plan at a transition (and at import)."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    label = models.CharField(max_length=200)
    tahapan = models.CharField(max_length=30)
    status = models.CharField(max_length=20)
    data = models.JSONField()
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, blank=True, related_name="+")

    class Meta:
        ordering = ["plan", "number"]
        constraints = [models.UniqueConstraint(fields=["plan", "number"],
                                               name="version_unique_number")]


class Transition(models.Model):
    """One step of the planning cycle: who moved the plan from where to where, and why."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="transitions")
    action = models.CharField(max_length=30)
    from_tahapan = models.CharField(max_length=30)
    from_status = models.CharField(max_length=20)
    to_tahapan = models.CharField(max_length=30)
    to_status = models.CharField(max_length=20)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                             related_name="+")
    at = models.DateTimeField(default=timezone.now)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "pk"]


class AuditQuerySet(models.QuerySet["AuditEntry"]):
    """Entries are only ever added: bulk updates and deletes are refused (the database refuses
    them too, see the migration ``0002``)."""

    def update(self, **kwargs: object) -> int:
        raise ValueError("audit entries cannot be changed")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise ValueError("audit entries cannot be deleted")


class AuditEntry(models.Model):
    """An entry of the audit trail; written once, never changed.

    Of a plan (``plan``), or of the pemda's administration (``pemda``: agencies, users,
    ceilings, schedule, ranwal RKPD). A plan with an audit trail cannot be deleted.
    """

    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="audit", null=True,
                             blank=True)
    pemda = models.ForeignKey("accounts.Pemda", on_delete=models.PROTECT, null=True,
                              blank=True, related_name="audit")
    action = models.CharField(max_length=50, help_text="Dotted: renja.renja.submit …")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                             null=True, related_name="+")
    at = models.DateTimeField(default=timezone.now)
    via = models.CharField(max_length=10, default="ui", help_text="ui, api, import, cli")
    table = models.CharField(max_length=20, blank=True)
    kode = models.CharField(max_length=30, blank=True)
    nama = models.CharField(max_length=300, blank=True)
    field = models.CharField(max_length=100, blank=True)
    old = models.TextField(blank=True)
    new = models.TextField(blank=True)
    note = models.TextField(blank=True)

    objects = AuditQuerySet.as_manager()

    class Meta:
        ordering = ["at", "pk"]

    def save(self, *args: object, **kwargs: object) -> None:
        if self.pk is not None:
            raise ValueError("audit entries cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args: object, **kwargs: object) -> tuple[int, dict[str, int]]:
        raise ValueError("audit entries cannot be deleted")


class Comment(models.Model):
    """A verification note on the plan, a table, a row or a field; replies hang below it."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="comments")
    parent = models.ForeignKey("self", on_delete=models.CASCADE, null=True, blank=True,
                               related_name="replies")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                               related_name="+")
    table = models.CharField(max_length=20, blank=True, default="tc33")
    kode = models.CharField(max_length=30, blank=True)
    field = models.CharField(max_length=50, blank=True)
    text = models.TextField()
    resolved = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]


class Jadwal(models.Model):
    """When a stage of the cycle is open, per pemda and year (set by the admin pemda)."""

    pemda = models.ForeignKey("accounts.Pemda", on_delete=models.CASCADE, related_name="jadwal")
    tahun = models.PositiveIntegerField()
    tahapan = models.CharField(max_length=30)
    mulai = models.DateField()
    selesai = models.DateField()

    class Meta:
        ordering = ["tahun", "mulai"]
        constraints = [models.UniqueConstraint(fields=["pemda", "tahun", "tahapan"],
                                               name="jadwal_unique_stage")]


class RanwalItem(models.Model):
    """A line of the ranwal RKPD for an agency and year (entered or imported by the admin)."""

    perangkat_daerah = models.ForeignKey(PerangkatDaerah, on_delete=models.CASCADE,
                                         related_name="ranwal")
    tahun = models.PositiveIntegerField()
    kode = models.CharField(max_length=30)
    nama = models.CharField(max_length=500)
    indikator = models.CharField(max_length=500, blank=True)
    target = models.CharField(max_length=100, blank=True)
    pagu = models.BigIntegerField(null=True, blank=True)
    lokasi = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["kode"]
        constraints = [models.UniqueConstraint(fields=["perangkat_daerah", "tahun", "kode"],
                                               name="ranwal_unique_code")]


def with_contoh(plans: QuerySet[Plan]) -> QuerySet[Plan]:
    """Plans with whether each is synthetic demo data (lists defer the plan data itself)."""
    return plans.annotate(contoh_flag=F("is_contoh"))


def summary_fields(data: object) -> dict[str, object]:
    """:func:`summary` as the fields of an ``update()``."""
    total, contoh = summary(data)
    return {"total_pagu_n": total, "is_contoh": contoh}


def summary(data: object) -> tuple[int | None, bool]:
    """What lists show of a plan without reading its JSON: T-C.33's total pagu of the year,
    and whether it is demo data."""
    if not isinstance(data, dict):
        return None, False
    rencana = data.get("rencana")
    total = rencana.get("total") if isinstance(rencana, dict) else None
    pagu = total.get("pagu_n") if isinstance(total, dict) else None
    return (pagu if isinstance(pagu, int) else None), bool(data.get("contoh"))


def ranwal_items(plan: Plan) -> list[RanwalLine]:
    """The ranwal RKPD lines of ``plan``'s agency and year, as the core reads them."""
    return ranwal_of(plan.perangkat_daerah, plan.tahun)


def ranwal_of(agency: PerangkatDaerah, tahun: int) -> list[RanwalLine]:
    """The ranwal RKPD lines of an agency and year, as the core reads them."""
    return [RanwalLine(kode=r.kode, nama=r.nama, indikator=r.indikator,
                 target=parse_target(r.target) if r.target else None, pagu=r.pagu,
                 lokasi=r.lokasi)
            for r in RanwalItem.objects.filter(perangkat_daerah=agency, tahun=tahun)]


class Notification(models.Model):
    """Something a person should know about a plan: returned, accepted, commented on, set …;
    unread until they open it."""

    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                  related_name="notifications")
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="notifications")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                              related_name="+")
    kind = models.CharField(max_length=50, help_text="The audit action: renja.renja.return …")
    text = models.CharField(max_length=500)
    anchor = models.CharField(max_length=100, blank=True, help_text="Where on the plan page")
    page = models.CharField(max_length=200, blank=True,
                            help_text="Another page of the plan than its main one")
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["recipient", "read_at"], name="notification_unread")]


QUARTER_STATUSES = ("draf", "diajukan", "dikembalikan", "diterima")


class PlanRealisasi(models.Model):
    """A set plan's quarterly realisation (the renja-realisasi/1 format), one per plan."""

    plan = models.OneToOneField(Plan, on_delete=models.CASCADE, related_name="realisasi")
    data = models.JSONField(help_text="renja-realisasi/1")
    version = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(default=timezone.now)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, related_name="+")


class LaporanTriwulan(models.Model):
    """Where a quarter's report stands: drafted by the agency, submitted, returned by Bappeda
    (with its note) or accepted, after which it is read-only."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="laporan")
    triwulan = models.PositiveSmallIntegerField()
    status = models.CharField(max_length=20, default="draf")
    catatan = models.TextField(blank=True, help_text="Bappeda's note of the last return")
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["plan", "triwulan"],
                                               name="laporan_unique_quarter")]


class SkalaPredikat(models.Model):
    """A pemda's evaluation settings for a year: its predikat bands as written (``Sangat
    Tinggi ≥ 91`` per line) and whether its E.81 carries the optional columns."""

    pemda = models.ForeignKey("accounts.Pemda", on_delete=models.CASCADE,
                              related_name="skala_predikat")
    tahun = models.PositiveIntegerField()
    teks = models.TextField()
    kolom_tambahan = models.BooleanField(
        default=False, help_text="E.81 with (16) tingkat capaian Renja and (17) keterangan")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["pemda", "tahun"],
                                               name="skala_unique_year")]


def bands_for(plan: Plan) -> tuple[Band, ...]:
    """The predikat bands of the plan's pemda and year, else the default ones."""
    return bands_of(plan.perangkat_daerah.pemda_id, plan.tahun)


def e81_extra(plan: Plan) -> bool:
    """Whether the plan's pemda prints E.81 with the optional columns for its year."""
    return SkalaPredikat.objects.filter(pemda_id=plan.perangkat_daerah.pemda_id,
                                        tahun=plan.tahun, kolom_tambahan=True).exists()


def bands_of(pemda_id: int, tahun: int) -> tuple[Band, ...]:
    """The predikat bands a pemda set for a year, else the default ones."""
    found = SkalaPredikat.objects.filter(pemda_id=pemda_id, tahun=tahun).first()
    return parse_bands(found.teks) if found is not None else DEFAULT_BANDS


class AgencyRenstra(models.Model):
    """An agency's Renstra for a five-year period (renja-renstra/1), its T-C.27 as data."""

    perangkat_daerah = models.ForeignKey(PerangkatDaerah, on_delete=models.CASCADE,
                                         related_name="renstra")
    tahun_awal = models.PositiveIntegerField()
    data = models.JSONField(help_text="renja-renstra/1")
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(default=timezone.now)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, related_name="+")

    class Meta:
        ordering = ["perangkat_daerah__nama", "-tahun_awal"]
        constraints = [models.UniqueConstraint(fields=["perangkat_daerah", "tahun_awal"],
                                               name="renstra_unique_period")]

    @property
    def tahun_akhir(self) -> int:
        return self.tahun_awal + PERIOD_YEARS - 1

    def renstra(self) -> Renstra:
        return Renstra.model_validate(self.data)


def renstra_covering(agency_id: int, tahun: int, data: bool = True) -> AgencyRenstra | None:
    """The agency's Renstra whose period holds ``tahun`` (the latest, if periods overlap)."""
    found = AgencyRenstra.objects.filter(perangkat_daerah_id=agency_id, tahun_awal__lte=tahun,
                                         tahun_awal__gt=tahun - PERIOD_YEARS)
    return (found if data else found.defer("data")).order_by("-tahun_awal").first()


class Job(models.Model):
    """Long work done in the background (a queue worker, or a thread of the web process
    without Redis): what it is, how far it got, why it failed, what it made."""

    class Status(models.TextChoices):
        ANTRI = "antri", "Menunggu giliran"
        BERJALAN = "berjalan", "Sedang berjalan"
        SELESAI = "selesai", "Selesai"
        GAGAL = "gagal", "Gagal"

    kind = models.CharField(max_length=40)
    pemda = models.ForeignKey("accounts.Pemda", on_delete=models.CASCADE, related_name="jobs")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                   related_name="+")
    params = models.JSONField(default=dict)
    upload = models.BinaryField(null=True, editable=False)
    """The file the job reads (a ZIP of documents), kept here so any worker can read it."""
    upload_name = models.CharField(max_length=255, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.ANTRI)
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    step = models.CharField(max_length=255, blank=True)
    message = models.TextField(blank=True)
    """Why it failed, or what it did."""
    result = models.BinaryField(null=True, editable=False)
    result_name = models.CharField(max_length=255, blank=True)
    link = models.CharField(max_length=255, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateTimeField(null=True)
    finished_at = models.DateTimeField(null=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    @property
    def percent(self) -> int:
        if self.status == self.Status.SELESAI:
            return 100
        return 100 * self.done // self.total if self.total else 0

    @property
    def finished(self) -> bool:
        return self.status in (self.Status.SELESAI, self.Status.GAGAL)
