"""The other tables of a Renja: T-C.29, T-C.30, T-C.31, T-C.32, Tabel 3.2 and the 3.3 list."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from renja.codes import Level
from renja.domain.plan import Agregasi, KodeMixin, Polaritas
from renja.domain.provenance import Model, Traced
from renja.domain.target import Target


class Tabel(Traced):
    """What every table carries besides its rows (provenance ``header``: its header row)."""

    judul: str | None = Field(default=None, description="The caption as printed")
    nihil: bool = Field(default=False, description="The table says NIHIL (nothing to report)")
    catatan: list[str] = Field(
        default_factory=list, description="Lines inside the table that are not rows (headings)"
    )


# --- T-C.29 Evaluasi hasil Renja tahun lalu -------------------------------------------


class Tc29Indikator(Traced):
    """One indicator of a T-C.29 row; columns (3)-(11)."""

    nama: str
    target_renstra: Target | None = Field(default=None, description="(4) end of Renstra period")
    realisasi_sd_n3: Target | None = Field(default=None, description="(5) up to year n-3")
    target_n2: Target | None = Field(default=None, description="(6) Renja target n-2")
    realisasi_n2: Target | None = Field(default=None, description="(7) Renja realisasi n-2")
    tingkat_realisasi_n2: Target | None = Field(default=None, description="(8) = 7/6 (%)")
    target_n1: Target | None = Field(default=None, description="(9) Renja target n-1")
    realisasi_sd_n1: Target | None = Field(default=None, description="(10) = 5+7+9")
    capaian_renstra: Target | None = Field(default=None, description="(11) = 10/4 (%)")
    polaritas: Polaritas | None = Field(default=None, description="None: not stated")
    agregasi: Agregasi | None = Field(default=None, description="None: not stated")


class Tc29Row(KodeMixin):
    indikator: list[Tc29Indikator] = Field(default_factory=list)


class Tc29(Tabel):
    rows: list[Tc29Row] = Field(default_factory=list)


# --- T-C.30 Pencapaian kinerja pelayanan ------------------------------------------------


class NilaiTahun(Model):
    """A value for one year in a column group (target Renstra, realisasi, proyeksi)."""

    tahun: int | None = None
    label: str | None = Field(default=None, description="The column header as printed")
    nilai: Target | None = None


class Tc30Row(Traced):
    nomor: str | None = None
    kelompok: str | None = Field(default=None, description="Tujuan, Sasaran, … as printed")
    indikator: str
    spm: str | None = None
    ikk: str | None = None
    target_renstra: list[NilaiTahun] = Field(default_factory=list)
    realisasi: list[NilaiTahun] = Field(default_factory=list)
    proyeksi: list[NilaiTahun] = Field(default_factory=list)
    catatan: str | None = None
    polaritas: Polaritas | None = Field(default=None, description="None: not stated")


class Tc30(Tabel):
    rows: list[Tc30Row] = Field(default_factory=list)


# --- T-C.31 Review terhadap rancangan awal RKPD ----------------------------------------


class IndikatorTarget(Traced):
    nama: str
    target: Target | None = None


class Tc31Side(Traced):
    """One side of T-C.31: the ranwal RKPD (2)-(6) or the hasil analisis kebutuhan (7)-(11)."""

    nama: str = ""
    lokasi: str | None = None
    indikator: list[IndikatorTarget] = Field(default_factory=list)
    pagu: int | None = None


class Tc31Row(Traced):
    nomor: str | None = None
    level: Level | None = None
    kode: str | None = Field(default=None, description="Canonical code, when known")
    ranwal: Tc31Side = Field(default_factory=Tc31Side)
    kebutuhan: Tc31Side = Field(default_factory=Tc31Side)
    catatan: str | None = None


class Tc31(Tabel):
    satuan_uang: str | None = Field(default=None, description="Money label printed, e.g. Rp.000")
    skala_uang: int | None = Field(
        default=None, description="The amounts were printed divided by this (1000: in "
                                  "thousands) and were multiplied back on import: every amount "
                                  "here is in full Rupiah")
    rows: list[Tc31Row] = Field(default_factory=list)
    total_ranwal: int | None = None
    total_kebutuhan: int | None = None


# --- T-C.32 Usulan program dan kegiatan dari para pemangku kepentingan ------------------

Pengusul = Literal["musrenbang", "pokir", "lainnya"]


class Usulan(Traced):
    nomor: str | None = None
    program_kegiatan: str
    lokasi: str | None = None
    indikator: str | None = None
    volume: Target | None = None
    catatan: str | None = None
    pengusul: Pengusul | None = None
    diterima: bool | None = None
    kode: str | None = Field(default=None, description="The plan row that accommodates it")
    alasan: str | None = Field(default=None, description="Why it was not accommodated")


class Tc32(Tabel):
    rows: list[Usulan] = Field(default_factory=list)


# --- Tabel 3.2 Tujuan dan sasaran -----------------------------------------------------

KelompokTujuan = Literal["tujuan", "sasaran", "indikator_kinerja_daerah", "lainnya"]


class TujuanSasaranRow(Traced):
    kelompok: KelompokTujuan
    uraian: str | None = Field(default=None, description="The tujuan or sasaran statement")
    indikator: str | None = None
    realisasi_n2: Target | None = None
    proyeksi_n1: Target | None = None
    target_n: Target | None = None
    polaritas: Polaritas | None = Field(default=None, description="None: not stated")


class TujuanSasaran(Tabel):
    rows: list[TujuanSasaranRow] = Field(default_factory=list)


# --- 3.3 Daftar program, kegiatan dan sub kegiatan -------------------------------------


class DaftarItem(Traced):
    nomor: str | None = Field(default=None, description="List number as printed: 1.2.3")
    level: Level | None = None
    nama: str


class DaftarProgram(Tabel):
    rows: list[DaftarItem] = Field(default_factory=list)
