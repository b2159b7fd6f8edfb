"""Governments, their agencies, and what each person may do (one membership per user)."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Pemda(models.Model):
    nama = models.CharField(max_length=200, unique=True)
    jenis = models.CharField(max_length=20, blank=True)
    provinsi = models.CharField(max_length=200, blank=True)
    slug = models.SlugField(unique=True)

    class Meta:
        verbose_name_plural = "pemda"
        ordering = ["nama"]

    def __str__(self) -> str:
        return self.nama


class PerangkatDaerah(models.Model):
    pemda = models.ForeignKey(Pemda, on_delete=models.CASCADE, related_name="perangkat_daerah")
    nama = models.CharField(max_length=300)
    singkatan = models.CharField(max_length=50, blank=True)
    bidang = models.CharField(max_length=10, blank=True, help_text="Primary bidang, e.g. 5.03")
    bidang_lain = models.CharField(
        max_length=200, blank=True,
        help_text="Other bidang urusan it holds a mandate for, comma separated: 5.04, 5.05")

    class Meta:
        verbose_name_plural = "perangkat daerah"
        ordering = ["nama"]
        constraints = [models.UniqueConstraint(fields=["pemda", "nama"], name="pd_unique_name")]

    def __str__(self) -> str:
        return self.singkatan or self.nama

    @property
    def mandat(self) -> tuple[str, ...]:
        """Every bidang urusan it holds, its primary bidang first."""
        others = [b.strip() for b in self.bidang_lain.split(",") if b.strip()]
        return tuple(dict.fromkeys([b for b in (self.bidang, *others) if b]))


class Role(models.TextChoices):
    PERENCANA = "perencana", "Perencana OPD"
    KEPALA = "kepala", "Kepala OPD"
    VERIFIKATOR = "verifikator", "Verifikator Bappeda"
    ADMIN = "admin", "Admin pemda"


class Membership(models.Model):
    """A person's role: in one agency (perencana, kepala) or across one pemda (others)."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="membership")
    role = models.CharField(max_length=20, choices=Role.choices)
    pemda = models.ForeignKey(Pemda, on_delete=models.CASCADE, related_name="members")
    perangkat_daerah = models.ForeignKey(PerangkatDaerah, on_delete=models.CASCADE, null=True,
                                         blank=True, related_name="members")
    jabatan = models.CharField(max_length=300, blank=True,
                               help_text="As signed, e.g. Kepala Dinas Perhubungan")
    pangkat = models.CharField(max_length=100, blank=True, help_text="e.g. Pembina Tingkat I")
    nip = models.CharField(max_length=18, blank=True)

    def __str__(self) -> str:
        return f"{self.user} ({self.get_role_display()})"

    @property
    def agency_bound(self) -> bool:
        return self.role in (Role.PERENCANA, Role.KEPALA)


class PaguCeiling(models.Model):
    """The pagu indikatif ceiling the ranwal RKPD gives an agency for a year (set by admin):
    in total (``sumber_dana`` empty) or for one sumber dana."""

    perangkat_daerah = models.ForeignKey(PerangkatDaerah, on_delete=models.CASCADE,
                                         related_name="ceilings")
    tahun = models.PositiveIntegerField()
    sumber_dana = models.CharField(max_length=100, blank=True, default="",
                                   help_text="Empty: the total ceiling")
    pagu = models.BigIntegerField()

    class Meta:
        ordering = ["tahun", "sumber_dana"]
        constraints = [models.UniqueConstraint(fields=["perangkat_daerah", "tahun",
                                                       "sumber_dana"],
                                               name="ceiling_unique_year_sumber")]


class PaguRkpd(models.Model):
    """The pagu indikatif total the pemda published in its RKPD for a year: the agencies'
    plans must add up to it (rule P008)."""

    pemda = models.ForeignKey(Pemda, on_delete=models.CASCADE, related_name="pagu_rkpd")
    tahun = models.PositiveIntegerField()
    pagu = models.BigIntegerField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["pemda", "tahun"],
                                               name="pagu_rkpd_unique_year")]


class LoginAttempt(models.Model):
    """A login attempt not (yet) known to have succeeded, per username and per address."""

    key = models.CharField(max_length=200, db_index=True)
    attempt = models.CharField(max_length=32, db_index=True)
    at = models.DateTimeField(db_index=True)
