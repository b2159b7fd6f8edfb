"""Moving a plan to a new version of the nomenclature: for every coded row a proposal (kept,
renamed, moved, merged, removed with the closest candidates, or unknown to the old version),
which the planner accepts row by row; nothing changes without acceptance. Cross-cutting codes
(``X.XX.01…``) are compared in their catalogue form and proposed in the agency's own bidang."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from renja.codes import Kode, parse_kode
from renja.domain import PlanNode, Renja
from renja.edit import paths, recode
from renja.errors import CodeError, RenjaError
from renja.nomenklatur.catalogue import Catalogue, default_catalogue, normalise_name
from renja.nomenklatur.changes import Change, Report, compare

LABELS = {"tetap": "tetap", "ganti_nama": "ganti nama", "pindah": "pindah kode",
          "gabung": "digabung", "hapus": "dihapus", "tidak_dikenal": "tidak ada di versi lama"}


@dataclass(frozen=True)
class Proposal:
    path: str
    level: str
    kode_lama: str
    nama_lama: str
    jenis: str
    kode_baru: str | None = None
    nama_baru: str | None = None
    kandidat: tuple[tuple[str, str], ...] = field(default=(), compare=False)
    """(kode, nama) of the closest entries of the new version, in the agency's bidang."""

    @property
    def needs_review(self) -> bool:
        return self.jenis != "tetap"


PROPOSAL_FIELDS = ("baris", "level", "kode_lama", "nama_lama", "jenis", "kode_baru",
                   "nama_baru", "calon")
"""The columns of a proposal as the CLI's and Bappeda's CSV write it."""


def proposal_line(p: Proposal) -> list[str]:
    """A proposal as a CSV line of :data:`PROPOSAL_FIELDS` (texts a spreadsheet would run
    as formulas are kept as text)."""
    from renja.text import spreadsheet_safe

    values = (p.path, p.level, p.kode_lama, p.nama_lama, LABELS[p.jenis], p.kode_baru,
              p.nama_baru, "; ".join(f"{k} {n}" for k, n in p.kandidat))
    return [str(spreadsheet_safe(v) or "") for v in values]


@lru_cache(maxsize=16)
def _report(catalogue: Catalogue, old: str, new: str) -> Report:
    return compare(catalogue.version_entries(old), catalogue.version_entries(new))


def versions_of(renja: Renja, catalogue: Catalogue, target: str) -> tuple[str, str]:
    """(the version the plan follows, the one it moves to)."""
    if catalogue.version(target) is None:
        known = ", ".join(v.id for v in catalogue.versions)
        raise RenjaError(f"unknown nomenclature version '{target}' ({known})",
                         f"versi nomenklatur '{target}' tidak dikenal ({known})")
    old = renja.nomenklatur_versi if renja.nomenklatur_versi and \
        catalogue.version(renja.nomenklatur_versi) else catalogue.nearest_version(renja.tahun).id
    return old, target


def _in_catalogue(kode: Kode, table: dict[str, Change]) -> tuple[str, bool]:
    """The catalogue's form of a plan code (its ``X.XX`` form for program 01), and whether the
    catalogue holds it."""
    if kode.canonical in table:
        return kode.canonical, True
    cross = kode.as_cross_cutting()
    if cross.canonical in table:
        return cross.canonical, True
    return kode.canonical, False


def _own(kode: str | None, bidang: Kode | None) -> str | None:
    if kode is None or bidang is None:
        return kode
    return parse_kode(kode).with_bidang(bidang).canonical


def propose(renja: Renja, target: str, catalogue: Catalogue | None = None) -> list[Proposal]:
    """A proposal for every coded program, kegiatan and sub kegiatan of the plan."""
    catalogue = catalogue or default_catalogue()
    old, new = versions_of(renja, catalogue, target)
    table = {c.kode_lama: c for c in _report(catalogue, old, new).changes if c.kode_lama}
    current = {e.kode: e for e in catalogue.version_entries(new)}
    found = []
    for path, node, _ in paths(renja):
        if node.level not in ("program", "kegiatan", "sub_kegiatan") or not node.kode:
            continue
        try:
            kode = parse_kode(node.kode)
        except CodeError:
            continue
        key, _ = _in_catalogue(kode, table)
        bidang = Kode(kode.urusan, kode.bidang) if kode.bidang and not kode.is_cross_cutting \
            else None  # what stands for X.XX in this agency's codes
        change = table.get(key)
        settled = current.get(kode.canonical) or current.get(kode.as_cross_cutting().canonical)
        if settled is not None and settled.key == normalise_name(node.nama):
            # the new version's code and name already (kept, or accepted before)
            found.append(Proposal(path, node.level, node.kode, node.nama, "tetap", node.kode,
                                  node.nama))
            continue
        if change is None:
            found.append(Proposal(path, node.level, node.kode, node.nama, "tidak_dikenal",
                                  kandidat=_candidates(catalogue, new, node, bidang)))
            continue
        kandidat = tuple((_own(e.kode, bidang) or e.kode, e.nama) for e in change.kandidat)
        found.append(Proposal(path, node.level, node.kode, node.nama, change.kind,
                              _own(change.kode_baru, bidang), change.nama_baru, kandidat))
    return found


def _candidates(catalogue: Catalogue, versi: str, node: PlanNode,
                bidang: Kode | None) -> tuple[tuple[str, str], ...]:
    version = catalogue.version(versi)
    tahun = version.berlaku_mulai if version else None
    matches = catalogue.search(node.nama, level=node.level, limit=3, tahun=tahun)
    return tuple((_own(m.entry.kode, bidang) or m.entry.kode, m.entry.nama) for m in matches)


def accept(renja: Renja, proposal: Proposal, kode: str | None = None,
           catalogue: Catalogue | None = None, target: str | None = None) -> tuple[str, str]:
    """Apply one accepted proposal to ``renja``: the row (and the rows of T-C.29, T-C.31 and
    the list of 3.3 naming it) takes the new code and name; for a removed code ``kode`` is
    the candidate chosen. Returns (old code, new code). Refused when the row is no longer the
    one proposed (someone changed it since)."""
    chosen = kode or proposal.kode_baru
    if not chosen:
        raise RenjaError(f"{proposal.kode_lama}: choose the new code",
                         f"{proposal.kode_lama}: pilih kode baru untuknya")
    names = dict(proposal.kandidat)
    if chosen != proposal.kode_baru and chosen not in names:
        raise RenjaError(f"{proposal.kode_lama}: '{chosen}' is not one of the proposed codes",
                         f"{proposal.kode_lama}: '{chosen}' bukan kode yang diusulkan")
    nama = proposal.nama_baru if chosen == proposal.kode_baru else names[chosen]
    node = dict((p, n) for p, n, _ in paths(renja)).get(proposal.path)
    if node is None or node.kode != proposal.kode_lama:
        raise RenjaError(f"row {proposal.path} is no longer {proposal.kode_lama}; reload",
                         f"baris {proposal.path} bukan lagi {proposal.kode_lama}; muat ulang")
    recode(renja, node, chosen, nama or node.nama)
    if target is not None and all(not p.needs_review for p in propose(renja, target, catalogue)):
        renja.nomenklatur_versi = target
    return proposal.kode_lama, chosen
