"""What an agency achieved and spent in each quarter (triwulan) of a plan's year.

A :class:`Realisasi` belongs to one plan (``tahun`` and ``perangkat_daerah`` name it): for each
indicator of a program, kegiatan or sub kegiatan the values reported for triwulan I–IV (in the
indicator's unit), for each sub kegiatan the money spent per quarter (whole Rupiah), and for
each quarter what helped, what hindered and what follows. Values are as reported; ``None``
where a quarter was not (yet) reported.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Final, Literal

from pydantic import Field, field_validator

from renja.domain.plan import Agregasi, Polaritas
from renja.domain.provenance import Model

REALISASI_FORMAT: Final = "renja-realisasi/1"
QUARTERS = 4


def _none() -> list[Any]:
    return [None] * QUARTERS


def _four(values: list[Any]) -> list[Any]:
    """Exactly four quarters: fewer are padded with None (not reported), more refused."""
    if len(values) > QUARTERS:
        raise ValueError(f"at most {QUARTERS} quarters, got {len(values)}")
    return [*values, *[None] * (QUARTERS - len(values))]


class RealisasiIndikator(Model):
    """One indicator's realisation per quarter, and how its quarters add up."""

    kode: str = Field(description="The row's code (program, kegiatan or sub kegiatan)")
    indikator: str = Field(description="The indicator's name as the plan states it")
    triwulan: list[Decimal | None] = Field(default_factory=lambda: _none(),
                                           description="Realisation in triwulan I–IV")
    agregasi: Agregasi | None = Field(
        default=None, description="jumlah (quarters add up), terakhir (the last value counts), "
        "rata_rata; None: inferred from the name and unit")
    polaritas: Polaritas | None = Field(default=None, description="None: inferred")
    bobot: Decimal = Field(default=Decimal(1), ge=0, description="Weight in averages")

    @field_validator("triwulan")
    @classmethod
    def _quarters(cls, values: list[Any]) -> list[Any]:
        return _four(values)


class RealisasiAnggaran(Model):
    """Money a sub kegiatan spent per quarter, in whole Rupiah."""

    kode: str
    triwulan: list[int | None] = Field(default_factory=lambda: _none())

    @field_validator("triwulan")
    @classmethod
    def _quarters(cls, values: list[Any]) -> list[Any]:
        return _four(values)


class CatatanTriwulan(Model):
    """What the agency (and Bappeda) wrote about one quarter."""

    triwulan: int = Field(ge=1, le=QUARTERS)
    faktor_pendorong: str = ""
    faktor_penghambat: str = ""
    tindak_lanjut: str = Field(default="", description="Tindak lanjut in the next quarter")
    tindak_lanjut_renja: str = Field(default="", description="… and in the next Renja")


class Realisasi(Model):
    """A plan's quarterly realisation: indicators, money and the quarters' notes."""

    format: Literal["renja-realisasi/1"] = REALISASI_FORMAT
    tahun: int = Field(ge=2000, le=2100)
    perangkat_daerah: str = ""
    indikator: list[RealisasiIndikator] = Field(default_factory=list)
    anggaran: list[RealisasiAnggaran] = Field(default_factory=list)
    catatan: list[CatatanTriwulan] = Field(default_factory=list)

    def of_indicator(self, kode: str, nama: str) -> RealisasiIndikator | None:
        key = " ".join(nama.split()).casefold()
        return next((r for r in self.indikator if r.kode == kode and
                     " ".join(r.indikator.split()).casefold() == key), None)

    def of_money(self, kode: str) -> RealisasiAnggaran | None:
        return next((r for r in self.anggaran if r.kode == kode), None)

    def note(self, triwulan: int) -> CatatanTriwulan | None:
        return next((c for c in self.catatan if c.triwulan == triwulan), None)
