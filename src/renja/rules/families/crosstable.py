"""Cross-table consistency: T-C.31 vs T-C.33, the 3.3 list, T-C.29, indicator values, counts."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from rapidfuzz import fuzz, process

from renja.domain import NilaiTahun, PlanNode, Source, Target, Tc31Row
from renja.domain.provenance import Traced
from renja.domain.target import format_target, same_satuan
from renja.nomenklatur import normalise_name
from renja.numbers import format_rupiah
from renja.rules.finding import TABLE_LABELS
from renja.rules.registry import Context, rule, where

NAME_ALIKE = 90.0
INDICATOR_ALIKE = 85.0


def _pairs(ctx: Context) -> list[tuple[Tc31Row, PlanNode]]:
    """T-C.31 rows with their T-C.33 row: the same code and a like name, else a like name.
    Computed once per check run and shared by the rules that need it."""
    if "tc31_pairs" not in ctx.cache:
        ctx.cache["tc31_pairs"] = list(_match_tc31(ctx))
    pairs: list[tuple[Tc31Row, PlanNode]] = ctx.cache["tc31_pairs"]
    return pairs


def _match_tc31(ctx: Context) -> Iterator[tuple[Tc31Row, PlanNode]]:
    nodes = list(ctx.renja.rencana.walk())
    names = [normalise_name(n.nama) for n in nodes]
    by_code: dict[str, list[int]] = {}
    for i, node in enumerate(nodes):
        if node.kode:
            by_code.setdefault(node.kode, []).append(i)
    for row in ctx.renja.tc31.rows:
        name = normalise_name(row.kebutuhan.nama or row.ranwal.nama)
        same = [(fuzz.token_sort_ratio(name, names[i]), i) for i in by_code.get(row.kode or "", [])]
        same = [(s, i) for s, i in same if s >= 80]
        if same:
            yield row, nodes[max(same)[1]]
            continue
        best = process.extractOne(name, names, scorer=fuzz.token_sort_ratio,
                                  score_cutoff=NAME_ALIKE)
        if best is not None:
            yield row, nodes[best[2]]


def _same(a: Target | None, b: Target | None) -> bool:
    if a is None or b is None:
        return True
    if a.value is not None and b.value is not None:
        return a.value == b.value and same_satuan(a.satuan, b.satuan)
    return normalise_name(a.text) == normalise_name(b.text)


def _line(source: Source | None) -> str:
    return source.at() if source else ""


def _rounding(ctx: Context) -> int:
    """How far amounts of T-C.31 and T-C.33 may differ by rounding: 1.000 when one of them
    was printed in thousands."""
    return max(ctx.renja.tc31.skala_uang or 1, ctx.renja.rencana.skala_uang or 1)


@rule("L001", "lintas_tabel", "error", "Pagu T-C.33 berbeda dari kebutuhan dana T-C.31",
      "T-C.33 pagu differs from the T-C.31 kebutuhan dana",
      "T-C.33 5.03.01.2.02.0001 (…): pagu 2024 7.883.943.000 berbeda dari kebutuhan dana di "
      "T-C.31 7.800.000.000 (baris 432)")
def pagu_vs_tc31(ctx: Context) -> None:
    rounding = _rounding(ctx)  # printed in thousands: within 1.000 agrees
    for row, node in _pairs(ctx):
        expected, actual = row.kebutuhan.pagu, node.pagu_n
        if expected is None or actual is None or abs(expected - actual) < rounding or \
                expected == actual:
            continue
        label = where("tc33", node.kode, node.nama)
        at = _line(row.kebutuhan.source_of("pagu"))
        ctx.report(table="tc33", kode=node.kode, field="pagu_n", expected=expected,
                   actual=actual, source=node.source_of("pagu_n"),
                   id=f"{label}: pagu {ctx.renja.tahun} {format_rupiah(actual)} berbeda dari "
                      f"kebutuhan dana di T-C.31 {format_rupiah(expected)}{at}",
                   en=f"{label}: pagu {ctx.renja.tahun} {format_rupiah(actual)} differs from "
                      f"the T-C.31 kebutuhan dana {format_rupiah(expected)}"
                      f"{at.replace('baris', 'line')}")


@rule("L002", "lintas_tabel", "error", "Target T-C.33 berbeda dari T-C.31 dan prakiraan maju",
      "T-C.33 target differs from T-C.31",
      "T-C.33 5.03.01.2.09.0009 (Pemeliharaan/Rehabilitasi Gedung …): target 2024 '174 unit' "
      "berbeda dari T-C.31 '1 unit' (baris 471); prakiraan maju 2025 '1 unit'")
def target_vs_tc31(ctx: Context) -> None:
    for row, node in _pairs(ctx):
        for i, ind in enumerate(node.indikator):
            if i >= len(row.kebutuhan.indikator):
                break
            theirs = row.kebutuhan.indikator[i].target
            if _same(ind.target_n, theirs) or ind.target_n is None or theirs is None:
                continue
            label = where("tc33", node.kode, node.nama)
            at = _line(row.kebutuhan.indikator[i].source_of("target"))
            n1 = f"; prakiraan maju {ctx.renja.tahun + 1} '{ind.target_n1.text}'" \
                if ind.target_n1 is not None else ""
            n1_en = n1.replace("prakiraan maju", "forward estimate")
            ctx.report(table="tc33", kode=node.kode, field="target_n",
                       expected=theirs.text, actual=ind.target_n.text,
                       source=ind.source_of("target_n"),
                       id=f"{label}: target {ctx.renja.tahun} '{ind.target_n.text}' berbeda dari "
                          f"T-C.31 '{theirs.text}'{at}{n1}",
                       en=f"{label}: target {ctx.renja.tahun} '{ind.target_n.text}' differs from "
                          f"T-C.31 '{theirs.text}'{at.replace('baris', 'line')}{n1_en}")


@rule("L003", "lintas_tabel", "warning", "Nama indikator T-C.31 berbeda dari T-C.33",
      "Indicator name in T-C.31 differs from T-C.33",
      "T-C.31 5.03.02.2.01.0010 (Pengelolaan Sistem Informasi Kepegawaian): indikator 'Jumlah "
      "Dokumen Hasil Pengelolaan Sistem' berbeda dari T-C.33 'Jumlah Dokumen Hasil Pengelolaan "
      "Sistem Informasi Kepegawaian'")
def indicator_vs_tc31(ctx: Context) -> None:
    for row, node in _pairs(ctx):
        for ind, theirs in zip(node.indikator, row.kebutuhan.indikator, strict=False):
            score = fuzz.token_sort_ratio(normalise_name(ind.nama), normalise_name(theirs.nama))
            if score >= INDICATOR_ALIKE:
                continue
            label = where("tc31", row.kode, row.kebutuhan.nama)
            ctx.report(table="tc31", kode=row.kode, field="indikator", expected=ind.nama,
                       actual=theirs.nama, source=row.source_of("row"),
                       id=f"{label}: indikator '{theirs.nama}' berbeda dari T-C.33 '{ind.nama}'",
                       en=f"{label}: indicator '{theirs.nama}' differs from T-C.33 "
                          f"'{ind.nama}'")


@rule("L004", "lintas_tabel", "warning", "Baris ada di satu tabel tetapi tidak di tabel lain",
      "A row present in one table and missing in another",
      "Daftar 3.3 (Evaluasi Pemberhentian ASN): sub_kegiatan di daftar 3.3 tidak ada di T-C.33")
def missing_rows(ctx: Context) -> None:
    plan = [n for n in ctx.renja.rencana.walk() if n.level in ("program", "kegiatan",
                                                              "sub_kegiatan")]
    _tc31_rows(ctx, plan)
    _daftar_rows(ctx, plan)
    _tc29_rows(ctx, plan)


def _tc31_rows(ctx: Context, plan: list[PlanNode]) -> None:
    rows = [r for r in ctx.renja.tc31.rows
            if r.level not in ("bidang", "urusan") and r.kebutuhan.nama]
    if not rows:
        return
    codes = {r.kode for r in rows if r.kode}
    for node in plan:
        if node.kode and node.kode not in codes and not _named_in(node.nama,
                                                                  [r.kebutuhan.nama for r in rows]):
            ctx.report(table="tc33", kode=node.kode, field="row", source=node.source_of("row"),
                       id=f"{where('tc33', node.kode, node.nama)}: {node.level} tidak ada di "
                          f"T-C.31",
                       en=f"{where('tc33', node.kode, node.nama)}: {node.level} is missing from "
                          f"T-C.31")
    known = {n.kode for n in plan}
    for row in rows:
        name = row.kebutuhan.nama
        if row.kode in known or _named_in(name, [n.nama for n in plan]):
            continue
        ctx.report(table="tc31", kode=row.kode, field="row", source=row.source_of("row"),
                   id=f"{where('tc31', row.kode, name)}: baris T-C.31 tidak ada di T-C.33",
                   en=f"{where('tc31', row.kode, name)}: T-C.31 row is missing from T-C.33")


def _named_in(name: str, names: list[str]) -> bool:
    return _alike_in(normalise_name(name), [normalise_name(n) for n in names])


def _alike_in(key: str, keys: list[str]) -> bool:
    """True when one of ``keys`` (normalised names) is like ``key``: the same name is looked
    up first (most rows are), the fuzzy search only runs for the others."""
    if key in keys:
        return True
    return process.extractOne(key, keys, scorer=fuzz.token_sort_ratio,
                              score_cutoff=NAME_ALIKE) is not None


def _keys_by_level(names: list[tuple[str | None, str]]) -> dict[str | None, list[str]]:
    found: dict[str | None, list[str]] = {}
    for level, nama in names:
        found.setdefault(level, []).append(normalise_name(nama))
    return found


def _daftar_rows(ctx: Context, plan: list[PlanNode]) -> None:
    items = ctx.renja.daftar_program.rows
    if not items:
        return
    plan_keys = _keys_by_level([(n.level, n.nama) for n in plan])
    item_keys = _keys_by_level([(i.level, i.nama) for i in items])
    for item in items:
        if not _alike_in(normalise_name(item.nama), plan_keys.get(item.level, [])):
            ctx.report(table="daftar_program", field="row", source=item.source_of("row"),
                       id=f"Daftar 3.3 ({item.nama}): {item.level} di daftar 3.3 tidak ada di "
                          f"T-C.33",
                       en=f"List 3.3 ({item.nama}): {item.level} in list 3.3 is missing from "
                          f"T-C.33")
    for node in plan:
        if not _alike_in(normalise_name(node.nama), item_keys.get(node.level, [])):
            ctx.report(table="tc33", kode=node.kode, field="row", source=node.source_of("row"),
                       id=f"{where('tc33', node.kode, node.nama)}: {node.level} tidak ada di "
                          f"daftar 3.3",
                       en=f"{where('tc33', node.kode, node.nama)}: {node.level} is missing from "
                          f"list 3.3")


def _tc29_rows(ctx: Context, plan: list[PlanNode]) -> None:
    rows = ctx.renja.tc29.rows
    if not rows:
        return
    codes = {n.kode for n in plan}
    for row in rows:
        if row.level in ("program", "kegiatan", "sub_kegiatan") and row.kode not in codes and \
                not _named_in(row.nama, [n.nama for n in plan if n.level == row.level]):
            ctx.report(table="tc29", kode=row.kode, field="row", severity="info",
                       source=row.source_of("row"),
                       id=f"{where('tc29', row.kode, row.nama)}: dievaluasi di T-C.29 tetapi "
                          f"tidak direncanakan lagi di T-C.33",
                       en=f"{where('tc29', row.kode, row.nama)}: evaluated in T-C.29 but not "
                          f"planned again in T-C.33")


Values = dict[str, list[tuple[str, int, Target, Source | None]]]


def _indicator_values(ctx: Context) -> Values:
    """Realisasi per indicator name: (table, year, value, source)."""
    n = ctx.renja.tahun
    found: Values = {}
    for row in ctx.renja.tc30.rows:
        _yearly(found, "tc30", row.indikator, row.realisasi, row, "realisasi")
    for ts in ctx.renja.tujuan_sasaran.rows:
        if ts.indikator and ts.realisasi_n2 is not None:
            found.setdefault(normalise_name(ts.indikator), []).append(
                ("tujuan_sasaran", n - 2, ts.realisasi_n2, ts.source_of("realisasi_n2")))
    for tc29 in ctx.renja.tc29.rows:
        for ind in tc29.indikator:
            if ind.realisasi_n2 is not None:
                found.setdefault(normalise_name(ind.nama), []).append(
                    ("tc29", n - 2, ind.realisasi_n2, ind.source_of("realisasi_n2")))
    return found


def _target_values(ctx: Context) -> Values:
    """Renja targets per indicator name and year: T-C.30's projections (years n, n+1),
    T-C.29's targets of n-2 and n-1, Tabel 3.2's target of year n. Renstra targets are left
    out: a Renja may set its own."""
    n = ctx.renja.tahun
    found: Values = {}
    for row in ctx.renja.tc30.rows:
        _yearly(found, "tc30", row.indikator, row.proyeksi, row, "proyeksi")
    for tc29 in ctx.renja.tc29.rows:
        for ind in tc29.indikator:
            for year, name in ((n - 2, "target_n2"), (n - 1, "target_n1")):
                value = getattr(ind, name)
                if value is not None:
                    found.setdefault(normalise_name(ind.nama), []).append(
                        ("tc29", year, value, ind.source_of(name)))
    for ts in ctx.renja.tujuan_sasaran.rows:
        if ts.indikator and ts.target_n is not None:
            found.setdefault(normalise_name(ts.indikator), []).append(
                ("tujuan_sasaran", n, ts.target_n, ts.source_of("target_n")))
    return found


def _yearly(found: Values, table: str, name: str, values: list[NilaiTahun], row: Traced,
            field: str) -> None:
    seen: set[int] = set()
    for i, item in enumerate(values):
        if item.tahun is None or item.nilai is None or item.tahun in seen:
            continue
        seen.add(item.tahun)
        found.setdefault(normalise_name(name), []).append(
            (table, item.tahun, item.nilai, row.source_of(f"{field}.{i}")))


def _number(target: Target) -> Decimal | None:
    return target.value


def _disagreements(values: Values) -> Iterator[tuple[str, int, list[tuple[str, Target]], int,
                                                     Source | None]]:
    """(indicator, year, each table's value in order, the first differing one, where it is)
    for every indicator and year whose tables state different numbers: one finding per
    indicator and year, naming every table."""
    for name, items in values.items():
        by_year: dict[int, list[tuple[str, Target, Source | None]]] = {}
        for table, year, target, source in items:
            if _number(target) is None:
                continue
            tables = by_year.setdefault(year, [])
            if all(t != table for t, _, _ in tables):
                tables.append((table, target, source))
        for year, tables in by_year.items():
            first = _number(tables[0][1])
            at = next((i for i, t in enumerate(tables) if _number(t[1]) != first), None)
            if at is not None:
                yield name, year, [(t, v) for t, v, _ in tables], at, tables[at][2]


def _others(tables: list[tuple[str, Target]], skip: int) -> str:
    return ", ".join(f"{TABLE_LABELS[t]} {format_target(v)}"
                     for i, (t, v) in enumerate(tables) if i != skip)


@rule("L005", "lintas_tabel", "error", "Realisasi indikator yang sama berbeda antar tabel",
      "The same indicator's realisasi differs between tables",
      "Tabel 3.2: realisasi 2022 indikator 'Indeks Profesionalitas Aparatur Sipil Negara' "
      "54,67 berbeda dari T-C.30 70,036")
def same_indicator(ctx: Context) -> None:
    _report_disagreements(ctx, _indicator_values(ctx), "realisasi")


@rule("L009", "lintas_tabel", "warning", "Target indikator yang sama berbeda antar tabel",
      "The same indicator's target for a year differs between tables",
      "Tabel 3.2: target 2024 indikator 'Indeks Profesionalitas Aparatur Sipil Negara' 54,72 "
      "berbeda dari T-C.30 70,05")
def same_target(ctx: Context) -> None:
    _report_disagreements(ctx, _target_values(ctx), "target")


def _report_disagreements(ctx: Context, values: Values, what: str) -> None:
    for name, year, tables, at, source in _disagreements(values):
        table, value = tables[at]
        shown = _display(ctx, name)
        ctx.report(table=table, field=what, expected=tables[0][1].text, actual=value.text,
                   source=source,
                   id=f"{TABLE_LABELS[table]}: {what} {year} indikator '{shown}' "
                      f"{format_target(value)} berbeda dari {_others(tables, at)}",
                   en=f"{TABLE_LABELS[table]}: {what} {year} of indicator '{shown}' "
                      f"{format_target(value)} differs from {_others(tables, at)}")


def _display(ctx: Context, normalised: str) -> str:
    for row in ctx.renja.tc30.rows:
        if normalise_name(row.indikator) == normalised:
            return row.indikator
    for ts in ctx.renja.tujuan_sasaran.rows:
        if ts.indikator and normalise_name(ts.indikator) == normalised:
            return ts.indikator
    return normalised


@rule("L007", "lintas_tabel", "error", "Total T-C.31 berbeda dari total T-C.33",
      "T-C.31 total differs from the T-C.33 total",
      "T-C.31: jumlah kebutuhan dana 22.100.000.000 berbeda dari JUMLAH TOTAL T-C.33 "
      "22.145.310.718")
def totals(ctx: Context) -> None:
    total = ctx.renja.rencana.total
    tc31 = ctx.renja.tc31.total_kebutuhan
    if total is None or total.pagu_n is None or tc31 is None or tc31 == total.pagu_n:
        return
    if abs(tc31 - total.pagu_n) < _rounding(ctx):
        return  # printed in thousands: rounded
    ctx.report(table="tc31", field="total_kebutuhan", expected=total.pagu_n, actual=tc31,
               id=f"T-C.31: jumlah kebutuhan dana {format_rupiah(tc31)} berbeda dari JUMLAH "
                  f"TOTAL T-C.33 {format_rupiah(total.pagu_n)}",
               en=f"T-C.31: total kebutuhan dana {format_rupiah(tc31)} differs from the T-C.33 "
                  f"total {format_rupiah(total.pagu_n)}")
