"""The 17-column Renja table SIPD-RI prints, read into T-C.33 by its column labels.

No · Kode · Urusan/Bidang/Program/Kegiatan/Sub Kegiatan · Indikator · Target Akhir Periode
Renstra · Realisasi Capaian n-2 · Prakiraan Capaian n-1 · Target n · Pagu Indikatif n · Lokasi
· Sumber Dana · Prioritas Nasional · Prioritas Daerah · Kelompok Sasaran · Target n+1 · Pagu
Indikatif n+1 · Perangkat Daerah Penanggung Jawab, closed by a Jumlah row. Columns are found by
their labels, so a print that leaves some out, or orders them otherwise, is read too; of two
target (pagu) columns the earlier year, else the one further left, is year n.
"""

from __future__ import annotations

import re

from renja.codes import Kode
from renja.domain import Indikator, Jumlah, PlanNode, Rencana, Target
from renja.io.grid import Block, GridRow
from renja.io.report import Report
from renja.io.tables.cells import read_kode, try_money
from renja.io.tables.rowparts import is_total_label, join_spill, read_target
from renja.io.tables.tc33 import Parsed
from renja.numbers import is_zero_dash, money_unit_label

_LABELS = (  # first match wins
    ("no", r"^no\.?$|^nomor$"),
    ("kode", r"^kode"),
    ("target_renstra", r"akhir\s+periode|renstra"),
    ("realisasi_n2", r"realisasi"),
    ("prakiraan_n1", r"prakiraan\s+(capaian|realisasi)|capaian\s+.*n\s*-\s*1"),
    ("prioritas_nasional", r"prioritas\s+nasional"),
    ("prioritas_daerah", r"prioritas\s+daerah"),
    ("kelompok_sasaran", r"kelompok\s+sasaran"),
    ("penanggung_jawab", r"penanggung\s*jawab|^perangkat\s+daerah|^unit\b|^opd\b|^skpd\b"),
    ("indikator", r"indikator"),
    ("lokasi", r"lokasi"),
    ("sumber_dana", r"sumber\s+dana"),
    ("pagu", r"pagu|kebutuhan\s+dana|anggaran"),
    ("target", r"target"),
    ("nama", r"urusan|program|kegiatan|uraian|nomenklatur"),
)
_NODE_TEXT = ("lokasi", "sumber_dana", "prioritas_nasional", "prioritas_daerah",
              "kelompok_sasaran", "penanggung_jawab")
_TARGETS = ("target_renstra", "realisasi_n2", "prakiraan_n1", "target_n", "target_n1")


def is_sipd_ri(header: str) -> bool:
    """The header words only the SIPD-RI layout prints."""
    text = " ".join(header.lower().split())
    return "prioritas nasional" in text or "kelompok sasaran" in text or (
        "penanggung jawab" in text and "pagu" in text and "target" in text)


def columns(labels: list[str]) -> dict[str, int]:
    """Field → cell index, from the column labels."""
    found: dict[str, list[tuple[int, int]]] = {}
    for index, label in enumerate(labels):
        text = " ".join(label.lower().split())
        for name, pattern in _LABELS:
            if re.search(pattern, text):
                years = re.findall(r"\b(20\d\d)\b", text)
                found.setdefault(name, []).append((int(years[-1]) if years else 0, index))
                break
    result = {name: places[0][1] for name, places in found.items()
              if name not in ("target", "pagu")}
    for name in ("target", "pagu"):
        places = sorted(found.get(name, []))  # by year, then position
        if places:
            result[f"{name}_n"] = places[0][1]
        if len(places) > 1:
            result[f"{name}_n1"] = places[1][1]
    return result


def read_sipd_ri(block: Block, report: Report) -> tuple[Rencana, list[Parsed]]:
    where = columns(block.column_labels())
    parsed: list[Parsed] = []
    total: Jumlah | None = None
    for row in block.rows:
        cell = {name: row.text(i).strip() for name, i in where.items()}
        kode_text, nama = cell.get("kode", ""), cell.get("nama", "")
        if any(is_total_label(row.text(i)) for i in range(min(4, len(row.cells)))):
            total = Jumlah()
            total.trace("row", row.source)
            _money(total, cell, row, where)
            continue
        if kode_text or (nama and not (row.after_break and parsed and not _values(cell))):
            parsed.append(_node(row, cell, where, report))
        elif (nama or (row.after_break and not _values(cell))) and parsed:
            _spill(parsed[-1].node, cell)  # the rest of a row a page break cut
        elif cell.get("indikator") and parsed:
            _indicator(parsed[-1].node, cell, row, where, report)
        elif any(row.text(i) for i in range(len(row.cells))):
            report.unplaced(row.source, "\t".join(row.texts()))
    rencana = Rencana(judul=block.caption_text or None, tata_letak="sipd-ri",
                      satuan_uang=money_unit_label(block.header_text()), total=total)
    return rencana, parsed


def _spill(node: PlanNode, cell: dict[str, str]) -> None:
    node.nama = join_spill(node.nama, cell.get("nama", ""))
    if node.indikator and cell.get("indikator"):
        node.indikator[-1].nama = join_spill(node.indikator[-1].nama, cell["indikator"])
    for name in _NODE_TEXT:
        if cell.get(name):
            setattr(node, name, join_spill(getattr(node, name) or "", cell[name]))


def _values(cell: dict[str, str]) -> bool:
    return any(cell.get(name) for name in ("target_n", "target_n1", "pagu_n", "pagu_n1"))


def _node(row: GridRow, cell: dict[str, str], where: dict[str, int],
          report: Report) -> Parsed:
    kode_text = cell.get("kode", "")
    kode = read_kode(kode_text) if kode_text else None
    node = PlanNode(kode_asal=kode_text or None, nama=cell.get("nama", ""))
    if isinstance(kode, Kode):
        node.kode, node.level = kode.canonical, kode.level
    elif kode is not None:
        node.level = kode.level
    node.trace("row", row.source)
    if "kode" in where:
        node.trace("kode", row.source_at(where["kode"]))
    if "nama" in where:
        node.trace("nama", row.source_at(where["nama"]))
    for name in _NODE_TEXT:
        if cell.get(name):
            setattr(node, name, cell[name])
            node.trace(name, row.source_at(where[name]))
    _money(node, cell, row, where)
    if cell.get("indikator") or any(cell.get(n) for n in _TARGETS):
        _indicator(node, cell, row, where, report)
    return Parsed(node, kode)


def _indicator(node: PlanNode, cell: dict[str, str], row: GridRow, where: dict[str, int],
               report: Report) -> None:
    ind = Indikator(nama=cell.get("indikator", ""))
    if "indikator" in where:
        ind.trace("nama", row.source_at(where["indikator"]))
    for name in _TARGETS:
        text = cell.get(name, "")
        if text and not is_zero_dash(text):
            source = row.source_at(where[name])
            target: Target = read_target(text, source, report)
            setattr(ind, name, target)
            ind.trace(name, source)
    if ind.target_n is not None:
        ind.satuan = ind.target_n.satuan
    node.indikator.append(ind)


def _money(owner: PlanNode | Jumlah, cell: dict[str, str], row: GridRow,
           where: dict[str, int]) -> None:
    for year in ("n", "n1"):
        text = cell.get(f"pagu_{year}", "")
        if not text:
            continue
        amount = 0 if is_zero_dash(text) else try_money(text)
        if amount is not None:
            setattr(owner, f"pagu_{year}", amount)
            owner.trace(f"pagu_{year}", row.source_at(where[f"pagu_{year}"]))

