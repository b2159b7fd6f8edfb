"""Targets and units: unreadable targets, units that change, implausible values."""

from __future__ import annotations

import re
from collections.abc import Iterator

from rapidfuzz import fuzz

from renja.calc.capaian import infer_polaritas
from renja.domain import Indikator, PlanNode, Target
from renja.domain.target import KNOWN_SATUAN, LOOKALIKE_DIGITS, same_satuan
from renja.nomenklatur import normalise_name
from renja.rules.registry import Context, rule, where

SAME_INDICATOR = 85.0


def _indicators(ctx: Context) -> Iterator[tuple[PlanNode, Indikator]]:
    for node in ctx.nodes():
        for ind in node.indikator:
            yield node, ind


def _is_typo(target: Target) -> bool:
    text = target.text
    return target.value is None and text[:1] in LOOKALIKE_DIGITS and \
        text[1:].strip().lower() in KNOWN_SATUAN


@rule("T001", "target", "error", "Target tidak terbaca", "Unreadable target",
      "T-C.33 5.03.02.2.01.0002 (…): target 2025 'Idok' tidak terbaca: huruf 'I' tertulis di "
      "tempat angka", per_row=True)
def unreadable(ctx: Context) -> None:
    for node, ind in _indicators(ctx):
        for field, year in (("target_n", ctx.renja.tahun), ("target_n1", ctx.renja.tahun + 1)):
            target: Target | None = getattr(ind, field)
            if target is None or not _is_typo(target):
                continue
            digit = LOOKALIKE_DIGITS[target.text[0]]
            label = where("tc33", node.kode, node.nama)
            ctx.report(table="tc33", kode=node.kode, field=field,
                       expected=f"{digit} {target.text[1:].strip()}", actual=target.text,
                       source=ind.source_of(field),
                       id=f"{label}: target {year} '{target.text}' tidak terbaca: huruf "
                          f"'{target.text[0]}' tertulis di tempat angka",
                       en=f"{label}: target {year} '{target.text}' is unreadable: the letter "
                          f"'{target.text[0]}' stands where a number should be",
                       hint_id=f"maksudnya '{digit} {target.text[1:].strip()}'?",
                       hint_en=f"did you mean '{digit} {target.text[1:].strip()}'?")


@rule("T002", "target", "warning", "Satuan berubah antara tahun n dan n+1",
      "Unit changes between year n and n+1",
      "T-C.33 5.03.02.2.04.0003 (…): satuan target 2024 'lap' berubah menjadi 'dok' pada 2025",
      per_row=True)
def unit_changes(ctx: Context) -> None:
    for node, ind in _indicators(ctx):
        a, b = ind.target_n, ind.target_n1
        if a is None or b is None or not a.satuan or not b.satuan or \
                same_satuan(a.satuan, b.satuan):
            continue
        label = where("tc33", node.kode, node.nama)
        ctx.report(table="tc33", kode=node.kode, field="target_n1", expected=a.satuan,
                   actual=b.satuan, source=ind.source_of("target_n1"),
                   id=f"{label}: satuan target {ctx.renja.tahun} '{a.satuan}' berubah menjadi "
                      f"'{b.satuan}' pada {ctx.renja.tahun + 1}",
                   en=f"{label}: the unit of target {ctx.renja.tahun} '{a.satuan}' becomes "
                      f"'{b.satuan}' in {ctx.renja.tahun + 1}")


@rule("T003", "target", "warning", "Satuan indikator berbeda antar tabel",
      "An indicator's unit differs between tables",
      "T-C.33 5.03.01.2.07.0005 (Pengadaan Mebel): satuan target 'paket' berbeda dari T-C.29 "
      "'unit' (baris 269)")
def unit_between_tables(ctx: Context) -> None:
    plan = {n.kode: n for n in ctx.renja.rencana.walk() if n.kode}
    for row in ctx.renja.tc29.rows:
        node = plan.get(row.kode or "")
        if node is None:
            continue
        for mine, theirs in zip(node.indikator, row.indikator, strict=False):
            if fuzz.token_sort_ratio(normalise_name(mine.nama),
                                     normalise_name(theirs.nama)) < SAME_INDICATOR:
                continue
            old = theirs.target_n1 or theirs.target_renstra
            new = mine.target_n
            if old is None or new is None or not old.satuan or not new.satuan:
                continue
            if same_satuan(old.satuan, new.satuan):
                continue
            label = where("tc33", node.kode, node.nama)
            line = theirs.source_of("target_n1")
            at = line.at() if line else ""
            ctx.report(table="tc33", kode=node.kode, field="target_n", expected=old.satuan,
                       actual=new.satuan, source=mine.source_of("target_n"),
                       id=f"{label}: satuan target '{new.satuan}' berbeda dari T-C.29 "
                          f"'{old.satuan}'{at}",
                       en=f"{label}: target unit '{new.satuan}' differs from T-C.29 "
                          f"'{old.satuan}'{at.replace('baris', 'line')}")


_PERCENTAGE = re.compile(r"\b(persentase|persen|proporsi|cakupan)\b", re.IGNORECASE)


@rule("T004", "target", "warning", "Persentase lebih dari 100", "A percentage above 100",
      "T-C.33 5.03.01 (…): target 2024 '120%' untuk indikator persentase melebihi 100%",
      per_row=True)
def over_hundred(ctx: Context) -> None:
    for node, ind in _indicators(ctx):
        if not _PERCENTAGE.search(ind.nama):
            continue
        for field, year in (("target_n", ctx.renja.tahun), ("target_n1", ctx.renja.tahun + 1)):
            target: Target | None = getattr(ind, field)
            if target is None or target.value is None or target.satuan != "%" or \
                    target.value <= 100:
                continue
            label = where("tc33", node.kode, node.nama)
            ctx.report(table="tc33", kode=node.kode, field=field, expected="≤ 100%",
                       actual=target.text, source=ind.source_of(field),
                       id=f"{label}: target {year} '{target.text}' untuk indikator persentase "
                          f"melebihi 100%",
                       en=f"{label}: target {year} '{target.text}' of a percentage indicator "
                          f"is above 100%")


@rule("T005", "target", "info", "Target n+1 lebih rendah dari target n",
      "Target n+1 below target n for a higher-is-better indicator",
      "T-C.33 5.03.02.2.01.0006 (…): target 2025 '490 dok' lebih rendah dari target 2024 "
      "'496 dok' untuk indikator yang makin tinggi makin baik", per_row=True)
def going_down(ctx: Context) -> None:
    for node, ind in _indicators(ctx):
        a, b = ind.target_n, ind.target_n1
        if a is None or b is None or a.value is None or b.value is None:
            continue
        if not same_satuan(a.satuan, b.satuan) or b.value >= a.value:
            continue
        if infer_polaritas(ind.nama, ind.polaritas) != "positif":
            continue
        label = where("tc33", node.kode, node.nama)
        ctx.report(table="tc33", kode=node.kode, field="target_n1", expected=f"≥ {a.text}",
                   actual=b.text, source=ind.source_of("target_n1"),
                   id=f"{label}: target {ctx.renja.tahun + 1} '{b.text}' lebih rendah dari "
                      f"target {ctx.renja.tahun} '{a.text}' untuk indikator yang makin tinggi "
                      f"makin baik",
                   en=f"{label}: target {ctx.renja.tahun + 1} '{b.text}' is below target "
                      f"{ctx.renja.tahun} '{a.text}' for a higher-is-better indicator")
