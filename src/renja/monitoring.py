"""Entering a plan's realisation quarter by quarter: the lines of the grid people fill in, and
setting or merging values with a record of what changed (for the audit trail).

Plain Python: the web app's actions lock, check who may, and store; this decides what a typed
value means."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from renja.domain import Renja
from renja.domain.realisasi import Realisasi, RealisasiAnggaran, RealisasiIndikator
from renja.errors import RenjaError
from renja.numbers import format_number, format_rupiah, parse_decimal, parse_rupiah


@dataclass(frozen=True)
class Line:
    """One line of the quarter's grid: an indicator of a row, or a row without indicators;
    a sub kegiatan's first line also carries its money."""

    index: int
    kode: str
    nama: str
    level: str
    indikator: str | None
    target: str
    first: bool
    pagu: int | None
    money: bool


@dataclass(frozen=True)
class Change:
    kode: str
    what: str  # the indicator's name, or "anggaran"
    field: str  # realisasi_tw2, anggaran_tw2
    old: str
    new: str


def lines(renja: Renja) -> list[Line]:
    found: list[Line] = []
    for node in renja.rencana.walk():
        if node.level not in ("program", "kegiatan", "sub_kegiatan"):
            continue
        kode = node.kode or node.kode_asal or ""
        money = node.level == "sub_kegiatan"
        for i, ind in enumerate(node.indikator or [None]):
            found.append(Line(len(found), kode, node.nama, node.level, ind.nama if ind else None,
                              ind.target_n.text if ind and ind.target_n else "", i == 0,
                              node.pagu_n if i == 0 else None, money and i == 0))
    return found


KINDS = {"jumlah": "Kumulatif (dijumlah)", "terakhir": "Nilai terakhir",
         "rata_rata": "Rata-rata"}
POLARITIES = {"positif": "Makin besar makin baik", "negatif": "Makin kecil makin baik"}


def set_kinds(realisasi: Realisasi, renja: Renja, kinds: dict[int, str],
              polarities: dict[int, str]) -> list[Change]:
    """How each indicator's quarters add up and which way is better, as chosen per line
    (empty: inferred from the name and unit)."""
    grid = lines(renja)
    changes = []
    for chosen, allowed, field in ((kinds, KINDS, "agregasi"), (polarities, POLARITIES,
                                                               "polaritas")):
        for index, value in chosen.items():
            line = _line(grid, index)
            if line.indikator is None:
                continue
            value = value.strip()
            if value and value not in allowed:
                said = "cara menghitung" if field == "agregasi" else "arah indikator"
                raise RenjaError(f"'{value[:20]}' is not a choice for {field}",
                                 f"{line.kode} {line.indikator}: '{value[:20]}' bukan pilihan "
                                 f"{said}")
            item = realisasi.of_indicator(line.kode, line.indikator)
            old = getattr(item, field) if item else None
            if (old or "") == value:
                continue
            if item is None:
                item = RealisasiIndikator(kode=line.kode, indikator=line.indikator)
                realisasi.indikator.append(item)
            setattr(item, field, value or None)
            changes.append(Change(line.kode, line.indikator, field, old or "", value))
    return changes


def set_weights(realisasi: Realisasi, renja: Renja, weights: dict[int, str]) -> list[Change]:
    """Each indicator's weight (bobot) in the averages, as typed per line (empty: 1)."""
    grid = lines(renja)
    changes = []
    for index, text in weights.items():
        line = _line(grid, index)
        if line.indikator is None:
            continue
        try:
            weight = parse_decimal(text) if text.strip() else Decimal(1)
        except RenjaError as exc:
            raise RenjaError(f"{line.kode} {line.indikator}: weight {exc.message('en')}",
                             f"{line.kode} {line.indikator}: bobot {exc.message('id')}"
                             ) from exc
        if weight < 0 or weight > 1000:
            raise RenjaError(f"{line.kode} {line.indikator}: a weight is 0 to 1000",
                             f"{line.kode} {line.indikator}: bobot antara 0 dan 1000")
        item = realisasi.of_indicator(line.kode, line.indikator)
        old = item.bobot if item else Decimal(1)
        if old == weight:
            continue
        if item is None:
            item = RealisasiIndikator(kode=line.kode, indikator=line.indikator)
            realisasi.indikator.append(item)
        item.bobot = weight
        changes.append(Change(line.kode, line.indikator, "bobot", format_number(old),
                              format_number(weight)))
    return changes


def set_quarter(realisasi: Realisasi, renja: Renja, triwulan: int,
                values: dict[int, str], money: dict[int, str]) -> list[Change]:
    """Set triwulan ``triwulan`` from what was typed per line (``values``: an indicator's
    realisation, ``money``: a sub kegiatan's spending; empty text clears it). Refused, naming
    every line that cannot be read, before anything changes."""
    grid = lines(renja)
    problems: list[tuple[str, str]] = []
    parsed: list[tuple[Line, Decimal | None]] = []
    spent: list[tuple[Line, int | None]] = []
    for index, text in values.items():
        line = _line(grid, index)
        if line.indikator is None:
            continue
        try:
            parsed.append((line, _number(text)))
        except RenjaError as exc:
            problems.append(_where(line, exc))
    for index, text in money.items():
        line = _line(grid, index)
        if not line.money:
            continue
        try:
            spent.append((line, parse_rupiah(text) if text.strip() not in ("", "-") else None))
        except RenjaError as exc:
            problems.append(_where(line, exc))
    if problems:
        raise RenjaError("; ".join(en for en, _ in problems), "; ".join(i for _, i in problems))
    changes = []
    for line, value in parsed:
        assert line.indikator is not None
        changes += _set_indicator(realisasi, line.kode, line.indikator, triwulan, value)
    for line, amount in spent:
        changes += _set_money(realisasi, line.kode, triwulan, amount)
    return changes


def merge(realisasi: Realisasi, incoming: Realisasi, quarters: set[int]) -> list[Change]:
    """Take the values of ``incoming`` (a file) for ``quarters``; a value the file has for
    another quarter must be the one already stored (a template downloaded with the accepted
    quarters filled in comes back unchanged), else it is refused: that quarter is not open."""
    closed: set[int] = set()
    for item in incoming.indikator:
        stored = realisasi.of_indicator(item.kode, item.indikator)
        closed |= _differs(list(item.triwulan), list(stored.triwulan) if stored else [], quarters)
    for money in incoming.anggaran:
        spent = realisasi.of_money(money.kode)
        closed |= _differs(list(money.triwulan), list(spent.triwulan) if spent else [], quarters)
    if closed:
        said = ", ".join(str(q) for q in sorted(closed))
        raise RenjaError(f"the file has values for quarter {said}, which cannot be changed now",
                         f"berkas berisi nilai triwulan {said} yang berbeda dari yang tersimpan, "
                         f"padahal triwulan itu tidak dapat diubah sekarang (sudah diajukan, "
                         f"diterima, atau ditutup jadwal)")
    changes = []
    for item in incoming.indikator:
        for q, value in enumerate(item.triwulan):
            if value is not None and q + 1 in quarters:
                changes += _set_indicator(realisasi, item.kode, item.indikator, q + 1, value)
        stated = realisasi.of_indicator(item.kode, item.indikator)
        if stated is not None and item.agregasi:
            stated.agregasi = item.agregasi
    for money in incoming.anggaran:
        for q, amount in enumerate(money.triwulan):
            if amount is not None and q + 1 in quarters:
                changes += _set_money(realisasi, money.kode, q + 1, amount)
    return changes


def _differs(given: list[object], stored: list[object], quarters: set[int]) -> set[int]:
    """The closed quarters (not in ``quarters``) where ``given`` has a value other than the
    one stored."""
    stored = stored or [None] * len(given)
    return {q + 1 for q, value in enumerate(given)
            if value is not None and q + 1 not in quarters and value != stored[q]}


def _line(grid: list[Line], index: int) -> Line:
    if not 0 <= index < len(grid):
        raise RenjaError(f"line {index + 1} is not in the plan",
                         f"baris {index + 1} tidak ada dalam Renja ini")
    return grid[index]


def _where(line: Line, exc: RenjaError) -> tuple[str, str]:
    what = line.indikator or "anggaran"
    return (f"{line.kode} {what}: {exc.message('en')}", f"{line.kode} {what}: {exc.message('id')}")


def _number(text: str) -> Decimal | None:
    text = text.strip().rstrip("%").strip()
    return None if text in ("", "-") else parse_decimal(text)


def _set_indicator(realisasi: Realisasi, kode: str, nama: str, triwulan: int,
                   value: Decimal | None) -> list[Change]:
    item = realisasi.of_indicator(kode, nama)
    if item is None:
        if value is None:
            return []
        item = RealisasiIndikator(kode=kode, indikator=nama)
        realisasi.indikator.append(item)
    changed, old = _replace(item, triwulan, value)
    return [Change(kode, nama, f"realisasi_tw{triwulan}", _shown(old), _shown(value))] \
        if changed else []


def _set_money(realisasi: Realisasi, kode: str, triwulan: int, amount: int | None
               ) -> list[Change]:
    item = realisasi.of_money(kode)
    if item is None:
        if amount is None:
            return []
        item = RealisasiAnggaran(kode=kode)
        realisasi.anggaran.append(item)
    changed, old = _replace(item, triwulan, amount)
    return [Change(kode, "anggaran", f"anggaran_tw{triwulan}", format_rupiah(old),
                   format_rupiah(amount))] if changed else []


def _replace(item: RealisasiIndikator | RealisasiAnggaran, triwulan: int,
             value: Decimal | int | None) -> tuple[bool, Any]:
    """Put ``value`` in the item's quarter; (whether it changed, the value before)."""
    old = item.triwulan[triwulan - 1]
    if old == value:
        return False, old
    quarters: list[Any] = list(item.triwulan)
    quarters[triwulan - 1] = value
    item.triwulan = quarters
    return True, old


def _shown(value: Decimal | None) -> str:
    return "" if value is None else format_number(value)
