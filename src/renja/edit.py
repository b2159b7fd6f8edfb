"""Changing a plan the way an editor does: one value at a time, roll-ups recomputed.

Rows are addressed by their path in the T-C.33 tree (``"0.1.2"``: the third child of the
second child of the first root row). Values arrive as typed by a person, in Indonesian notation.
"""

from __future__ import annotations

from renja.calc.rollup import operasi_parts
from renja.domain import Belanja, PlanNode, Renja, parse_target
from renja.domain.plan import BELANJA_OPERASI_PARTS
from renja.errors import RenjaError
from renja.numbers import parse_rupiah

MONEY_FIELDS = ("pagu_n", "pagu_n1")
BELANJA_FIELDS = ("pegawai", "barang_jasa", "modal", "bunga", "subsidi", "hibah",
                  "bantuan_sosial", "tidak_terduga", "transfer")
TEXT_FIELDS = ("lokasi", "sumber_dana", "catatan")
TARGET_FIELDS = ("target_n", "target_n1")


def node_at(renja: Renja, path: str) -> PlanNode:
    try:
        indexes = [int(p) for p in path.split(".")]
        rows = renja.rencana.rows
        node = rows[indexes[0]]
        for index in indexes[1:]:
            node = node.children[index]
    except (ValueError, IndexError) as exc:
        raise RenjaError(f"row {path!r} does not exist", f"baris {path!r} tidak ada") from exc
    return node


def paths(renja: Renja) -> list[tuple[str, PlanNode, int]]:
    """(path, node, depth) of every row in document order."""
    found: list[tuple[str, PlanNode, int]] = []

    def walk(node: PlanNode, path: str, depth: int) -> None:
        found.append((path, node, depth))
        for i, child in enumerate(node.children):
            walk(child, f"{path}.{i}", depth + 1)

    for i, root in enumerate(renja.rencana.rows):
        walk(root, str(i), 0)
    return found


def set_value(renja: Renja, path: str, field: str, text: str, indikator: int = 0) -> None:
    """Set one field of one row from what a person typed, then recompute the roll-ups."""
    node = node_at(renja, path)
    text = text.strip()
    if field in MONEY_FIELDS and _derived(node, field, text):
        return
    if field in MONEY_FIELDS and not node.children:
        setattr(node, field, parse_rupiah(text) if text else None)
    elif field.startswith("belanja_") and not node.children:
        _set_belanja(node, field, text)
    elif field in TEXT_FIELDS:
        setattr(node, field, text or None)
    elif field in TARGET_FIELDS or field == "indikator":
        _set_indicator(node, field, text, indikator)
    else:
        raise RenjaError(f"field {field!r} cannot be edited on this row",
                         f"kolom {field!r} tidak dapat diubah pada baris ini")
    roll_up(renja)


def _derived(node: PlanNode, field: str, text: str) -> bool:
    """True when ``field`` (a pagu) is derived on this row: the sum of its children, or of its
    belanja breakdown. Typing the value it has is nothing; typing another is refused, so the
    editor, the API and the CLI treat a derived pagu the same."""
    year = field.removeprefix("pagu_")
    breakdown = not getattr(node, f"belanja_{year}").is_empty()
    if not node.children and not breakdown:
        return False
    current = getattr(node, field)
    if text and current is not None and parse_rupiah(text) == current:
        return True
    if node.children:
        raise RenjaError(f"{field} of this row is the sum of the rows under it",
                         "pagu baris ini adalah jumlah baris di bawahnya; ubah pagu "
                         "sub kegiatannya")
    raise RenjaError(f"{field} of this row is the sum of its belanja; change the belanja",
                     "pagu baris ini adalah jumlah rincian belanjanya; ubah rincian belanja")


def _set_belanja(node: PlanNode, field: str, text: str) -> None:
    # belanja_pegawai_n → ("pegawai", "n")
    name, _, year = field.removeprefix("belanja_").rpartition("_")
    if name not in BELANJA_FIELDS or year not in ("n", "n1"):
        raise RenjaError(f"field {field!r} does not exist", f"kolom {field!r} tidak ada")
    b: Belanja = getattr(node, f"belanja_{year}")
    setattr(b, name, parse_rupiah(text) if text else None)
    parts = operasi_parts(b)
    b.operasi = parts
    total = sum(v for v in (b.operasi, b.modal, b.tidak_terduga, b.transfer) if v is not None)
    setattr(node, f"pagu_{year}", total)


def _set_indicator(node: PlanNode, field: str, text: str, index: int) -> None:
    if index >= len(node.indikator):
        raise RenjaError(f"indicator {index + 1} does not exist",
                         f"indikator ke-{index + 1} tidak ada")
    ind = node.indikator[index]
    if field == "indikator":
        ind.nama = text
        return
    target = parse_target(text) if text else None
    setattr(ind, field, target)
    if field == "target_n" and target is not None and target.satuan:
        ind.satuan = target.satuan


def roll_up(renja: Renja, check_only: bool = False) -> bool:
    """Every parent's pagu and belanja become the sums of its children; the total follows.

    Returns whether any value changed (``check_only``: would change, nothing written). Values
    already right are not written again, so rows the sums do not move stay untouched."""
    changed = False
    for root in renja.rencana.rows:
        changed |= _roll(root, check_only)
    total = renja.rencana.total
    programs = [n for n in renja.rencana.walk() if n.level == "program"]
    if total is not None and programs:
        for year in ("n", "n1"):
            values = [getattr(p, f"pagu_{year}") for p in programs]
            if all(v is not None for v in values):
                changed |= _put(total, f"pagu_{year}", sum(values), check_only)
            changed |= _sum_belanja(getattr(total, f"belanja_{year}"),
                                    [getattr(p, f"belanja_{year}") for p in programs],
                                    check_only)
    return changed


def _roll(node: PlanNode, check_only: bool) -> bool:
    if not node.children:
        return False
    changed = False
    for child in node.children:
        changed |= _roll(child, check_only)
    for year in ("n", "n1"):
        values = [getattr(c, f"pagu_{year}") for c in node.children]
        if all(v is not None for v in values):
            changed |= _put(node, f"pagu_{year}", sum(values), check_only)
        changed |= _sum_belanja(getattr(node, f"belanja_{year}"),
                                [getattr(c, f"belanja_{year}") for c in node.children],
                                check_only)
    return changed


def _sum_belanja(target: Belanja, parts: list[Belanja], check_only: bool) -> bool:
    changed = False
    for name in ("operasi", *BELANJA_OPERASI_PARTS, "modal", "tidak_terduga", "transfer"):
        values = [getattr(b, name) for b in parts]
        if values and all(v is not None for v in values):
            changed |= _put(target, name, sum(values), check_only)
    return changed


def _put(model: object, field: str, value: int, check_only: bool) -> bool:
    """Set ``field`` to ``value`` unless it holds it already; whether it differed."""
    if getattr(model, field) == value:
        return False
    if not check_only:
        setattr(model, field, value)
    return True


def add_row(renja: Renja, parent_path: str, kode: str, nama: str) -> str:
    """Add a kegiatan or sub kegiatan (from the nomenclature) under a row; returns its path."""
    from renja.codes import parse_kode

    parent = node_at(renja, parent_path)
    child = parse_kode(kode, bidang=renja.perangkat_daerah.bidang)
    if parent.kode is None or not child.is_under(parse_kode(parent.kode)) or \
            child.parent is None or child.parent.canonical != parent.kode:
        raise RenjaError(
            f"{child.canonical} cannot go under {parent.kode or parent.nama}",
            f"{child.canonical} tidak dapat ditempatkan di bawah {parent.kode or parent.nama}")
    if any(c.kode == child.canonical for c in parent.children):
        raise RenjaError(f"{child.canonical} is already in the plan",
                         f"{child.canonical} sudah ada dalam Renja")
    node = PlanNode(level=child.level, kode=child.canonical, kode_asal=child.canonical,
                    nama=nama, lokasi=parent.lokasi, sumber_dana=parent.sumber_dana)
    parent.children.append(node)
    parent.children.sort(key=lambda n: n.kode or "")
    roll_up(renja)
    return f"{parent_path}.{parent.children.index(node)}"


def remove_row(renja: Renja, path: str) -> None:
    """Remove a row and everything under it."""
    indexes = path.split(".")
    if len(indexes) == 1:
        del renja.rencana.rows[int(indexes[0])]
    else:
        parent = node_at(renja, ".".join(indexes[:-1]))
        del parent.children[int(indexes[-1])]
    roll_up(renja)


def add_indicator(renja: Renja, path: str, nama: str) -> None:
    from renja.domain import Indikator

    if not nama.strip():
        raise RenjaError("an indicator needs a name", "indikator harus diberi nama")
    node_at(renja, path).indikator.append(Indikator(nama=nama.strip()))


def set_polaritas(renja: Renja, path: str, index: int, polaritas: str) -> None:
    if polaritas not in ("positif", "negatif", ""):
        raise RenjaError(f"polarity '{polaritas}' is not positif or negatif",
                         f"polaritas '{polaritas}' bukan positif atau negatif")
    node = node_at(renja, path)
    if index >= len(node.indikator):
        raise RenjaError(f"indicator {index + 1} does not exist",
                         f"indikator ke-{index + 1} tidak ada")
    node.indikator[index].polaritas = polaritas or None  # type: ignore[assignment]


def set_section_text(renja: Renja, bab: str, nomor: str | None, teks: str) -> None:
    """Replace the text of a chapter (``nomor`` None) or of one of its sections."""
    chapter = next((b for b in renja.bab if b.nomor == bab), None)
    if chapter is None:
        raise RenjaError(f"chapter {bab} does not exist", f"BAB {bab} tidak ada")
    text = "\n\n".join(p.strip() for p in teks.replace("\r\n", "\n").split("\n\n") if p.strip())
    if nomor is None:
        chapter.teks = text
        return
    section = next((s for s in chapter.bagian if s.nomor == nomor), None)
    if section is None:
        raise RenjaError(f"section {nomor} does not exist", f"bagian {nomor} tidak ada")
    section.teks = text


def recode(renja: Renja, node: PlanNode, kode: str, nama: str) -> None:
    """A row takes another code and name (a move to a new nomenclature), and so does every
    table that names it: T-C.29's row, T-C.31's (both sides' names where they were the row's),
    the list of 3.3."""
    old_kode, old_nama = node.kode, node.nama
    node.kode = node.kode_asal = kode
    node.nama = nama
    for done in renja.tc29.rows:
        if done.kode == old_kode:
            done.kode, done.nama = kode, nama
    for review in renja.tc31.rows:
        if review.kode == old_kode:
            review.kode = kode
            for side in (review.ranwal, review.kebutuhan):
                if side.nama == old_nama:
                    side.nama = nama
    for item in renja.daftar_program.rows:
        if item.nama == old_nama and item.level in (None, node.level):
            item.nama = nama
