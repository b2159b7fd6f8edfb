"""The Renja against its agency's Renstra (T-C.27): rows and indicators the Renstra does not
have, targets and pagu of the Renja's year that depart from the Renstra's without a note in
T-C.31 or T-C.33, and T-C.29's target at the end of the period against the Renstra's. Run
only when the Renstra is given (``renja check --renstra``)."""

from __future__ import annotations

from collections.abc import Iterator

from renja.calc.renstra import (
    Link,
    bidang_of,
    indicator_of,
    levels_present,
    links,
    pagu_for,
    same_code,
    target_for,
    value,
)
from renja.domain import PlanNode
from renja.domain.renstra import Renstra
from renja.domain.target import Target
from renja.numbers import format_rupiah
from renja.rules.registry import Context, rule, where

LEVEL_WORDS = {"program": "program", "kegiatan": "kegiatan", "sub_kegiatan": "sub kegiatan"}


def _renstra(ctx: Context) -> Renstra | None:
    renstra = ctx.renstra
    if renstra is None or renstra.year_index(ctx.renja.tahun) is None:
        return None
    return renstra


def _links(ctx: Context) -> list[Link]:
    assert ctx.renstra is not None
    if "renstra_links" not in ctx.cache:
        ctx.cache["renstra_links"] = links(ctx.renja, ctx.renstra)
    found: list[Link] = ctx.cache["renstra_links"]
    return found


def _noted(ctx: Context, node: PlanNode) -> bool:
    """The agency explained the difference: a catatan on the T-C.33 row or its T-C.31 row."""
    if node.catatan and node.catatan.strip():
        return True
    return any(row.kode == node.kode and row.catatan and row.catatan.strip()
               for row in ctx.renja.tc31.rows)


def _differ(theirs: Target | None, ours: Target | None) -> bool:
    """Both state a number, and not the same one."""
    a, b = value(theirs), value(ours)
    return a is not None and b is not None and a != b


def _matched(ctx: Context) -> Iterator[Link]:
    return (link for link in _links(ctx) if link.row is not None)


@rule("R001", "renstra", "error", "Tahun Renja di luar periode Renstra",
      "The Renja's year is outside the Renstra's period",
      "Renja tahun 2031 berada di luar periode Renstra 2025–2029")
def outside_period(ctx: Context) -> None:
    renstra = ctx.renstra
    if renstra is None or renstra.year_index(ctx.renja.tahun) is not None:
        return
    ctx.report(table="tc33", expected=f"{renstra.tahun_awal}–{renstra.tahun_akhir}",
               actual=str(ctx.renja.tahun),
               id=f"Renja tahun {ctx.renja.tahun} berada di luar periode Renstra "
                  f"{renstra.tahun_awal}–{renstra.tahun_akhir}",
               en=f"The Renja of {ctx.renja.tahun} is outside the Renstra's period "
                  f"{renstra.tahun_awal}–{renstra.tahun_akhir}")


@rule("R002", "renstra", "warning", "Program/kegiatan/sub kegiatan tidak ada dalam Renstra",
      "A program, kegiatan or sub kegiatan the Renstra does not have",
      "T-C.33 5.03.02.2.01 (Penyusunan Rencana Kebutuhan ASN): kegiatan tidak ada dalam "
      "T-C.27 Renstra 2025–2029")
def not_in_renstra(ctx: Context) -> None:
    renstra = _renstra(ctx)
    if renstra is None:
        return
    present = levels_present(renstra)
    for link in _links(ctx):
        node = link.node
        if link.row is not None or node.level not in present:
            continue  # a Renstra without sub kegiatan rows does not judge sub kegiatan
        word = LEVEL_WORDS.get(node.level or "", node.level or "")
        ctx.report(table="tc33", kode=node.kode, field="kode", actual=node.kode,
                   source=node.source_of("kode"),
                   id=f"{where('tc33', node.kode, node.nama)}: {word} tidak ada dalam T-C.27 "
                      f"Renstra {renstra.tahun_awal}–{renstra.tahun_akhir}",
                   en=f"{where('tc33', node.kode, node.nama)}: {word} is not in the Renstra's "
                      f"T-C.27 {renstra.tahun_awal}–{renstra.tahun_akhir}")


@rule("R003", "renstra", "warning", "Indikator tidak ada dalam Renstra",
      "An indicator the Renstra does not have for the row",
      "T-C.33 5.03.02 (PROGRAM KEPEGAWAIAN DAERAH): indikator 'Indeks Profesionalitas ASN' "
      "tidak ada dalam Renstra; Renstra memuat 'Persentase ASN yang kompeten'")
def indicator_not_in_renstra(ctx: Context) -> None:
    if _renstra(ctx) is None:
        return
    for link in _matched(ctx):
        assert link.row is not None
        theirs = "; ".join(f"'{i.nama}'" for i in link.row.indikator)
        said_id = f"Renstra memuat {theirs}" if theirs else "Renstra tidak memuat indikator " \
            "untuk baris ini"
        said_en = f"the Renstra has {theirs}" if theirs else "the Renstra has no indicator " \
            "for the row"
        for ind in link.node.indikator:
            if indicator_of(link.row, ind) is not None:
                continue
            label = where("tc33", link.node.kode, link.node.nama)
            ctx.report(table="tc33", kode=link.node.kode, field="indikator",
                       expected=theirs or None, actual=ind.nama, source=ind.source_of("nama"),
                       id=f"{label}: indikator '{ind.nama}' tidak ada dalam Renstra; {said_id}",
                       en=f"{label}: indicator '{ind.nama}' is not in the Renstra; {said_en}")


@rule("R004", "renstra", "warning", "Target berbeda dari Renstra tanpa catatan",
      "A target differs from the Renstra's for the year without a note",
      "T-C.33 5.03.02.2.01.0001 (Penyusunan Rencana Kebutuhan): target 2025 '2 dokumen' "
      "berbeda dari Renstra '1 dokumen' tanpa catatan di T-C.31 atau T-C.33")
def target_departs(ctx: Context) -> None:
    renstra = _renstra(ctx)
    if renstra is None:
        return
    n = ctx.renja.tahun
    for link in _matched(ctx):
        assert link.row is not None
        if _noted(ctx, link.node):
            continue
        for ind in link.node.indikator:
            theirs_ind = indicator_of(link.row, ind)
            theirs = target_for(renstra, theirs_ind, n) if theirs_ind else None
            ours = ind.target_n
            if theirs is None or ours is None or not _differ(theirs, ours):
                continue
            label = where("tc33", link.node.kode, link.node.nama)
            ctx.report(table="tc33", kode=link.node.kode, field="target_n",
                       expected=theirs.text, actual=ours.text, source=ind.source_of("target_n"),
                       id=f"{label}: target {n} '{ours.text}' berbeda dari Renstra "
                          f"'{theirs.text}' tanpa catatan di T-C.31 atau T-C.33",
                       en=f"{label}: target {n} '{ours.text}' differs from the Renstra's "
                          f"'{theirs.text}' without a note in T-C.31 or T-C.33")


@rule("R005", "renstra", "warning", "Pagu berbeda dari Renstra tanpa catatan",
      "A pagu differs from the Renstra's money for the year without a note",
      "T-C.33 5.03.02.2.01 (Penyusunan Rencana Kebutuhan ASN): pagu 2025 150.000.000 berbeda "
      "dari Renstra 125.000.000 tanpa catatan di T-C.31 atau T-C.33")
def pagu_departs(ctx: Context) -> None:
    renstra = _renstra(ctx)
    if renstra is None:
        return
    n = ctx.renja.tahun
    for link in _matched(ctx):
        assert link.row is not None
        theirs, ours = pagu_for(renstra, link.row, n), link.node.pagu_n
        if theirs is None or ours is None or theirs == ours or _noted(ctx, link.node):
            continue
        label = where("tc33", link.node.kode, link.node.nama)
        ctx.report(table="tc33", kode=link.node.kode, field="pagu_n",
                   expected=format_rupiah(theirs), actual=format_rupiah(ours),
                   source=link.node.source_of("pagu_n"),
                   id=f"{label}: pagu {n} {format_rupiah(ours)} berbeda dari Renstra "
                      f"{format_rupiah(theirs)} tanpa catatan di T-C.31 atau T-C.33",
                   en=f"{label}: pagu {n} {format_rupiah(ours)} differs from the Renstra's "
                      f"{format_rupiah(theirs)} without a note in T-C.31 or T-C.33")


@rule("R006", "renstra", "warning", "Target akhir Renstra di T-C.29 berbeda dari Renstra",
      "T-C.29's target at the end of the Renstra differs from the Renstra's",
      "T-C.29 5.03.02 (PROGRAM KEPEGAWAIAN DAERAH), indikator 'Persentase ASN yang kompeten': "
      "target akhir Renstra (4) '80 %', Renstra '85 %'")
def tc29_target(ctx: Context) -> None:
    renstra = ctx.renstra
    if renstra is None:
        return
    bidang = bidang_of(ctx.renja)
    rows = {same_code(row.kode, bidang): row for row in renstra.coded()}
    for row in ctx.renja.tc29.rows:
        theirs_row = rows.get(same_code(row.kode, bidang))
        if theirs_row is None:
            continue
        for ind in row.indikator:
            theirs_ind = indicator_of(theirs_row, ind.nama)
            theirs = theirs_ind.kondisi_akhir if theirs_ind else None
            ours = ind.target_renstra
            if theirs is None or ours is None or not _differ(theirs, ours):
                continue
            label = f"{where('tc29', row.kode, row.nama)}, indikator '{ind.nama}'"
            ctx.report(table="tc29", kode=row.kode, field="target_renstra",
                       expected=theirs.text, actual=ours.text,
                       source=ind.source_of("target_renstra"),
                       id=f"{label}: target akhir Renstra (4) '{ours.text}', Renstra "
                          f"'{theirs.text}'",
                       en=f"{label}: target at the end of the Renstra (4) '{ours.text}', the "
                          f"Renstra's '{theirs.text}'")
