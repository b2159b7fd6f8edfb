"""What changed between two versions of a plan: rows added and removed, values changed.

Rows of T-C.33 are matched by code (and name, where a code is repeated); the other tables
row by row. Each change says where (table, kode, row name), which field, old → new, and for
money the difference.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal

from renja.domain import Belanja, PlanNode, Renja, Target
from renja.numbers import format_rupiah

Kind = Literal["added", "removed", "changed"]
BELANJA = ("operasi", "pegawai", "barang_jasa", "bunga", "subsidi", "hibah", "bantuan_sosial",
           "modal", "tidak_terduga", "transfer")


@dataclass(frozen=True)
class Change:
    kind: Kind
    table: str
    kode: str | None
    nama: str
    field: str | None = None
    old: str | None = None
    new: str | None = None
    delta: int | None = None
    """For money: new − old, in Rupiah."""

    def describe(self, lang: str = "id") -> str:
        where = f"{self.table} {self.kode or ''} {self.nama}".replace("  ", " ").strip()
        if self.kind == "added":
            return f"{where}: {'ditambahkan' if lang == 'id' else 'added'}"
        if self.kind == "removed":
            return f"{where}: {'dihapus' if lang == 'id' else 'removed'}"
        delta = ""
        if self.delta is not None:
            sign = "+" if self.delta > 0 else "-"
            delta = f" ({sign}{format_rupiah(abs(self.delta), dash_for_zero=False)})"
        return f"{where}: {self.field}: {self.old or '–'} → {self.new or '–'}{delta}"

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "table": self.table, "kode": self.kode, "nama": self.nama,
                "field": self.field, "old": self.old, "new": self.new, "delta": self.delta}


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, Target):
        return value.text
    if isinstance(value, int):
        return format_rupiah(value, dash_for_zero=False)
    return str(value)


def _key(nodes: list[PlanNode]) -> dict[tuple[str, str], PlanNode]:
    found: dict[tuple[str, str], PlanNode] = {}
    counts: dict[str, int] = {}
    for node in nodes:
        kode = node.kode or node.kode_asal or ""
        counts[kode] = counts.get(kode, 0) + 1
        found[(kode, node.nama if counts[kode] > 1 or not kode else "")] = node
    return found


def diff(old: Renja, new: Renja) -> list[Change]:
    """Every difference between two plans, T-C.33 first, in document order."""
    return [*_plan(old, new), *_totals(old, new), *_texts(old, new), *_tables(old, new)]


def _plan(old: Renja, new: Renja) -> Iterator[Change]:
    before, after = _key(list(old.rencana.walk())), _key(list(new.rencana.walk()))
    for key, node in after.items():
        if key not in before:
            yield Change("added", "T-C.33", node.kode, node.nama, delta=node.pagu_n)
            continue
        yield from _node(before[key], node)
    for key, node in before.items():
        if key not in after:
            yield Change("removed", "T-C.33", node.kode, node.nama,
                         delta=-(node.pagu_n or 0) if node.pagu_n else None)


def _node(a: PlanNode, b: PlanNode) -> Iterator[Change]:
    if a is b:  # a row shared by both plans (renja.edit_copy): nothing changed
        return
    for field in ("nama", "lokasi", "sumber_dana", "catatan"):
        if getattr(a, field) != getattr(b, field):
            yield Change("changed", "T-C.33", b.kode, b.nama, field, _text(getattr(a, field)),
                         _text(getattr(b, field)))
    for field in ("pagu_n", "pagu_n1"):
        x, y = getattr(a, field), getattr(b, field)
        if x != y:
            yield Change("changed", "T-C.33", b.kode, b.nama, field, _text(x), _text(y),
                         (y or 0) - (x or 0))
    for year in ("n", "n1"):
        yield from _belanja(b, year, getattr(a, f"belanja_{year}"), getattr(b, f"belanja_{year}"))
    for i in range(max(len(a.indikator), len(b.indikator))):
        x = a.indikator[i] if i < len(a.indikator) else None
        y = b.indikator[i] if i < len(b.indikator) else None
        for field in ("nama", "target_n", "target_n1", "polaritas"):
            old, new = _text(getattr(x, field, None)), _text(getattr(y, field, None))
            if old != new:
                yield Change("changed", "T-C.33", b.kode, b.nama, f"indikator {i + 1} {field}",
                             old, new)


def _belanja(node: PlanNode, year: str, a: Belanja, b: Belanja) -> Iterator[Change]:
    for name in BELANJA:
        x, y = getattr(a, name), getattr(b, name)
        if x != y:
            yield Change("changed", "T-C.33", node.kode, node.nama, f"belanja_{name}_{year}",
                         _text(x), _text(y), (y or 0) - (x or 0))


def _totals(old: Renja, new: Renja) -> Iterator[Change]:
    a, b = old.rencana.total, new.rencana.total
    for field in ("pagu_n", "pagu_n1"):
        x, y = getattr(a, field, None), getattr(b, field, None)
        if x != y:
            yield Change("changed", "T-C.33", None, "JUMLAH TOTAL", field, _text(x), _text(y),
                         (y or 0) - (x or 0))


def _texts(old: Renja, new: Renja) -> Iterator[Change]:
    def sections(renja: Renja) -> dict[str, str]:
        found = {}
        for bab in renja.bab:
            found[f"BAB {bab.nomor}"] = bab.teks
            for s in bab.bagian:
                found[f"{s.nomor} {s.judul}"] = s.teks
        return found

    a, b = sections(old), sections(new)
    for name in [*b, *(k for k in a if k not in b)]:
        if a.get(name) != b.get(name):
            yield Change("changed", "Teks", None, name, "teks", _short(a.get(name)),
                         _short(b.get(name)))


def _short(text: str | None) -> str | None:
    if text is None:
        return None
    return text if len(text) <= 80 else text[:77] + "…"


def _tables(old: Renja, new: Renja) -> Iterator[Change]:
    for key, label in (("tc29", "T-C.29"), ("tc30", "T-C.30"), ("tc31", "T-C.31"),
                       ("tc32", "T-C.32"), ("tujuan_sasaran", "Tabel 3.2")):
        if getattr(old, key) is getattr(new, key):
            continue
        a, b = getattr(old, key).rows, getattr(new, key).rows
        for i in range(max(len(a), len(b))):
            x = a[i] if i < len(a) else None
            y = b[i] if i < len(b) else None
            if x is y:
                continue
            name = _row_name(y or x)
            if x is None:
                yield Change("added", label, getattr(y, "kode", None), name)
            elif y is None:
                yield Change("removed", label, getattr(x, "kode", None), name)
            elif x != y:
                for field, old_value, new_value in _fields(x, y):
                    yield Change("changed", label, getattr(y, "kode", None), name, field,
                                 old_value, new_value)


def _row_name(row: Any) -> str:
    for attr in ("nama", "indikator", "program_kegiatan", "uraian"):
        value = getattr(row, attr, None)
        if isinstance(value, str) and value:
            return value
    kebutuhan = getattr(row, "kebutuhan", None)
    return getattr(kebutuhan, "nama", "") or ""


def _fields(a: Any, b: Any, prefix: str = "") -> Iterator[tuple[str, str | None, str | None]]:
    """Leaf differences between two rows of the same type (provenance left out)."""
    if isinstance(a, Target) or isinstance(b, Target) or not hasattr(type(a), "model_fields"):
        if _text(a) != _text(b):
            yield prefix.rstrip("."), _text(a), _text(b)
        return
    for name in type(a).model_fields:
        if name == "provenance":
            continue
        x, y = getattr(a, name), getattr(b, name, None)
        if isinstance(x, list) and isinstance(y, list):
            for i in range(max(len(x), len(y))):
                xi = x[i] if i < len(x) else None
                yi = y[i] if i < len(y) else None
                if xi is None or yi is None:
                    if _text(xi) != _text(yi):
                        yield f"{prefix}{name}.{i + 1}", _text(xi), _text(yi)
                else:
                    yield from _fields(xi, yi, f"{prefix}{name}.{i + 1}.")
        elif hasattr(type(x), "model_fields") and not isinstance(x, Target):
            yield from _fields(x, y, f"{prefix}{name}.")
        elif x != y:
            yield f"{prefix}{name}", _text(x), _text(y)
