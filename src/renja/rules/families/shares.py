"""Shares of one whole: indicators that split one population into categories (pegawai by
education level) add up to 100 % in every year, as they do in the base year."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from renja.domain import Target, TujuanSasaranRow
from renja.numbers import format_number
from renja.rules.registry import Context, rule

WHOLE = Decimal(100)
TOLERANCE = Decimal("0.05")  # rounding of the shares to two decimals
COLUMNS = (("realisasi_n2", "realisasi", -2), ("proyeksi_n1", "proyeksi", -1),
           ("target_n", "target", 0))


@rule("T006", "target", "warning", "Bagian-bagian dari satu keseluruhan tidak berjumlah 100%",
      "Shares of one whole no longer add up to 100 %",
      "Tabel 3.2: bagian 'Rasio Pegawai Pendidikan Tinggi dan Menengah/Dasar' (Pendidikan Tinggi, "
      "Menengah, Dasar) berjumlah 100,15% pada proyeksi 2023; pada realisasi 2022 berjumlah 100%")
def shares(ctx: Context) -> None:
    n = ctx.renja.tahun
    for whole, candidates in _groups(ctx.renja.tujuan_sasaran.rows):
        found = _whole(candidates)
        if found is None:
            continue
        parts, sums, base = found
        names = ", ".join(p.indikator or "" for p in parts)
        for name, label, shift in COLUMNS:
            total = sums[name]
            if total is None or abs(total - WHOLE) <= TOLERANCE:
                continue
            source = (parts[0].source_of(name) or parts[0].source_of(base[0])
                      or whole.source_of("row"))
            shown = format_number(total)
            ctx.report(table="tujuan_sasaran", field=name, expected="100%", actual=f"{shown}%",
                       source=source,
                       id=f"Tabel 3.2: bagian '{whole.indikator}' ({names}) berjumlah {shown}% "
                          f"pada {label} {n + shift}; pada {base[1]} {n + base[2]} berjumlah "
                          f"100%",
                       en=f"Tabel 3.2: the shares of '{whole.indikator}' ({names}) add up to "
                          f"{shown}% in {label} {n + shift}; in {base[1]} {n + base[2]} they add "
                          f"up to 100%")


Sums = dict[str, Decimal | None]


def _whole(candidates: list[TujuanSasaranRow]
           ) -> tuple[list[TujuanSasaranRow], Sums, tuple[str, str, int]] | None:
    """The longest run of rows (two at least) that adds up to 100 % in some column: the
    parts of the whole (an indicator of its own may follow them)."""
    for k in range(len(candidates), 1, -1):
        parts = candidates[:k]
        sums: Sums = {name: _sum([getattr(p, name) for p in parts]) for name, _, _ in COLUMNS}
        for name, label, shift in COLUMNS:
            total = sums[name]
            if total is not None and abs(total - WHOLE) <= TOLERANCE:
                return parts, sums, (name, label, shift)
    return None


def _groups(rows: list[TujuanSasaranRow]
            ) -> Iterator[tuple[TujuanSasaranRow, list[TujuanSasaranRow]]]:
    """A row naming an indicator with no values, followed by two or more rows of percentages
    and no tujuan/sasaran of their own: the whole and its parts."""
    i = 0
    while i < len(rows):
        whole = rows[i]
        if whole.indikator and not _values(whole):
            parts = []
            j = i + 1
            while j < len(rows) and _is_part(rows[j]):
                parts.append(rows[j])
                j += 1
            if len(parts) >= 2:
                yield whole, parts
                i = j
                continue
        i += 1


def _values(row: TujuanSasaranRow) -> list[Target]:
    return [v for v in (getattr(row, name) for name, _, _ in COLUMNS) if v is not None]


def _is_part(row: TujuanSasaranRow) -> bool:
    values = _values(row)
    return bool(row.indikator) and not row.uraian and bool(values) and all(
        v.satuan == "%" and v.value is not None for v in values)


def _sum(values: list[Target | None]) -> Decimal | None:
    if any(v is None or v.value is None for v in values):
        return None
    return sum((v.value for v in values if v is not None and v.value is not None), Decimal(0))
