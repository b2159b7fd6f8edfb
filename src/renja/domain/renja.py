"""The whole Renja document: metadata, legal front part, chapters and tables."""

from __future__ import annotations

import datetime
from typing import Final, Literal

from pydantic import Field

from renja.domain.plan import Rencana
from renja.domain.provenance import Model, Source, Traced
from renja.domain.tables import DaftarProgram, Tc29, Tc30, Tc31, Tc32, TujuanSasaran

FORMAT: Final = "renja/1"

Tahapan = Literal[
    "persiapan", "rancangan_awal", "rancangan", "forum_pd", "rancangan_akhir", "penetapan",
    "perubahan",
]
TAHAPAN: tuple[Tahapan, ...] = (
    "persiapan", "rancangan_awal", "rancangan", "forum_pd", "rancangan_akhir", "penetapan",
    "perubahan",
)


class Pemda(Traced):
    nama: str = Field(description="e.g. Kabupaten Pasuruan")
    jenis: Literal["provinsi", "kabupaten", "kota"] | None = None
    provinsi: str | None = None


class PerangkatDaerah(Traced):
    nama: str = Field(description="Full name of the agency")
    singkatan: str | None = Field(default=None, description="e.g. BKPSDM")
    bidang: str | None = Field(default=None, description="Primary bidang code, e.g. 5.03")


class Penandatangan(Model):
    jabatan: str | None = None
    nama: str | None = None
    pangkat: str | None = Field(default=None, description="e.g. Pembina Utama Muda")
    nip: str | None = None


class Persetujuan(Traced):
    """The head of the agency's approval that closes the document (place, date, signature)
    before the plan goes to Bappeda."""

    tempat: str | None = Field(default=None, description="Where it was signed, e.g. Pasuruan")
    tanggal: datetime.date | None = None
    penandatangan: Penandatangan = Field(default_factory=Penandatangan)


class Pasal(Model):
    nomor: str
    teks: str


class Peraturan(Traced):
    """The regulation that sets the Renja (e.g. a Peraturan Bupati) and its front part."""

    jenis: str | None = Field(default=None, description="e.g. Peraturan Bupati")
    nomor: str | None = None
    tahun: int | None = None
    tentang: str | None = None
    ditetapkan_di: str | None = None
    tanggal_ditetapkan: datetime.date | None = None
    penandatangan: Penandatangan | None = None
    diundangkan_di: str | None = None
    tanggal_diundangkan: datetime.date | None = None
    pengundang: Penandatangan | None = None
    berita_daerah: str | None = Field(default=None, description="Publication, as printed")
    menimbang: list[str] = Field(default_factory=list)
    mengingat: list[str] = Field(default_factory=list)
    menetapkan: str | None = None
    pasal: list[Pasal] = Field(default_factory=list)
    penutup: str | None = Field(default=None, description="Agar setiap orang mengetahuinya …")


class Bagian(Traced):
    """A numbered section of a chapter (2.1, 2.2 …) with its text."""

    nomor: str | None = None
    judul: str
    teks: str = ""


class Bab(Traced):
    """A chapter (BAB I … BAB V): its opening text and its sections."""

    nomor: str
    judul: str
    teks: str = ""
    bagian: list[Bagian] = Field(default_factory=list)


class Renja(Model):
    """A Renja Perangkat Daerah for year ``tahun`` (n), with prakiraan maju for n+1."""

    format: Literal["renja/1"] = FORMAT
    tahun: int = Field(ge=2000, le=2100, description="The plan year n")
    tahapan: Tahapan | None = None
    pemda: Pemda
    perangkat_daerah: PerangkatDaerah
    nomenklatur_versi: str | None = Field(
        default=None, description="Nomenclature version the codes follow"
    )
    contoh: bool = Field(
        default=False, description="Synthetic example data (renja demo-data), not the plan of "
                                   "a real agency: shown as 'contoh, data sintetis' everywhere")
    dasar_hukum: Peraturan | None = None
    persetujuan: Persetujuan | None = Field(
        default=None, description="The head of the agency's approval and signature")
    sumber: Source | None = Field(default=None, description="The file the plan was read from")
    bab: list[Bab] = Field(default_factory=list)
    isu_penting: list[str] = Field(default_factory=list)
    kebijakan: list[str] = Field(default_factory=list)
    rencana: Rencana = Field(default_factory=Rencana)
    tc29: Tc29 = Field(default_factory=Tc29)
    tc30: Tc30 = Field(default_factory=Tc30)
    tc31: Tc31 = Field(default_factory=Tc31)
    tc32: Tc32 = Field(default_factory=Tc32)
    tujuan_sasaran: TujuanSasaran = Field(default_factory=TujuanSasaran)
    daftar_program: DaftarProgram = Field(default_factory=DaftarProgram)
