"""An agency's five-year strategic plan (Renstra Perangkat Daerah), as its Tabel T-C.27
(*Rencana Program, Kegiatan, dan Pendanaan Perangkat Daerah*, Permendagri 86/2017) states it.

Rows in the table's order: tujuan and sasaran (each with its indicators), then programs,
kegiatan and sub kegiatan with their codes. Every indicator has its data capaian at the start
of the period, a target for each year of the period and the target at its end (*kondisi
kinerja pada akhir periode*); every program, kegiatan and sub kegiatan has its money (Rp) for
each year and at the end (the period's total), its unit penanggung jawab and lokasi.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final, Literal

from pydantic import Field, field_validator, model_validator

from renja.domain.plan import Polaritas
from renja.domain.provenance import Model
from renja.domain.target import Target

RENSTRA_FORMAT: Final = "renja-renstra/1"
PERIOD_YEARS: Final = 5

RenstraLevel = Literal["tujuan", "sasaran", "program", "kegiatan", "sub_kegiatan"]


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def _no_targets() -> list[Target | None]:
    return [None] * PERIOD_YEARS


def _no_money() -> list[int | None]:
    return [None] * PERIOD_YEARS


class RenstraIndikator(Model):
    """An indicator with its capaian at the start, its yearly targets and the final one."""

    nama: str
    satuan: str | None = None
    kondisi_awal: Target | None = Field(default=None,
                                        description="Data capaian pada tahun awal perencanaan")
    target: list[Target | None] = Field(default_factory=_no_targets,
                                        description="Target for each year of the period")
    kondisi_akhir: Target | None = Field(default=None,
                                         description="Kondisi kinerja pada akhir periode")
    polaritas: Polaritas | None = None

    @field_validator("target")
    @classmethod
    def _years(cls, values: list[Target | None]) -> list[Target | None]:
        if len(values) > PERIOD_YEARS:
            raise ValueError(f"at most {PERIOD_YEARS} years, got {len(values)}")
        return [*values, *[None] * (PERIOD_YEARS - len(values))]


class RenstraRow(Model):
    """A tujuan, sasaran, program, kegiatan or sub kegiatan of the Renstra."""

    level: RenstraLevel
    kode: str | None = Field(default=None, description="Official code (programs and below)")
    nama: str
    indikator: list[RenstraIndikator] = Field(default_factory=list)
    pagu: list[int | None] = Field(default_factory=_no_money,
                                   description="Rp for each year of the period")
    pagu_akhir: int | None = Field(default=None,
                                   description="Rp at the end of the period (its total)")
    unit: str | None = Field(default=None, description="Unit kerja penanggung jawab")
    lokasi: str | None = None
    line: int | None = Field(default=None, description="Where the row was read (row number)")

    @field_validator("pagu")
    @classmethod
    def _years(cls, values: list[int | None]) -> list[int | None]:
        if len(values) > PERIOD_YEARS:
            raise ValueError(f"at most {PERIOD_YEARS} years, got {len(values)}")
        return [*values, *[None] * (PERIOD_YEARS - len(values))]

    def indicator(self, nama: str) -> RenstraIndikator | None:
        key = _key(nama)
        return next((ind for ind in self.indikator if _key(ind.nama) == key), None)


class Renstra(Model):
    """A Renstra PD: the agency, the five years of its period, and its T-C.27 rows."""

    format: Literal["renja-renstra/1"] = RENSTRA_FORMAT
    pemda: str = ""
    perangkat_daerah: str = ""
    tahun_awal: int = Field(ge=2000, le=2100, description="The period's first year")
    rows: list[RenstraRow] = Field(default_factory=list)

    @property
    def tahun(self) -> list[int]:
        return [self.tahun_awal + i for i in range(PERIOD_YEARS)]

    @property
    def tahun_akhir(self) -> int:
        return self.tahun_awal + PERIOD_YEARS - 1

    def year_index(self, tahun: int) -> int | None:
        """0–4 for a year of the period, None outside it."""
        index = tahun - self.tahun_awal
        return index if 0 <= index < PERIOD_YEARS else None

    def coded(self) -> Iterator[RenstraRow]:
        return (row for row in self.rows if row.kode)

    def by_kode(self, kode: str) -> RenstraRow | None:
        return next((row for row in self.rows if row.kode == kode), None)

    @model_validator(mode="after")
    def _codes_once(self) -> Renstra:
        seen: set[str] = set()
        for row in self.rows:
            if row.kode and row.kode in seen:
                raise ValueError(f"code {row.kode} appears twice")
            if row.kode:
                seen.add(row.kode)
        return self
