"""What changed between two versions of the nomenclature, code by code: kept, renamed (same
code, new name), moved (same name, new code), merged (several codes into one), removed (with
the closest candidates of the new version) and added. Moves and merges are read from the
decree's own "kode lama" column when it has one, else found by name at the same level."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Literal

from rapidfuzz import fuzz, process

from renja.codes import Level
from renja.nomenklatur.catalogue import Entry

Kind = Literal["tetap", "ganti_nama", "pindah", "gabung", "hapus", "baru"]
KINDS: dict[str, str] = {
    "tetap": "tetap", "ganti_nama": "ganti nama", "pindah": "pindah kode",
    "gabung": "digabung", "hapus": "dihapus", "baru": "baru",
}


@dataclass(frozen=True)
class Change:
    kind: Kind
    level: Level
    kode_lama: str | None = None
    nama_lama: str | None = None
    kode_baru: str | None = None
    nama_baru: str | None = None
    kandidat: tuple[Entry, ...] = field(default=(), compare=False)
    """For a removed code: the new version's entries named most like it, best first."""


@dataclass
class Report:
    changes: list[Change]

    def of(self, kind: Kind) -> list[Change]:
        return [c for c in self.changes if c.kind == kind]

    def counts(self) -> dict[str, int]:
        return {kind: len(self.of(kind)) for kind in KINDS}  # type: ignore[arg-type]

    def lines(self) -> list[str]:
        """The report as people read it: counts, then every change but the kept codes."""
        counts = self.counts()
        out = [", ".join(f"{counts[k]} {label}" for k, label in KINDS.items())]
        for change in self.changes:
            if change.kind == "tetap":
                continue
            old = f"{change.kode_lama} {change.nama_lama}" if change.kode_lama else ""
            new = f"{change.kode_baru} {change.nama_baru}" if change.kode_baru else ""
            text = {"ganti_nama": f"{change.kode_lama}: '{change.nama_lama}' → "
                                  f"'{change.nama_baru}'",
                    "pindah": f"{old} → {change.kode_baru}",
                    "gabung": f"{old} → {new}",
                    "hapus": old + (" (calon: " + "; ".join(
                        f"{e.kode} {e.nama}" for e in change.kandidat) + ")"
                                    if change.kandidat else ""),
                    "baru": new}[change.kind]
            out.append(f"{KINDS[change.kind]}: {text}")
        return out


def _key(entry: Entry) -> str:
    return entry.key


def compare(old: list[Entry], new: list[Entry],
            explicit: dict[str, list[str]] | None = None, candidates: int = 3) -> Report:
    """The change of every code of ``old`` and every code ``new`` adds. ``explicit``: new
    code → the old codes the decree says it replaces (a move, or a merge of several)."""
    old_by = {e.kode: e for e in old}
    new_by = {e.kode: e for e in new}
    explicit = explicit if explicit is not None else {
        e.kode: list(e.kode_lama) for e in new if e.kode_lama}
    changes: list[Change] = []
    claimed: set[str] = set()
    replaced: dict[str, list[str]] = {k: [o for o in v if o in old_by and o != k]
                                      for k, v in explicit.items() if k in new_by}
    for target, sources in replaced.items():
        kind: Kind = "gabung" if len(sources) > 1 else "pindah"
        for source in sources:
            if source in new_by:
                continue  # the old code lives on: it is not moved away
            a, b = old_by[source], new_by[target]
            changes.append(Change(kind, a.level, a.kode, a.nama, b.kode, b.nama))
            claimed.add(source)
    gone = [e for e in old if e.kode not in new_by and e.kode not in claimed]
    fresh = {e.kode: e for e in new if e.kode not in old_by}
    by_name: dict[tuple[str, str], list[Entry]] = defaultdict(list)
    for entry in fresh.values():
        by_name[(entry.level, _key(entry))].append(entry)
    taken = {c.kode_baru for c in changes}
    for entry in old:
        if entry.kode in new_by:
            other = new_by[entry.kode]
            same = _key(entry) == _key(other)
            changes.append(Change("tetap" if same else "ganti_nama", entry.level, entry.kode,
                                  entry.nama, other.kode, other.nama))
    level_index: dict[str, list[Entry]] = defaultdict(list)
    for entry in new:
        level_index[entry.level].append(entry)
    for entry in gone:
        twins = [e for e in by_name.get((entry.level, _key(entry)), []) if e.kode not in taken]
        if twins:
            twin = min(twins, key=lambda e: _distance(entry.kode, e.kode))
            taken.add(twin.kode)
            changes.append(Change("pindah", entry.level, entry.kode, entry.nama, twin.kode,
                                  twin.nama))
            continue
        changes.append(Change("hapus", entry.level, entry.kode, entry.nama,
                              kandidat=_closest(entry, level_index[entry.level], candidates)))
    for entry in new:
        if entry.kode in fresh and entry.kode not in taken:
            changes.append(Change("baru", entry.level, kode_baru=entry.kode,
                                  nama_baru=entry.nama))
    order = {e.kode: i for i, e in enumerate(old)}
    changes.sort(key=lambda c: (order.get(c.kode_lama or "", len(order)), c.kode_baru or ""))
    return Report(changes)


def _distance(a: str, b: str) -> int:
    """How far apart two codes are in the tree: parts that differ."""
    pa, pb = a.split("."), b.split(".")
    return sum(1 for x, y in zip(pa, pb, strict=False) if x != y) + abs(len(pa) - len(pb))


def _closest(entry: Entry, pool: list[Entry], limit: int) -> tuple[Entry, ...]:
    """The entries of the new version most like ``entry``: first those under the same parent
    (a removed sub kegiatan's work usually goes to a sibling), then the same program, then the
    same bidang, then anywhere at its level; by name (token sort), best first."""
    if not pool or limit <= 0:
        return ()
    found: list[Entry] = []
    parts = entry.kode.split(".")
    for depth, cutoff in ((len(parts) - 1, 30), (3, 45), (2, 55), (0, 65)):
        prefix = ".".join(parts[:depth]) + "." if depth else ""
        near = [e for e in pool if e.kode.startswith(prefix) and e not in found]
        scored = process.extract(entry.sorted_key, [e.sorted_key for e in near],
                                 scorer=fuzz.ratio, limit=limit, score_cutoff=cutoff)
        found += [near[index] for _, _, index in scored]
        if len(found) >= limit:
            break
    return tuple(found[:limit])
