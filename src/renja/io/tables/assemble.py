"""Put the recognised tables into a Renja, in the order their cross-references need."""

from __future__ import annotations

import re

from renja.codes import Kode, parse_kode
from renja.domain import KolomTahun, Rencana, Renja, Traced
from renja.io.grid import Block, is_column_number_row
from renja.io.recovery import Recoverer
from renja.io.report import Report
from renja.io.tables import classify_block
from renja.io.tables.money_unit import settle_tc31, settle_tc33
from renja.io.tables.sipd_ri import read_sipd_ri
from renja.io.tables.small import read_tc32, read_tujuan_sasaran
from renja.io.tables.tc29 import read_tc29
from renja.io.tables.tc30 import read_tc30
from renja.io.tables.tc31 import read_tc31
from renja.io.tables.tc33 import read_tc33
from renja.io.tables.tree import bidang_of, build_tree, resolve_flat
from renja.nomenklatur import default_catalogue, normalise_name


class TableSet:
    """Blocks found in a file, recognised once the plan year and all tables are known."""

    def __init__(self, report: Report, name: str) -> None:
        self.report = report
        self.name = name
        self.blocks: dict[str, list[Block]] = {}

    def add(self, block: Block) -> str | None:
        kind = classify_block(block)
        if kind is None:
            for row in [*block.header, *block.rows]:
                self.report.unplaced(row.source, "\t".join(row.texts()))
            return None
        self.blocks.setdefault(kind, []).append(block)
        return kind

    def header_years(self) -> list[int]:
        """Years named in the T-C.33 header (``Rencana Tahun 2025``, ``… 2026``)."""
        blocks = self.blocks.get("tc33") or self.blocks.get("sipd_ri")
        block = blocks[0] if blocks else None
        if block is None:
            return []
        return sorted({int(y) for y in re.findall(r"\b(20\d\d)\b", block.header_text())})

    def _merged(self, kind: str) -> Block | None:
        """Several blocks of one table (a table interrupted by text) read as one."""
        blocks = self.blocks.get(kind, [])
        if not blocks:
            return None
        first = blocks[0]
        for more in blocks[1:]:
            first.rows.extend(more.rows)
        return first

    def finish(self, renja: Renja) -> None:
        catalogue = default_catalogue()
        known: dict[str, Kode] = {}
        bidang = None
        block, reader = self._merged("tc33"), read_tc33
        if block is None:  # the plan printed in SIPD-RI's layout instead
            block, reader = self._merged("sipd_ri"), read_sipd_ri
        if block is not None:
            rencana, parsed = reader(block, self.report)
            bidang = bidang_of(parsed)
            recoverer = Recoverer(catalogue, renja.tahun, bidang)
            rencana.rows = build_tree(parsed, recoverer, self.report)
            rencana.kolom_tahun = header_years(block)
            renja.rencana = rencana
            _header(rencana, block)
            known = _known_codes(rencana)
        renja.perangkat_daerah.bidang = renja.perangkat_daerah.bidang or bidang
        recoverer = Recoverer(catalogue, renja.tahun, bidang, known)
        if (block := self._merged("tc29")) is not None:
            table, coded = read_tc29(block, self.report)
            resolve_flat(coded, recoverer, self.report)
            renja.tc29 = table
            _header(table, block)
        if (block := self._merged("tc30")) is not None:
            renja.tc30 = read_tc30(block, self.report)
            _header(renja.tc30, block)
        if (block := self._merged("tc31")) is not None:
            renja.tc31 = read_tc31(block, self.report)
            _header(renja.tc31, block)
            _codes_for_tc31(renja, recoverer)
        settle_tc33(renja, self.report, self.name)
        if renja.tc31.rows:
            settle_tc31(renja, self.report, self.name)
        if (block := self._merged("tc32")) is not None:
            renja.tc32 = read_tc32(block, self.report)
            _header(renja.tc32, block)
        if (block := self._merged("tujuan_sasaran")) is not None:
            renja.tujuan_sasaran = read_tujuan_sasaran(block, self.report)
            _header(renja.tujuan_sasaran, block)


_YEAR_LABEL = re.compile(r"(?:Rencana|Prakiraan\s+Maju|Target|Pagu\s+Indikatif)[^\d]{0,40}?"
                         r"\b(20\d\d)\b", re.IGNORECASE)


def header_years(block: Block) -> list[KolomTahun]:
    """Every year a plan-table header names, on the first page and on every repeated header,
    each with the cell it was read from."""
    found: list[KolomTahun] = []
    for row in [*block.header, *block.repeated]:
        for index, cell in row.filled():
            for match in _YEAR_LABEL.finditer(cell.text):
                kolom = KolomTahun(label=" ".join(cell.text.split()), tahun=int(match.group(1)))
                kolom.trace("label", row.source_at(index))
                found.append(kolom)
    return found


def _known_codes(rencana: Rencana) -> dict[str, Kode]:
    """The codes T-C.33 prints by name, for recovering other tables' codes; a code T-C.33
    gives to two different names is not trusted (one of them is wrong: K003)."""
    names: dict[str, set[str]] = {}
    for node in rencana.walk():
        if node.kode and not node.kode_recovery:
            names.setdefault(node.kode, set()).add(normalise_name(node.nama))
    known: dict[str, Kode] = {}
    for node in rencana.walk():
        if node.kode and not node.kode_recovery and len(names[node.kode]) == 1:
            known.setdefault(normalise_name(node.nama), parse_kode(node.kode))
    return known


def _header(table: Traced, block: Block) -> None:
    """Where the table's header is printed (its last row, the one naming the columns)."""
    rows = [r for r in block.header if not is_column_number_row(r)] or block.header
    if rows:
        table.trace("header", rows[-1].source)


def _codes_for_tc31(renja: Renja, recoverer: Recoverer) -> None:
    """T-C.31 prints no codes: take them from T-C.33 rows of the same name, in the same order
    (a kegiatan and its sub kegiatan may share a name), else from the nomenclature."""
    nodes = [n for n in renja.rencana.walk() if n.kode]
    names = [normalise_name(n.nama) for n in nodes]
    position = 0
    for row in renja.tc31.rows:
        wanted = normalise_name(row.kebutuhan.nama or row.ranwal.nama)
        same = [i for i, name in enumerate(names) if name == wanted]
        later = [i for i in same if i >= position]
        if same:
            index = (later or same)[0]
            row.kode, row.level = nodes[index].kode, nodes[index].level
            position = index + 1
            continue
        found = recoverer.by_name(row.kebutuhan.nama or row.ranwal.nama)
        if found is not None:
            row.kode, row.level = found.kode.canonical, found.kode.level
