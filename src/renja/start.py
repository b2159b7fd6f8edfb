"""Starting a year's plan the way agencies do: from last year's set plan, from the pemda's
ranwal RKPD, or empty; and giving a plan a program of the nomenclature (an empty one too)."""

from __future__ import annotations

from renja.codes import Kode, parse_kode
from renja.domain import Belanja, Indikator, Jumlah, PlanNode, Renja
from renja.edit import roll_up
from renja.errors import RenjaError
from renja.nomenklatur import Catalogue, default_catalogue
from renja.review import RanwalItem

SOURCES = {"kosong": "kosong", "tahun-lalu": "Renja tahun lalu yang ditetapkan",
           "ranwal": "ranwal RKPD"}


def empty(tahun: int, base: Renja) -> Renja:
    """A plan of ``tahun`` with the pemda and agency of ``base`` and nothing else."""
    return Renja(tahun=tahun, pemda=base.pemda.model_copy(deep=True),
                 perangkat_daerah=base.perangkat_daerah.model_copy(deep=True))


def from_last_year(last: Renja, tahun: int) -> Renja:
    """This year's plan from last year's: every row and indicator kept, last year's
    prakiraan maju (targets, pagu, belanja of year n+1) becoming this year's plan; the new
    prakiraan maju is left for the planner. Tujuan and sasaran are kept."""
    if tahun != last.tahun + 1:
        raise RenjaError(f"the plan of {last.tahun} starts {last.tahun + 1}, not {tahun}",
                         f"Renja tahun {last.tahun} menjadi dasar Renja tahun {last.tahun + 1}, "
                         f"bukan {tahun}")
    renja = empty(tahun, last)
    renja.rencana.rows = [_carried(node) for node in last.rencana.rows]
    renja.rencana.judul = None
    renja.tujuan_sasaran = last.tujuan_sasaran.model_copy(deep=True)
    for row in renja.tujuan_sasaran.rows:  # last year's target is this year's projection
        row.realisasi_n2, row.proyeksi_n1, row.target_n = None, row.target_n, None
    renja.isu_penting = list(last.isu_penting)
    renja.kebijakan = list(last.kebijakan)
    _with_total(renja)
    return renja


def _carried(node: PlanNode) -> PlanNode:
    return PlanNode(
        level=node.level, kode=node.kode, kode_asal=node.kode, nama=node.nama,
        lokasi=node.lokasi, sumber_dana=node.sumber_dana,
        indikator=[Indikator(nama=i.nama, satuan=i.satuan, target_n=i.target_n1,
                             polaritas=i.polaritas, agregasi=i.agregasi)
                   for i in node.indikator],
        pagu_n=node.pagu_n1, belanja_n=_copy(node.belanja_n1),
        children=[_carried(child) for child in node.children])


def _copy(belanja: Belanja) -> Belanja:
    return Belanja.model_validate(belanja.model_dump(exclude={"provenance"}))


def from_ranwal(base: Renja, tahun: int, items: list[RanwalItem],
                catalogue: Catalogue | None = None) -> Renja:
    """This year's plan from the ranwal RKPD lines given to the agency: each program,
    kegiatan and sub kegiatan with its indicator, target, lokasi and pagu (year n), under
    the urusan and bidang of its code."""
    if not items:
        raise RenjaError("the ranwal RKPD has no lines for this agency and year",
                         "ranwal RKPD belum berisi baris untuk perangkat daerah dan tahun ini")
    renja = empty(tahun, base)
    catalogue = catalogue or default_catalogue()
    for item in sorted(items, key=lambda i: parse_kode(i.kode).parts):
        node = _place(renja, parse_kode(item.kode), catalogue, item.nama)
        node.lokasi = item.lokasi or node.lokasi
        if item.pagu is not None and node.level == "sub_kegiatan":
            node.pagu_n = item.pagu
        if item.indikator:
            node.indikator.append(Indikator(nama=item.indikator, target_n=item.target,
                                            satuan=item.target.satuan if item.target else None))
    _with_total(renja)
    return renja


def add_program(renja: Renja, kode: str, nama: str | None = None,
                catalogue: Catalogue | None = None) -> PlanNode:
    """A program of the nomenclature added to the plan (with its urusan and bidang rows when
    the plan has none yet: an empty plan can receive its first program)."""
    parsed = parse_kode(kode, bidang=renja.perangkat_daerah.bidang)
    if parsed.level != "program":
        raise RenjaError(f"{parsed.canonical} is not a program code",
                         f"{parsed.canonical} bukan kode program")
    if any(n.kode == parsed.canonical for n in renja.rencana.walk()):
        raise RenjaError(f"{parsed.canonical} is already in the plan",
                         f"{parsed.canonical} sudah ada dalam Renja")
    node = _place(renja, parsed, catalogue or default_catalogue(), nama)
    _with_total(renja)
    return node


def _place(renja: Renja, kode: Kode, catalogue: Catalogue, nama: str | None) -> PlanNode:
    """The row of ``kode``, made (with every missing parent) where the tree needs it."""
    chain: list[Kode] = []
    current: Kode | None = kode
    while current is not None:
        if current.level != "urusan":  # T-C.33 starts at the bidang urusan
            chain.insert(0, current)
        current = current.parent
    rows = renja.rencana.rows
    node: PlanNode | None = None
    for link in chain:
        node = next((n for n in rows if n.kode == link.canonical), None)
        if node is None:
            entry = catalogue.get(link, renja.tahun)
            name = nama if link == kode and nama else (entry.nama if entry else "")
            if not name:
                raise RenjaError(f"{link.canonical} is not in the nomenclature",
                                 f"{link.canonical} tidak ada dalam nomenklatur")
            node = PlanNode(level=link.level, kode=link.canonical, kode_asal=link.canonical,
                            nama=name)
            rows.append(node)
            rows.sort(key=lambda n: parse_kode(n.kode or "").parts)
        rows = node.children
    assert node is not None
    return node


def _with_total(renja: Renja) -> None:
    """The JUMLAH TOTAL row (the sum of the programs), then every sum rolled up."""
    if renja.rencana.total is None and any(n.level == "program"
                                           for n in renja.rencana.walk()):
        renja.rencana.total = Jumlah()
    roll_up(renja)
