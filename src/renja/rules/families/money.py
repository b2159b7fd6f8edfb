"""Money: roll-ups of pagu and belanja, breakdown sums, the total row, negative or missing money."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from renja.calc.rollup import (
    YEARS,
    belanja,
    belanja_total,
    children_belanja,
    children_pagu,
    operasi_parts,
    pagu,
    plan_belanja,
    plan_total,
)
from renja.domain import Belanja, Jumlah, PlanNode, Source
from renja.domain.plan import BELANJA_OPERASI_PARTS, BELANJA_TOP
from renja.numbers import format_rupiah, parse_rupiah
from renja.rules.registry import Context, rule, where

YEAR_LABEL = {"n": "n", "n1": "n+1"}
FIELD_LABEL = {"operasi": "belanja operasi", "pegawai": "belanja pegawai",
               "barang_jasa": "belanja barang dan jasa", "bunga": "belanja bunga",
               "subsidi": "belanja subsidi", "hibah": "belanja hibah",
               "bantuan_sosial": "belanja bantuan sosial", "modal": "belanja modal",
               "tidak_terduga": "belanja tidak terduga", "transfer": "belanja transfer"}


def rp(value: int | None) -> str:
    return format_rupiah(value, dash_for_zero=False)


def _agrees(ctx: Context, expected: int, actual: int, addends: int) -> bool:
    """Equal, or, for a T-C.33 printed in thousands, within what rounding each of the printed
    amounts to the thousand can add up to."""
    scale = ctx.renja.rencana.skala_uang or 1
    return expected == actual or (scale > 1 and
                                  abs(expected - actual) * 2 <= scale * (addends + 1))


def _year(ctx: Context, year: str) -> int:
    return ctx.renja.tahun + (1 if year == "n1" else 0)


@rule("U001", "uang", "error", "Pagu induk tidak sama dengan jumlah pagu anaknya",
      "Parent pagu differs from the sum of its children",
      "T-C.33 5.03.02 (PROGRAM KEPEGAWAIAN DAERAH): pagu 2024 seharusnya 6.921.275.188 "
      "(jumlah 4 kegiatan), tertulis 6.921.275.000", per_row=True)
def parent_sum(ctx: Context) -> None:
    for node in ctx.nodes():
        for year in YEARS:
            expected, actual = children_pagu(node, year), pagu(node, year)
            if expected is None or actual is None or \
                    _agrees(ctx, expected, actual, len(node.children)):
                continue
            label = where("tc33", node.kode, node.nama)
            count = len(node.children)
            kind = node.children[0].level or "baris"
            ctx.report(table="tc33", kode=node.kode, field=f"pagu_{year}", expected=expected,
                       actual=actual, source=node.source_of(f"pagu_{year}"),
                       id=f"{label}: pagu {_year(ctx, year)} seharusnya {rp(expected)} "
                          f"(jumlah {count} {kind}), tertulis {rp(actual)}",
                       en=f"{label}: pagu {_year(ctx, year)} should be {rp(expected)} "
                          f"(sum of {count} {kind}), found {rp(actual)}")


def _money_rows(ctx: Context) -> Iterator[tuple[PlanNode | Jumlah, str | None, str]]:
    for row in ctx.rows(total=True):
        if isinstance(row, PlanNode):
            yield row, row.kode, row.nama
        else:
            yield row, None, "JUMLAH TOTAL"


@rule("U002", "uang", "error", "Belanja operasi tidak sama dengan jumlah rinciannya",
      "Belanja operasi differs from the sum of its parts",
      "T-C.33 5.03.01.2.02.0003 (…): belanja operasi 2024 seharusnya 108.343.000 (pegawai + "
      "barang dan jasa + …), tertulis 100.000.000", per_row=True)
def operasi_sum(ctx: Context) -> None:
    _sum_rule(ctx, "belanja operasi", "pegawai + barang dan jasa + …",
              lambda row, year: (operasi_parts(_belanja(row, year)),
                                 _belanja(row, year).operasi,
                                 "belanja_operasi_" + year,
                                 _belanja(row, year).source_of("operasi")))


@rule("U003", "uang", "error", "Pagu tidak sama dengan jumlah jenis belanjanya",
      "Pagu differs from the sum of its belanja",
      "T-C.33 5.03.01 (PROGRAM PENUNJANG …): pagu 2024 seharusnya 11.343.868.330 (operasi + "
      "modal + tidak terduga + transfer), tertulis 11.343.000.000", per_row=True)
def pagu_breakdown(ctx: Context) -> None:
    _sum_rule(ctx, "pagu", "operasi + modal + tidak terduga + transfer",
              lambda row, year: (belanja_total(_belanja(row, year)),
                                 getattr(row, f"pagu_{year}"), f"pagu_{year}",
                                 row.source_of(f"pagu_{year}")))


def _belanja(row: PlanNode | Jumlah, year: str) -> Belanja:
    found: Belanja = getattr(row, f"belanja_{year}")
    return found


Amounts = Callable[[PlanNode | Jumlah, str], tuple[int | None, int | None, str, Source | None]]


def _sum_rule(ctx: Context, what: str, formula: str, amounts: Amounts) -> None:
    """Each T-C.33 row and year: ``amounts`` gives (expected sum, printed, field, source)."""
    for row, kode, nama in _money_rows(ctx):
        for year in YEARS:
            expected, actual, field, source = amounts(row, year)
            if expected is None or actual is None or \
                    _agrees(ctx, expected, actual, len(BELANJA_OPERASI_PARTS)):
                continue
            label = where("tc33", kode, nama)
            ctx.report(table="tc33", kode=kode, field=field, expected=expected, actual=actual,
                       source=source,
                       id=f"{label}: {what} {_year(ctx, year)} seharusnya {rp(expected)} "
                          f"({formula}), tertulis {rp(actual)}",
                       en=f"{label}: {what} {_year(ctx, year)} should be {rp(expected)} "
                          f"({formula}), found {rp(actual)}")


@rule("U004", "uang", "error", "JUMLAH TOTAL tidak sama dengan jumlah program",
      "Total row differs from the sum of the programs",
      "T-C.33 (JUMLAH TOTAL): pagu 2025 seharusnya 22.864.405.190 (jumlah 3 program), tertulis "
      "22.864.000.000")
def total_row(ctx: Context) -> None:
    total = ctx.renja.rencana.total
    if total is None:
        return
    nodes = [n for n in ctx.renja.rencana.walk() if n.level == "program"]
    programs = len(nodes)
    for year in YEARS:
        checks = [(f"pagu_{year}", plan_total(ctx.renja, year, nodes),
                   getattr(total, f"pagu_{year}"), total.source_of(f"pagu_{year}"), "pagu")]
        b: Belanja = getattr(total, f"belanja_{year}")
        for name in (*BELANJA_TOP, *BELANJA_OPERASI_PARTS):
            checks.append((f"belanja_{name}_{year}", plan_belanja(ctx.renja, year, name, nodes),
                           getattr(b, name), b.source_of(name), FIELD_LABEL[name]))
        for field, expected, actual, source, what in checks:
            if expected is None or actual is None or _agrees(ctx, expected, actual, programs):
                continue
            ctx.report(table="tc33", field=field, expected=expected, actual=actual,
                       source=source,
                       id=f"T-C.33 (JUMLAH TOTAL): {what} {_year(ctx, year)} seharusnya "
                          f"{rp(expected)} (jumlah {programs} program), tertulis {rp(actual)}",
                       en=f"T-C.33 (JUMLAH TOTAL): {what} {_year(ctx, year)} should be "
                          f"{rp(expected)} (sum of {programs} programs), found {rp(actual)}")


@rule("U005", "uang", "error", "Rincian belanja induk tidak sama dengan jumlah rincian anaknya",
      "A parent's belanja differs from the sum of its children's",
      "T-C.33 5.03.02 (PROGRAM KEPEGAWAIAN DAERAH): belanja pegawai 2024 seharusnya "
      "0 (jumlah 4 kegiatan), tertulis 7.992.286.000", per_row=True)
def parent_breakdown(ctx: Context) -> None:
    for node in ctx.nodes():
        for year in YEARS:
            expected_pagu, printed = children_pagu(node, year), pagu(node, year)
            if expected_pagu != printed and (expected_pagu is None or printed is None or not
                                             _agrees(ctx, expected_pagu, printed,
                                                     len(node.children))):
                continue  # the pagu itself is off: U001 says so once
            b = belanja(node, year)
            for name in (*BELANJA_TOP, *BELANJA_OPERASI_PARTS):
                expected, actual = children_belanja(node, year, name), getattr(b, name)
                if expected is None or actual is None or \
                        _agrees(ctx, expected, actual, len(node.children)):
                    continue
                label = where("tc33", node.kode, node.nama)
                ctx.report(table="tc33", kode=node.kode, field=f"belanja_{name}_{year}",
                           expected=expected, actual=actual, source=b.source_of(name),
                           id=f"{label}: {FIELD_LABEL[name]} {_year(ctx, year)} seharusnya "
                              f"{rp(expected)} (jumlah {len(node.children)} "
                              f"{node.children[0].level}), tertulis {rp(actual)}",
                           en=f"{label}: {FIELD_LABEL[name]} {_year(ctx, year)} should be "
                              f"{rp(expected)} (sum of {len(node.children)} "
                              f"{node.children[0].level}), found {rp(actual)}")


@rule("U006", "uang", "error", "Uang negatif atau pagu sub kegiatan kosong",
      "Negative money, or a sub kegiatan without pagu",
      "T-C.33 5.03.01.2.01.0001 (…): pagu 2024 negatif: -9.058.600", per_row=True)
def negative_or_missing(ctx: Context) -> None:
    for node in ctx.nodes():
        label = where("tc33", node.kode, node.nama)
        for year in YEARS:
            value = pagu(node, year)
            if value is not None and value < 0:
                ctx.report(table="tc33", kode=node.kode, field=f"pagu_{year}", actual=value,
                           source=node.source_of(f"pagu_{year}"),
                           id=f"{label}: pagu {_year(ctx, year)} negatif: {rp(value)}",
                           en=f"{label}: pagu {_year(ctx, year)} is negative: {rp(value)}")
            elif value is None and node.level == "sub_kegiatan":
                ctx.report(table="tc33", kode=node.kode, field=f"pagu_{year}",
                           severity="warning", source=node.source_of("row"),
                           id=f"{label}: pagu {_year(ctx, year)} tidak diisi",
                           en=f"{label}: pagu {_year(ctx, year)} is not filled in")
            b = belanja(node, year)
            for name in (*BELANJA_TOP, *BELANJA_OPERASI_PARTS):
                amount = getattr(b, name)
                if amount is not None and amount < 0:
                    ctx.report(table="tc33", kode=node.kode, field=f"belanja_{name}_{year}",
                               actual=amount, source=b.source_of(name),
                               id=f"{label}: {FIELD_LABEL[name]} {_year(ctx, year)} negatif: "
                                  f"{rp(amount)}",
                               en=f"{label}: {FIELD_LABEL[name]} {_year(ctx, year)} is negative:"
                                  f" {rp(amount)}")


_AMOUNT = re.compile(r"Rp\.?\s*([\d.]+(?:,\d+)?(?:,-)?)", re.IGNORECASE)


@rule("U007", "uang", "warning", "Jumlah uang di teks BAB IV tidak cocok dengan tabel",
      "An amount in the chapter IV text does not match the table",
      "Teks BAB IV: Rp 22.000.000.000 tidak sama dengan pagu 2024 (22.145.310.718) maupun "
      "pagu 2025 (22.864.405.190) di T-C.33")
def narrative_amounts(ctx: Context) -> None:
    chapter = next((b for b in ctx.renja.bab if b.nomor == "IV"), None)
    total = ctx.renja.rencana.total
    if chapter is None or total is None:
        return
    known = {total.pagu_n, total.pagu_n1}
    texts = [chapter.teks, *(s.teks for s in chapter.bagian)]
    for text in texts:
        for match in _AMOUNT.finditer(text):
            try:
                amount = parse_rupiah(match.group(1))
            except ValueError:
                continue
            if amount in known or amount < 1_000_000:
                continue
            ctx.report(table="narasi", field="teks", actual=amount, expected=total.pagu_n,
                       source=chapter.source_of("row"),
                       id=f"Teks BAB IV: Rp {rp(amount)} tidak sama dengan pagu "
                          f"{ctx.renja.tahun} ({rp(total.pagu_n)}) maupun pagu "
                          f"{ctx.renja.tahun + 1} ({rp(total.pagu_n1)}) di T-C.33",
                       en=f"Chapter IV text: Rp {rp(amount)} equals neither the pagu "
                          f"{ctx.renja.tahun} ({rp(total.pagu_n)}) nor the pagu "
                          f"{ctx.renja.tahun + 1} ({rp(total.pagu_n1)}) of T-C.33")
