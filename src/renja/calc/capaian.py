"""Capaian (achievement), predikat bands, daya serap, and polarity/aggregation of indicators."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from renja.domain.plan import Agregasi, Polaritas
from renja.errors import RenjaError
from renja.numbers import format_number, parse_decimal

HUNDRED = Decimal(100)

# An indicator that measures something bad (its first words: "Persentase pelanggaran …",
# "Angka kematian …", "Prevalensi stunting"): lower values are better. A name that measures
# the handling of something bad ("Persentase penyelesaian pengaduan") is not one.
_NEGATIVE = re.compile(
    r"^(?:(?:persentase|presentase|angka|jumlah|tingkat|rasio|proporsi|indeks|rata-rata|"
    r"prevalensi)\s+(?:balita\s+|bayi\s+|ibu\s+|anak\s+|penduduk\s+|keluarga\s+)?)?"
    r"(?:pelanggaran|kematian|kemiskinan|penduduk miskin|"
    r"pengangguran|stunting|kasus|kesakitan|kecelakaan|kriminalitas|kerusakan|genangan|"
    r"sengketa|tunggakan|keluhan|pengaduan|putus sekolah|buta aksara|gizi buruk|temuan|"
    r"prevalensi)\b", re.IGNORECASE)
# ... unless the phrase measures how much of the bad thing was dealt with: higher is better.
_HANDLED = re.compile(
    r"\b(?:ditangani|ditanggulangi|diselesaikan|tertangani|tertanggulangi|terselesaikan|"
    r"ditindaklanjuti|terlayani|dilayani|direhabilitasi|dipulihkan|diperbaiki|dientaskan)\b|"
    r"^(?:(?:persentase|presentase|jumlah|tingkat|angka|rasio)\s+)?(?:penanganan|"
    r"penanggulangan|penurunan|pengurangan|penyelesaian|pencegahan|pengentasan)\b",
    re.IGNORECASE)
# Indicators whose value is a state at a moment (a stock): the latest value stands.
_STOCK = re.compile(r"\b(persentase|persen|rasio|indeks|nilai|tingkat|angka|rata-rata|"
                    r"proporsi|cakupan|prevalensi|predikat|opini|skor)\b|%", re.IGNORECASE)


def infer_polaritas(nama: str, stated: Polaritas | None = None) -> Polaritas:
    """The stated polarity, else negatif for names that measure something bad (*persentase
    pelanggaran disiplin*, *angka kematian ibu*), but positif when the phrase measures how much
    of it was dealt with (*persentase kasus … yang ditangani*, *penurunan angka kematian*)."""
    if stated is not None:
        return stated
    name = nama.strip()
    if _HANDLED.search(name):
        return "positif"
    return "negatif" if _NEGATIVE.match(name) else "positif"


def infer_agregasi(nama: str, satuan: str | None, stated: Agregasi | None = None
                   ) -> Agregasi | None:
    """The stated aggregation; ``terakhir`` for ratios and indices; None when it cannot tell."""
    if stated is not None:
        return stated
    if _STOCK.search(nama) or satuan == "%":
        return "terakhir"
    return None


def capaian(target: Decimal | None, realisasi: Decimal | None,
            polaritas: Polaritas = "positif") -> Decimal | None:
    """realisasi / target × 100 (target / realisasi × 100 when lower is better).

    None when it is undefined: a missing value, or a zero divisor (0/0 has no capaian).
    """
    if target is None or realisasi is None:
        return None
    numerator, denominator = (realisasi, target) if polaritas == "positif" else (target, realisasi)
    if denominator == 0:
        return None
    return numerator / denominator * HUNDRED


def rounded(value: Decimal, places: int = 2) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Band:
    predikat: str
    minimum: Decimal
    """The lowest capaian (inclusive) that earns this predikat."""


DEFAULT_BANDS: tuple[Band, ...] = (
    Band("Sangat Tinggi", Decimal(91)),
    Band("Tinggi", Decimal(76)),
    Band("Sedang", Decimal(66)),
    Band("Rendah", Decimal(51)),
    Band("Sangat Rendah", Decimal("-Infinity")),
)


def parse_bands(text: str) -> tuple[Band, ...]:
    """Bands as a pemda writes them, one per line from the highest: ``Sangat Tinggi ≥ 91``
    (or ``>= 91``), …, and a last line with the name alone for everything below."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    bands: list[Band] = []
    for number, line in enumerate(lines, start=1):
        match = re.match(r"^(.+?)\s*(?:≥|>=)\s*([\d.,]+)\s*%?$", line)
        if match is None:
            if number != len(lines):
                raise RenjaError(f"line {number}: '{line[:40]}' needs '≥ number'",
                                 f"baris {number}: '{line[:40]}' perlu '≥ angka' (hanya baris "
                                 f"terakhir yang tanpa batas)")
            bands.append(Band(line[:40], Decimal("-Infinity")))
            continue
        minimum = parse_decimal(match.group(2))
        if bands and minimum >= bands[-1].minimum:
            raise RenjaError(f"line {number}: the minimums must go down",
                             f"baris {number}: batas bawah harus makin kecil dari baris ke "
                             f"baris")
        bands.append(Band(match.group(1).strip()[:40], minimum))
    if len(bands) < 2 or bands[-1].minimum != Decimal("-Infinity"):
        raise RenjaError("give at least two bands, the last one without a minimum",
                         "tulis sedikitnya dua predikat, yang terakhir tanpa batas bawah")
    return tuple(bands)


def bands_text(bands: Sequence[Band]) -> str:
    return "\n".join(b.predikat if b.minimum == Decimal("-Infinity") else
                     f"{b.predikat} ≥ {format_number(b.minimum)}" for b in bands)


def predikat(value: Decimal | None, bands: Sequence[Band] = DEFAULT_BANDS) -> str | None:
    """The predikat of a capaian (Sangat Tinggi ≥ 91 … Sangat Rendah ≤ 50 by default)."""
    if value is None:
        return None
    for band in sorted(bands, key=lambda b: b.minimum, reverse=True):
        if value >= band.minimum:
            return band.predikat
    return None


def daya_serap(realisasi: int | None, pagu: int | None) -> Decimal | None:
    """Budget absorption: realised spending / pagu × 100; None when pagu is 0 or missing."""
    if realisasi is None or not pagu:
        return None
    return Decimal(realisasi) / Decimal(pagu) * HUNDRED


def combine(values: Sequence[Decimal | None], agregasi: Agregasi) -> Decimal | None:
    """Values over periods combined: ``jumlah`` sums, ``terakhir`` takes the last, else mean."""
    known = [v for v in values if v is not None]
    if not known:
        return None
    if agregasi == "jumlah":
        return sum(known, Decimal(0))
    if agregasi == "terakhir":
        return known[-1]
    return sum(known, Decimal(0)) / len(known)
