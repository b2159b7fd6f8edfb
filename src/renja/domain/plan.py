"""The plan itself (T-C.33): urusan → bidang → program → kegiatan → sub kegiatan.

Values are kept as the document states them (``None`` when absent); roll-ups and
checks compute what they should be and compare.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from pydantic import Field

from renja.codes import Level
from renja.domain.provenance import Traced
from renja.domain.target import Target

Polaritas = Literal["positif", "negatif"]
"""positif: higher is better; negatif: lower is better (e.g. pelanggaran disiplin)."""

Agregasi = Literal["jumlah", "terakhir", "rata_rata"]
"""How values over periods combine: sum (cumulative), last value (stock), average."""


class Indikator(Traced):
    """A performance indicator with its targets for year n and n+1."""

    nama: str
    satuan: str | None = None
    target_n: Target | None = None
    target_n1: Target | None = None
    target_renstra: Target | None = Field(
        default=None, description="Target at the end of the Renstra period (SIPD-RI layout)")
    realisasi_n2: Target | None = Field(
        default=None, description="Realisation of year n-2 (SIPD-RI layout)")
    prakiraan_n1: Target | None = Field(
        default=None, description="Expected achievement of year n-1 (SIPD-RI layout)")
    polaritas: Polaritas | None = Field(default=None, description="None: not stated")
    agregasi: Agregasi | None = Field(default=None, description="None: not stated")


BELANJA_OPERASI_PARTS = ("pegawai", "barang_jasa", "bunga", "subsidi", "hibah", "bantuan_sosial")
BELANJA_TOP = ("operasi", "modal", "tidak_terduga", "transfer")


class Belanja(Traced):
    """The belanja breakdown of a pagu, in whole Rupiah, as printed (``None``: not printed)."""

    operasi: int | None = None
    pegawai: int | None = None
    barang_jasa: int | None = None
    bunga: int | None = None
    subsidi: int | None = None
    hibah: int | None = None
    bantuan_sosial: int | None = None
    modal: int | None = None
    tidak_terduga: int | None = None
    transfer: int | None = None

    def is_empty(self) -> bool:
        return all(getattr(self, name) is None for name in (*BELANJA_TOP,
                                                             *BELANJA_OPERASI_PARTS))


class KodeMixin(Traced):
    """A row identified by a nomenclature code and a name."""

    level: Level | None = None
    kode: str | None = Field(default=None, description="Canonical code U.BB.PP.L.KK.SSSS")
    kode_asal: str | None = Field(default=None, description="The code as printed")
    kode_recovery: str | None = Field(
        default=None, description="How a damaged or missing code was recovered"
    )
    nama: str = ""


class PlanNode(KodeMixin):
    """One row of T-C.33 with its children."""

    indikator: list[Indikator] = Field(default_factory=list)
    lokasi: str | None = None
    sumber_dana: str | None = None
    catatan: str | None = None
    prioritas_nasional: str | None = None
    prioritas_daerah: str | None = None
    sasaran_daerah: str | None = Field(
        default=None, description="The RKPD's sasaran pembangunan daerah the row serves")
    kelompok_sasaran: str | None = None
    penanggung_jawab: str | None = Field(
        default=None, description="Perangkat daerah (or unit) responsible, as SIPD-RI prints")
    pagu_n: int | None = None
    pagu_n1: int | None = None
    belanja_n: Belanja = Field(default_factory=Belanja)
    belanja_n1: Belanja = Field(default_factory=Belanja)
    children: list[PlanNode] = Field(default_factory=list)

    def walk(self) -> Iterator[PlanNode]:
        """This node and all its descendants, in document order."""
        stack = [self]  # not one generator per level: plans are walked thousands of times
        while stack:
            node = stack.pop()
            yield node
            if node.children:
                stack.extend(reversed(node.children))


class Jumlah(Traced):
    """The printed JUMLAH TOTAL row."""

    pagu_n: int | None = None
    pagu_n1: int | None = None
    belanja_n: Belanja = Field(default_factory=Belanja)
    belanja_n1: Belanja = Field(default_factory=Belanja)


class KolomTahun(Traced):
    """A year a column header names, as printed on one page (``Rencana Tahun 2024``)."""

    label: str
    tahun: int


class Rencana(Traced):
    """T-C.33 Rumusan rencana program dan kegiatan tahun n dan prakiraan maju n+1."""

    judul: str | None = None
    satuan_uang: str | None = Field(default=None, description="Money label printed, e.g. Rp.000")
    skala_uang: int | None = Field(
        default=None, description="The amounts were printed divided by this (1000: in "
                                  "thousands) and were multiplied back on import: every amount "
                                  "here is in full Rupiah")
    tata_letak: Literal["permendagri", "sipd-ri"] | None = Field(
        default=None, description="Printed as T-C.33 of Permendagri 86/2017 (default) or as the "
                                  "17-column Renja table of SIPD-RI")
    catatan: list[str] = Field(
        default_factory=list, description="Lines inside the table that are not rows (headings)"
    )
    rows: list[PlanNode] = Field(default_factory=list)
    total: Jumlah | None = None
    kolom_tahun: list[KolomTahun] = Field(
        default_factory=list, description="Years the column headers name, on every page")

    def walk(self) -> Iterator[PlanNode]:
        for row in self.rows:
            yield from row.walk()
