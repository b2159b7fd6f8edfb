"""Rules on how the document is put together: years in table titles, rows that cannot carry
what they carry."""

from __future__ import annotations

import difflib
import re
from functools import lru_cache

from rapidfuzz import fuzz, process

from renja.domain import PlanNode, Renja
from renja.domain.provenance import Traced
from renja.nomenklatur import normalise_name
from renja.numbers import format_rupiah
from renja.rules.families.codes import NAME_ALIKE, duplicated_codes
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
      "2024 125.000.000 tetapi tidak ada sub kegiatan di bawahnya", per_row=True)
def kegiatan_without_sub_kegiatan(ctx: Context) -> None:
    for node in ctx.nodes():
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


_NOT_WORD = re.compile(r"[^a-z0-9 ]+")


@lru_cache(maxsize=16384)
def _words(text: str | None) -> tuple[str, ...]:
    return tuple(_NOT_WORD.sub(" ", (text or "").casefold()).split())


@lru_cache(maxsize=65536)  # every check of a plan compares the same names again
def same_name(a: str | None, b: str | None) -> bool:
    """The same row's name, allowing what printing does to it: case, punctuation, words run
    together or broken by wrapping, a name cut short, abbreviated words (``Pengemb.``)."""
    x, y = _words(a), _words(b)
    if x == y or "".join(x) == "".join(y):
        return True
    short, long = (x, y) if len("".join(x)) <= len("".join(y)) else (y, x)
    if "".join(long).startswith("".join(short)):
        return True  # cut short (… un…) or wrapped onto a line that was lost
    return len(short) == len(long) and all(w.startswith(s) for s, w in zip(short, long,
                                                                            strict=True))


def _difference(a: str, b: str) -> str:
    """The words that differ: ``'Pengekoordinasian' ↔ 'Pengoordinasian'``."""
    x, y = a.split(), b.split()
    matcher = difflib.SequenceMatcher(a=[w.casefold() for w in x], b=[w.casefold() for w in y])
    parts = [f"'{' '.join(x[i1:i2]).strip(',.;:') or '–'}' ↔ "
             f"'{' '.join(y[j1:j2]).strip(',.;:') or '–'}'"
             for tag, i1, i2, j1, j2 in matcher.get_opcodes()
             if tag != "equal" and "".join(_words(" ".join(x[i1:i2]))) !=
             "".join(_words(" ".join(y[j1:j2])))]  # leave out words only run together
    return "; ".join(parts[:3])


@rule("L008", "lintas_tabel", "warning", "Nama baris yang sama berbeda antar tabel",
      "The same row is named differently in two tables",
      "T-C.31 5.04.02.2.02.0008: nama 'Pembinaan, Pengekoordinasian, …' berbeda dari T-C.33 "
      "('Pengekoordinasian' ↔ 'Pengoordinasian')")
def names_across_tables(ctx: Context) -> None:
    plan = {n.kode: n for n in ctx.renja.rencana.walk() if n.kode}
    skip = duplicated_codes(ctx)  # a code on two rows is K003's finding, not a name's
    rows: list[tuple[str, str | None, str | None, object]] = []
    for row in ctx.renja.tc29.rows:
        rows.append(("tc29", row.kode, row.nama, row.source_of("row")))
    for t31 in ctx.renja.tc31.rows:
        for printed in sorted({n for n in (t31.ranwal.nama, t31.kebutuhan.nama) if n}):
            rows.append(("tc31", t31.kode, printed, t31.source_of("row")))
    rows += _daftar_pairs(ctx)
    for table, kode, name, source in rows:
        node = plan.get(kode or "")
        if node is None or kode in skip or not name or same_name(name, node.nama):
            continue
        shown = name if len(name) <= 60 else name[:57] + "…"
        said = _difference(name, node.nama)
        ctx.report(table=table, kode=kode, field="nama", expected=node.nama, actual=name,
                   source=source,  # type: ignore[arg-type]
                   id=f"{where(table, kode, None)}: nama '{shown}' berbeda dari T-C.33 ({said})",
                   en=f"{where(table, kode, None)}: name '{shown}' differs from T-C.33 ({said})")


def _daftar_pairs(ctx: Context) -> list[tuple[str, str | None, str | None, object]]:
    """Items of the chapter-3 list paired with the T-C.33 row of their level they resemble
    most (the list prints no codes); an item like no row is L004's finding."""
    by_level: dict[str | None, list[PlanNode]] = {}
    for node in ctx.renja.rencana.walk():
        if node.kode:
            by_level.setdefault(node.level, []).append(node)
    pairs: list[tuple[str, str | None, str | None, object]] = []
    names = {level: [normalise_name(n.nama) for n in nodes] for level, nodes in by_level.items()}
    for item in ctx.renja.daftar_program.rows:
        nodes, keys = by_level.get(item.level, []), names.get(item.level, [])
        wanted = normalise_name(item.nama)
        if wanted in keys:
            continue  # the same name: nothing to compare
        found = process.extractOne(wanted, keys, scorer=fuzz.token_sort_ratio,
                                   score_cutoff=NAME_ALIKE)
        if found is not None:
            pairs.append(("daftar_program", nodes[found[2]].kode, item.nama,
                          item.source_of("row")))
    return pairs


_NUMBER_WORDS = {"satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7,
                 "delapan": 8, "sembilan": 9, "sepuluh": 10}
_CLAIM = re.compile(
    r"terdiri\s+(?:dari|atas)\s+(\d+|satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|"
    r"sepuluh)\s*(?:\(\s*[\da-z]+\s*\)\s*)?(?:sub\s*-?\s*bab|sub\s*-?\s*bagian|bagian)\b",
    re.IGNORECASE)
_BAB = re.compile(r"\bBAB\s+([IVX]+)\b")


@rule("H007", "teks", "warning", "Jumlah bagian yang disebut teks tidak sama dengan isinya",
      "A text states a number of sections the chapter does not have",
      "Teks 1.4 Sistematika: 'terdiri dari 4 sub bagian' untuk BAB II, tetapi BAB II berisi "
      "5 bagian (2.1–2.5)")
def stated_sections(ctx: Context) -> None:
    chapters = {b.nomor: b for b in ctx.renja.bab}
    for owner in ctx.renja.bab:
        texts: list[tuple[str, str, Traced]] = [(f"BAB {owner.nomor}", owner.teks, owner)]
        texts += [(f"{s.nomor} {s.judul or ''}".strip(), s.teks, s) for s in owner.bagian]
        for where_, text, traced in texts:
            for match in _CLAIM.finditer(text or ""):
                mentions = _BAB.findall(text[:match.start()])
                target = chapters.get(mentions[-1] if mentions else owner.nomor)
                if target is None or not target.bagian:
                    continue
                word = match.group(1).lower()
                stated = int(word) if word.isdigit() else _NUMBER_WORDS[word]
                actual = len(target.bagian)
                if stated == actual:
                    continue
                span = f"{target.bagian[0].nomor}–{target.bagian[-1].nomor}"
                paragraph = text[:match.start()].count("\n\n")  # the claim's own line
                ctx.report(table="narasi", field="bagian", expected=actual, actual=stated,
                           source=traced.source_of(f"teks.{paragraph}")
                           or traced.source_of("row"),
                           id=f"Teks {where_}: '{match.group(0)}' untuk BAB {target.nomor}, "
                              f"tetapi BAB {target.nomor} berisi {actual} bagian ({span})",
                           en=f"Text {where_}: '{match.group(0)}' for chapter {target.nomor}, "
                              f"but chapter {target.nomor} has {actual} sections ({span})")


@rule("H009", "teks", "warning", "Tahun di judul kolom T-C.33 tidak cocok dengan tahun Renja",
      "A T-C.33 column header names a year that does not fit the plan year",
      "T-C.33: judul kolom 'Rencana Tahun 2023' menyebut tahun 2023; rencana Renja ini untuk "
      "tahun 2024")
def header_years(ctx: Context) -> None:
    n = ctx.renja.tahun
    seen: set[tuple[str, int]] = set()
    for kolom in ctx.renja.rencana.kolom_tahun:
        label = kolom.label.lower()
        if "prakiraan maju" in label:
            allowed, what, what_en = {n + 1}, f"prakiraan maju Renja ini untuk tahun {n + 1}", \
                f"the prakiraan maju of this plan is {n + 1}"
        elif label.startswith("rencana"):
            allowed, what, what_en = {n}, f"rencana Renja ini untuk tahun {n}", \
                f"this plan is for {n}"
        else:
            allowed, what, what_en = {n, n + 1}, f"Renja ini untuk tahun {n} dan {n + 1}", \
                f"this plan is for {n} and {n + 1}"
        key = (kolom.label, kolom.tahun)
        if kolom.tahun in allowed or key in seen:
            continue
        seen.add(key)
        ctx.report(table="tc33", field="judul_kolom", expected=" atau ".join(map(str, allowed)),
                   actual=str(kolom.tahun), source=kolom.source_of("label"),
                   id=f"T-C.33: judul kolom '{kolom.label}' menyebut tahun {kolom.tahun}; {what}",
                   en=f"T-C.33: the column header '{kolom.label}' names {kolom.tahun}; "
                      f"{what_en}")
