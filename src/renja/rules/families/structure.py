"""Rules on how the document is put together: years in table titles, rows that cannot carry
what they carry."""

from __future__ import annotations

import re

from renja.domain import Renja
from renja.numbers import format_rupiah
from renja.rules.registry import Context, rule, where

_YEAR = re.compile(r"\b(20\d\d)\b")
_FORWARD = re.compile(r"prakiraan\s+maju(?:\s+rencana)?\s+tahun\s+(20\d\d)", re.IGNORECASE)


def _allowed_years(renja: Renja, table: str) -> tuple[set[int], str] | None:
    """The years a table's title may name, and how the message says them."""
    n = renja.tahun
    if table == "tc31":  # the ranwal RKPD of the plan's own year
        return {n}, f"{n}"
    if table == "tc33":  # year n and its prakiraan maju n+1
        return {n, n + 1}, f"{n} dan {n + 1}"
    if table == "tc32":  # proposals gathered in n-1 for year n
        return {n - 1, n}, f"{n - 1} atau {n}"
    return None


@rule("H006", "teks", "warning", "Tahun di judul tabel tidak cocok dengan tahun Renja",
      "A table title names a year that does not fit the plan year",
      "T-C.31: judul 'Review terhadap Rancangan Awal RKPD tahun 2020' menyebut tahun 2020; "
      "Renja ini untuk tahun 2024")
def title_years(ctx: Context) -> None:
    renja = ctx.renja
    titles = {"tc31": renja.tc31.judul, "tc32": renja.tc32.judul, "tc33": renja.rencana.judul}
    owners = {"tc31": renja.tc31, "tc32": renja.tc32, "tc33": renja.rencana}
    for table, title in titles.items():
        allowed = _allowed_years(renja, table)
        if not title or allowed is None:
            continue
        years, said = allowed
        wrong = sorted({int(y) for y in _YEAR.findall(title)} - years)
        forward = _FORWARD.search(title)
        if table == "tc33" and forward and int(forward.group(1)) not in wrong and \
                int(forward.group(1)) != renja.tahun + 1:
            shown = title if len(title) <= 120 else title[:119] + "…"
            ctx.report(table=table, field="judul", expected=str(renja.tahun + 1),
                       actual=forward.group(1), source=owners[table].source_of("header"),
                       id=f"T-C.33: judul '{shown}' menyebut prakiraan maju tahun "
                          f"{forward.group(1)}; prakiraan maju Renja {renja.tahun} adalah tahun "
                          f"{renja.tahun + 1}",
                       en=f"T-C.33: the title '{shown}' gives the prakiraan maju as "
                          f"{forward.group(1)}; for a {renja.tahun} plan it is {renja.tahun + 1}")
        for year in wrong:
            shown = title if len(title) <= 120 else title[:119] + "…"
            ctx.report(table=table, field="judul", expected=said, actual=str(year),
                       source=owners[table].source_of("header"),
                       id=f"{where(table, None, None)}: judul '{shown}' menyebut tahun {year}; "
                          f"Renja ini untuk tahun {renja.tahun} (seharusnya {said})",
                       en=f"{where(table, None, None)}: the title '{shown}' names {year}; this "
                          f"plan is for {renja.tahun} (expected {said.replace('dan', 'and')})")


@rule("U008", "uang", "warning", "Kegiatan berpagu tanpa sub kegiatan",
      "A kegiatan with a pagu but no sub kegiatan",
      "T-C.33 5.03.01.2.03 (Administrasi Barang Milik Daerah pada Perangkat Daerah): pagu "
      "2024 125.000.000 tetapi tidak ada sub kegiatan di bawahnya")
def kegiatan_without_sub_kegiatan(ctx: Context) -> None:
    for node in ctx.renja.rencana.walk():
        if node.level != "kegiatan" or node.children:
            continue
        for year, value in ((ctx.renja.tahun, node.pagu_n), (ctx.renja.tahun + 1, node.pagu_n1)):
            if value:
                label = where("tc33", node.kode, node.nama)
                ctx.report(table="tc33", kode=node.kode, field="pagu_n" if year ==
                           ctx.renja.tahun else "pagu_n1", actual=value,
                           source=node.source_of("row"),
                           id=f"{label}: pagu {year} {format_rupiah(value)} tetapi tidak ada "
                              f"sub kegiatan di bawahnya (uang dianggarkan pada sub kegiatan)",
                           en=f"{label}: pagu {year} {format_rupiah(value)} but no sub kegiatan "
                              f"under it (money is budgeted on sub kegiatan)")
                break
