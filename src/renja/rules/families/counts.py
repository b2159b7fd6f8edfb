"""Counts the chapter texts state ("3 program, 12 kegiatan", "sebanyak 42 sub kegiatan")
against the tables, at the paragraph that states them."""

from __future__ import annotations

import re
from collections.abc import Iterator

from renja.domain import Bab, Bagian, Source
from renja.rules.registry import Context, rule

_COUNT = {
    "program": re.compile(r"(\d+)\s*(?:\([a-z ]+\)\s*)?program\b", re.IGNORECASE),
    "kegiatan": re.compile(r"(\d+)\s*(?:\([a-z ]+\)\s*)?(?<!sub )kegiatan\b", re.IGNORECASE),
    "sub_kegiatan": re.compile(r"(\d+)\s*(?:\([a-z ]+\)\s*)?sub\s*kegiatan\b", re.IGNORECASE),
}
_LIST_ITEM = re.compile(r"^[-•*\s]*\d+(?:\.\d+)*\.?\s")
LAST_YEAR = ("II",)  # the evaluation of last year: its counts may be those of T-C.29


@rule("L006", "lintas_tabel", "error", "Jumlah program/kegiatan yang disebut teks tidak sama "
      "dengan tabel", "Counts of programs or kegiatan stated in a text differ from the tables",
      "Teks BAB IV: tertulis 12 kegiatan, T-C.33 berisi 13 kegiatan")
def stated_counts(ctx: Context) -> None:
    if not ctx.renja.rencana.rows:
        return
    plan = {level: sum(1 for n in ctx.renja.rencana.walk() if n.level == level)
            for level in _COUNT}
    last = {level: sum(1 for r in ctx.renja.tc29.rows if r.level == level) for level in _COUNT}
    for bab, paragraph, source in _paragraphs(ctx):
        if "egiatan" not in paragraph and "rogram" not in paragraph.lower():
            continue  # names neither: nothing to count (most paragraphs)
        if _LIST_ITEM.match(paragraph):
            continue  # "1. PROGRAM …", "1.2 Kegiatan …": an item's number, not a count
        for level, pattern in _COUNT.items():
            for match in pattern.finditer(paragraph):
                stated = int(match.group(1))
                if stated == plan[level] or (bab.nomor in LAST_YEAR and stated == last[level]):
                    continue
                what = level.replace("_", " ")
                also = f", T-C.29 {last[level]} {what}" if bab.nomor in LAST_YEAR and \
                    last[level] else ""
                ctx.report(table="narasi", field=level, expected=plan[level], actual=stated,
                           source=source,
                           id=f"Teks BAB {bab.nomor}: tertulis {stated} {what}, T-C.33 berisi "
                              f"{plan[level]} {what}{also}",
                           en=f"Chapter {bab.nomor} text: states {stated} {what}, T-C.33 has "
                              f"{plan[level]} {what}{also}")


def _paragraphs(ctx: Context) -> Iterator[tuple[Bab, str, Source | None]]:
    """Each paragraph of every chapter with the line it was read from."""
    for bab in ctx.renja.bab:
        holders: list[Bab | Bagian] = [bab, *bab.bagian]
        for holder in holders:
            for i, paragraph in enumerate(holder.teks.split("\n\n") if holder.teks else []):
                yield bab, paragraph, (holder.source_of(f"teks.{i}") or
                                       holder.source_of("row") or bab.source_of("row"))
