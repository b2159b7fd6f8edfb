"""Text: numbered lists, cited regulations, years, header labels."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from renja.domain import Bab, Bagian, Source
from renja.domain.provenance import Traced
from renja.io.tables.money_unit import too_large
from renja.numbers import format_rupiah, money_scale
from renja.rules.registry import Context, rule

_NUMBER = re.compile(r"^[-•\s]*(\d+|[a-z])[.)]\s+")


def _lists(ctx: Context) -> Iterator[tuple[str, str, list[tuple[str, Source | None]]]]:
    """(table, name, items with their source) for each numbered list of the plan."""
    reg = ctx.renja.dasar_hukum
    if reg is not None:
        for name in ("menimbang", "mengingat"):
            items = getattr(reg, name)
            yield "hukum", name.title(), [(t, reg.source_of(f"{name}.{i}"))
                                          for i, t in enumerate(items)]
    for bab in ctx.renja.bab:
        holders: list[tuple[Bab | Bagian, str]] = [
            (bab, f"BAB {bab.nomor}"), *((s, f"{s.nomor} {s.judul}") for s in bab.bagian)]
        for holder, title in holders:
            paragraphs = holder.teks.split("\n\n") if holder.teks else []
            yield "narasi", title, [(p, holder.source_of(f"teks.{i}"))
                                    for i, p in enumerate(paragraphs)]


def _ordinal(label: str) -> int:
    return int(label) if label.isdigit() else ord(label) - ord("a") + 1


@rule("H001", "teks", "error", "Penomoran daftar berulang atau melompat",
      "A numbered list repeats or skips a number",
      "Dasar hukum, Mengingat: nomor 4 berulang; seharusnya 5")
def numbering(ctx: Context) -> None:
    for table, name, items in _lists(ctx):
        numbered = _numbered(table, items)
        last: dict[bool, int | None] = {True: None, False: None}  # digits, letters
        for i, (shown, style, number, source) in enumerate(numbered):
            if shown is None:
                last = {True: None, False: None}
                continue
            previous = last[style]
            if style:
                last[False] = None  # letters under a new number start again
            last[style] = number
            if previous is None or number == 1 or number == previous + 1:
                continue
            expected = previous + 1
            if _next_number(numbered, i, style) == expected + 1:
                last[style] = expected  # one slip: this item stands for the expected number
            what = "berulang" if number == previous else "melompat"
            what_en = "is repeated" if number == previous else "skips"
            want = str(expected) if shown.isdigit() else chr(ord("a") + expected - 1)
            prefix = "Dasar hukum" if table == "hukum" else "Teks"
            ctx.report(table=table, field=name, expected=want, actual=shown, source=source,
                       id=f"{prefix}, {name}: nomor {shown} {what}; seharusnya {want}",
                       en=f"{'Legal basis' if table == 'hukum' else 'Text'}, {name}: "
                          f"number {shown} {what_en}; expected {want}")


def _numbered(table: str, items: Any) -> list[tuple[str | None, bool, int, Any]]:
    """(number as printed, digits?, ordinal, source) per item; (None, …) where a narrative
    paragraph without a number ends a list."""
    found: list[tuple[str | None, bool, int, Any]] = []
    for text, source in items:
        match = _NUMBER.match(text)
        if match is None:
            if table == "narasi":
                found.append((None, True, 0, source))
            continue
        found.append((match.group(1), match.group(1).isdigit(), _ordinal(match.group(1)),
                      source))
    return found


def _next_number(numbered: list[tuple[str | None, bool, int, Any]], i: int,
                 style: bool) -> int | None:
    for shown, same, number, _ in numbered[i + 1:]:
        if shown is None:
            return None
        if same == style:
            return number
    return None


_NO_NUMBER = re.compile(
    r"\b((?:Peraturan|Keputusan|Instruksi|Surat Edaran)(?:\s+[A-Z][\w.]*){1,4})\s+Nomor\s+"
    r"Tahun\s+(\d{4})")


@rule("H002", "teks", "error", "Peraturan dikutip tanpa nomor", "A regulation cited without its "
      "number", "Teks 1.2 Landasan Hukum: 'Peraturan Bupati Pasuruan Nomor Tahun 2023' tanpa "
      "nomor peraturan")
def missing_number(ctx: Context) -> None:
    for table, name, items in _lists(ctx):
        for text, source in items:
            for match in _NO_NUMBER.finditer(text):
                cited = f"{match.group(1)} Nomor Tahun {match.group(2)}"
                prefix = "Dasar hukum" if table == "hukum" else "Teks"
                ctx.report(table=table, field=name, actual=cited, source=source,
                           id=f"{prefix} {name}: '{cited}' tanpa nomor peraturan",
                           en=f"{'Legal basis' if table == 'hukum' else 'Text'} {name}: "
                              f"'{cited}' has no regulation number")


_PLAN_YEAR = re.compile(r"\b(Rencana Kerja|Renja)\b(?:(?!\b(?:lalu|sebelumnya|Renstra)\b)"
                        r"[^.;:()])*?\b[Tt]ahun\s+(20\d\d)\b(?![-–]\s*20\d\d)")
_CITED = re.compile(r"Nomor\s+[\w.-]+\s+Tahun\s+(\d{4})")
_GAZETTE = re.compile(r"\((?:Berita|Lembaran)\s+(?:Daerah|Negara)[^)]*?Tahun\s+(\d{4})")


def _published_mismatches(text: str) -> Iterator[tuple[str, str]]:
    """(years cited, gazette year) where the gazette year fits no regulation cited before it."""
    start = 0
    for match in _GAZETTE.finditer(text):
        span = text[start:match.start()]
        cited = _CITED.findall(span)
        if cited and match.group(1) not in cited:
            yield cited[0], match.group(1)
        start = match.end()


@rule("H003", "teks", "warning", "Tahun di teks tidak cocok", "A year in the text does not fit",
      "Teks 2.4 Review terhadap Rencana awal RKPD: 'Rencana Kerja Tahun 2021' dalam Renja tahun "
      "2024")
def wrong_years(ctx: Context) -> None:
    n = ctx.renja.tahun
    for table, name, items in _lists(ctx):
        prefix = "Dasar hukum" if table == "hukum" else "Teks"
        prefix_en = "Legal basis" if table == "hukum" else "Text"
        for text, source in items:
            for match in _PLAN_YEAR.finditer(text):
                year = int(match.group(2))
                if year in (n, n + 1):
                    continue
                cited = f"{match.group(1)} … Tahun {year}"
                ctx.report(table=table, field=name, expected=str(n), actual=str(year),
                           source=source,
                           id=f"{prefix} {name}: '{cited}' dalam Renja tahun {n}",
                           en=f"{prefix_en} {name}: '{cited}' in the Renja for {n}")
            for made, published in _published_mismatches(text):
                ctx.report(table=table, field=name, expected=made, actual=published,
                           source=source,
                           id=f"{prefix} {name}: peraturan tahun {made} diundangkan dalam "
                              f"Berita/Lembaran tahun {published}",
                           en=f"{prefix_en} {name}: a regulation of {made} promulgated in the "
                              f"gazette of {published}")


_UNITS = {1000: ("ribuan", "thousands"), 1_000_000: ("jutaan", "millions")}


@rule("H004", "teks", "error", "Label satuan uang bertentangan dengan nilainya",
      "The money label of a header contradicts its values",
      "T-C.31: judul kolom menyebut 'Rp.000' (ribuan), tetapi nilainya dalam Rupiah: jumlahnya "
      "22.145.310.718 sama dengan JUMLAH TOTAL T-C.33")
def money_label(ctx: Context) -> None:
    _plan_label(ctx)
    tc31 = ctx.renja.tc31
    label, said = tc31.satuan_uang, money_scale(ctx.renja.tc31.satuan_uang)
    scale = tc31.skala_uang or 1
    if scale != 1 and said != scale:
        shown = f"'{label}'" if label else "Rp"
        unit_id, unit_en = _UNITS[scale]
        ctx.report(table="tc31", field="satuan_uang", expected=unit_id, actual=label or "Rp",
                   source=tc31.source_of("header"),
                   id=f"T-C.31: judul kolom menyebut {shown}, tetapi nilainya dalam {unit_id} "
                      f"(dibandingkan dengan pagu T-C.33); dibaca sebagai {unit_id}",
                   en=f"T-C.31: the header says {shown}, but the values are in {unit_en} "
                      f"(compared with the T-C.33 pagu); read as {unit_en}")
        return
    if said == 1 or scale != 1 or tc31.total_kebutuhan is None:
        return
    total = ctx.renja.rencana.total  # in Rupiah, whatever T-C.33 printed
    same = total is not None and tc31.total_kebutuhan == total.pagu_n
    huge = tc31.total_kebutuhan * said >= 10_000_000_000_000
    if not (same or huge):
        return
    unit_id, unit_en = _UNITS[said]
    why_id = (f"jumlahnya {format_rupiah(tc31.total_kebutuhan)} sama dengan JUMLAH TOTAL T-C.33"
              if same else f"dalam {unit_id} jumlahnya menjadi lebih dari 10 triliun Rupiah")
    why_en = (f"its total {format_rupiah(tc31.total_kebutuhan)} equals the T-C.33 total"
              if same else f"in {unit_en} its total would exceed 10 trillion Rupiah")
    ctx.report(table="tc31", field="satuan_uang", expected="Rp", actual=label,
               source=tc31.source_of("header"),
               id=f"T-C.31: judul kolom menyebut '{label}' ({unit_id}), tetapi nilainya dalam "
                  f"Rupiah: {why_id}",
               en=f"T-C.31: the header says '{label}' ({unit_en}), but the values are in "
                  f"Rupiah: {why_en}")


def _plan_label(ctx: Context) -> None:
    """T-C.33 headed in thousands whose amounts a T-C.31 in Rupiah shows to be Rupiah."""
    rencana = ctx.renja.rencana
    said = money_scale(rencana.satuan_uang)
    if said == 1 or (rencana.skala_uang or 1) != 1 or rencana.total is None:
        return
    unit_id, unit_en = _UNITS[said]
    total = format_rupiah(rencana.total.pagu_n) if rencana.total.pagu_n else "-"
    if too_large(ctx.renja, said):
        why_id = f"dalam {unit_id} pagu sub kegiatan pada umumnya menjadi lebih dari 50 miliar"
        why_en = f"in {unit_en} the typical sub kegiatan would cost more than 50 billion"
    else:
        why_id = f"JUMLAH TOTAL {total} sama dengan jumlah T-C.31"
        why_en = f"the total {total} equals the T-C.31 total"
    ctx.report(table="tc33", field="satuan_uang", expected="Rp", actual=rencana.satuan_uang,
               source=rencana.source_of("header"),
               id=f"T-C.33: judul kolom menyebut '{rencana.satuan_uang}' ({unit_id}), tetapi "
                  f"nilainya dalam Rupiah: {why_id}",
               en=f"T-C.33: the header says '{rencana.satuan_uang}' ({unit_en}), but the values "
                  f"are in Rupiah: {why_en}")


@rule("H005", "teks", "warning", "Tahun kolom berulang di judul tabel",
      "A year repeated in a table's column headers",
      "T-C.30: kolom target Renstra menyebut tahun 2024 dua kali (2022, 2023, 2024, 2024)")
def repeated_years(ctx: Context) -> None:
    table = ctx.renja.tc30
    for group in ("target_renstra", "realisasi", "proyeksi"):
        years = next(([v.tahun for v in getattr(r, group)] for r in table.rows
                      if getattr(r, group)), [])
        known = [y for y in years if y is not None]
        duplicates = sorted({y for y in known if known.count(y) > 1})
        if not duplicates:
            continue
        shown = ", ".join(str(y) for y in known)
        what = group.replace("_", " ")
        for year in duplicates:
            ctx.report(table="tc30", field=group, actual=shown, source=_header(table),
                       id=f"T-C.30: kolom {what} menyebut tahun {year} dua kali ({shown})",
                       en=f"T-C.30: the {what} columns name {year} twice ({shown})")


def _header(table: Traced) -> Source | None:
    return table.source_of("header")
