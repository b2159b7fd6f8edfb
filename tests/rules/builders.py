"""Small plans built in code, so each rule can be shown a defect and a near miss."""

from __future__ import annotations

from renja.codes import parse_kode
from renja.domain import (
    Belanja,
    Indikator,
    Jumlah,
    Pemda,
    PerangkatDaerah,
    PlanNode,
    Renja,
    Source,
    Tc29Indikator,
    Tc29Row,
    parse_target,
)
from renja.rules import run_checks

FILE = "renja.txt"


def src(line: int) -> Source:
    return Source(file=FILE, line=line)


def plan(*rows: PlanNode, tahun: int = 2024, total: Jumlah | None = None) -> Renja:
    renja = Renja(tahun=tahun, pemda=Pemda(nama="Kabupaten Contoh"),
                  perangkat_daerah=PerangkatDaerah(nama="Dinas Contoh", bidang="5.03"))
    renja.rencana.rows = list(rows)
    renja.rencana.total = total
    return renja


def ind(nama: str, target_n: str | None = None, target_n1: str | None = None,
        line: int | None = None) -> Indikator:
    i = Indikator(nama=nama, target_n=parse_target(target_n) if target_n else None,
                  target_n1=parse_target(target_n1) if target_n1 else None)
    if line:
        i.trace("target_n", src(line))
        i.trace("target_n1", src(line))
    return i


def node(kode: str | None, nama: str, pagu: tuple[int | None, int | None] = (None, None),
         children: list[PlanNode] | None = None, line: int | None = None,
         indikator: list[Indikator] | None = None, belanja: Belanja | None = None,
         belanja_n1: Belanja | None = None, kode_asal: str | None = None,
         level: str | None = None) -> PlanNode:
    n = PlanNode(kode=kode, kode_asal=kode_asal or kode, nama=nama, pagu_n=pagu[0],
                 pagu_n1=pagu[1], children=children or [], indikator=indikator or [],
                 level=level or (parse_kode(kode).level if kode else None))
    if belanja is not None:
        n.belanja_n = belanja
    if belanja_n1 is not None:
        n.belanja_n1 = belanja_n1
    if line:
        for field in ("row", "kode", "nama", "pagu_n", "pagu_n1"):
            n.trace(field, src(line))
    return n


def tc29(kode: str | None, nama: str, indikator: str, values: list[str | None],
         line: int = 10, kode_asal: str | None = None) -> Tc29Row:
    """values: columns (4) to (11) as printed."""
    fields = ("target_renstra", "realisasi_sd_n3", "target_n2", "realisasi_n2",
              "tingkat_realisasi_n2", "target_n1", "realisasi_sd_n1", "capaian_renstra")
    i = Tc29Indikator(nama=indikator)
    for field, text in zip(fields, values, strict=True):
        if text is not None:
            setattr(i, field, parse_target(text))
            i.trace(field, src(line))
    row = Tc29Row(kode=kode, kode_asal=kode_asal or kode, nama=nama, indikator=[i],
                  level=parse_kode(kode).level if kode else None)
    row.trace("row", src(line))
    row.trace("kode", src(line))
    return row


def check(renja: Renja, rule: str, lang: str = "id") -> list[tuple[int | None, str]]:
    """(line, message) of one rule's findings."""
    return [(f.source.line if f.source else None, f.message)
            for f in run_checks(renja, lang=lang, only=[rule])]


def findings(renja: Renja, rule: str):
    return run_checks(renja, only=[rule])
